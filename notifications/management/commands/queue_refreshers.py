"""
For cron (hourly, or at least daily): log the festival refreshers due today and queue the task
that sends them and retries the failed ones whose next attempt has come.
"""

from django.core.management.base import BaseCommand

from notifications.refreshers import queue_due_refreshers


class Command(BaseCommand):
    help = "Queue the festival refreshers that are due, and the retries of failed ones."

    def handle(self, *args, **options):
        created = queue_due_refreshers()
        self.stdout.write(f"Festival refreshers: {created} new deliveries logged; sending queued.")
