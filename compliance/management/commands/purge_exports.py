"""
Delete prepared exports (files and records) older than COMPLIANCE_EXPORT_RETENTION_HOURS.

The list of a manager's exports also purges whenever it is shown; run this hourly so files
never outlive the retention time on a quiet day. It also expires unconfirmed HR import
previews (``purge_import_previews``):

    5 * * * * cd /srv/training && .venv/bin/python manage.py purge_exports
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from compliance.exports import purge_expired_exports


class Command(BaseCommand):
    help = "Delete prepared spreadsheet exports older than the retention time."

    def handle(self, *args, **options):
        purged = purge_expired_exports()
        self.stdout.write(f"Exports deleted: {purged} (kept for {settings.COMPLIANCE_EXPORT_RETENTION_HOURS} hours).")
        # The other personal data waiting in the private storage: unconfirmed HR import previews.
        call_command("purge_import_previews", stdout=self.stdout)
