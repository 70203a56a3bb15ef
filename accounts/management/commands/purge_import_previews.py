"""
Expire HR import previews not confirmed within HR_IMPORT_PREVIEW_HOURS, deleting their stored
files (personal data). The run stays in Organisation → HR imports, marked expired.
``purge_exports`` runs this too, so the hourly job already scheduled covers it:

    5 * * * * cd /srv/training && .venv/bin/python manage.py purge_import_previews
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.importing import expire_previews


class Command(BaseCommand):
    help = "Expire HR import previews never confirmed and delete their stored files."

    def handle(self, *args, **options):
        expired = expire_previews()
        self.stdout.write(
            f"HR import previews expired: {expired} (kept for {settings.HR_IMPORT_PREVIEW_HOURS} hours)."
        )
