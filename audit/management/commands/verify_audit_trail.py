from django.core.management.base import BaseCommand, CommandError

from audit.selectors import verify_trail


class Command(BaseCommand):
    help = (
        "Re-compute the audit trail's hash chain and report the first broken link (an event edited, "
        "removed or reordered). Exits with status 1 if the chain does not hold. Run it nightly."
    )

    def handle(self, *args, **options):
        result = verify_trail()
        if not result.ok:
            where = f"event {result.broken.sequence}" if result.broken.sequence else "the chain"
            raise CommandError(
                f"Audit trail broken at {where}: {result.broken.reason}. {result.checked} events before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {result.checked} events checked."))
