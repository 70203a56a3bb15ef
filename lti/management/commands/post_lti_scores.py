from django.core.management.base import BaseCommand

from lti import services


class Command(BaseCommand):
    help = "Send the LTI grades whose retry time has come (run every few minutes from cron)."

    def handle(self, *args, **options):
        results = services.post_due_scores()
        self.stdout.write(", ".join(f"{outcome}: {count}" for outcome, count in sorted(results.items())) or "none due")
