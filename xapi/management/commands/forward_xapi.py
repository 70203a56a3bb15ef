"""``manage.py forward_xapi``: for cron, every few minutes (docs/deployment.md). Posts the due xAPI statements now."""

from django.core.management.base import BaseCommand

from xapi import services
from xapi.tasks import forward_statements


class Command(BaseCommand):
    help = "Post the xAPI statements waiting in the outbox to the LRS (XAPI_LRS_ENDPOINT), retries included."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue", action="store_true", help="Queue the forwarding task for the worker instead of posting here."
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            forward_statements.enqueue()
            self.stdout.write("forwarding queued")
            return
        result = services.forward_due()
        if not result.configured:
            self.stdout.write("no LRS configured (XAPI_LRS_ENDPOINT): the outbox keeps every statement")
        else:
            self.stdout.write(
                f"sent: {result.sent}, refused: {result.rejected}, to retry: {result.failed}, requests: {result.posts}"
            )
            for error in result.errors:
                self.stderr.write(error)
        counts = services.outbox_counts()
        self.stdout.write("outbox: " + ", ".join(f"{state} {count}" for state, count in sorted(counts.items())))
