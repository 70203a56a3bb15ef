"""``manage.py queue_reminders``: for cron, daily (docs/deployment.md). Logs what is due and queues the sending."""

from django.core.management.base import BaseCommand

from notifications import services
from notifications.tasks import send_reminders


class Command(BaseCommand):
    help = "Log the reminders and digests due today (never twice) and queue their sending, with any due retries."

    def handle(self, *args, **options):
        result = services.queue_due()
        for kind, count in result.logged.items():
            self.stdout.write(f"{kind}: {count} new")
        if result.requeued:
            self.stdout.write(f"interrupted sends put back: {result.requeued}")
        waiting = services.due_count()
        if waiting:
            # The log rows are committed (queue_due's own transaction): the worker can see them.
            send_reminders.enqueue()
        self.stdout.write(f"to send now (new and retries): {waiting}")
