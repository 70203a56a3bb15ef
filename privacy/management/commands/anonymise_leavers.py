from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from privacy import retention


class Command(BaseCommand):
    help = (
        "Anonymise people who left more than RETENTION_YEARS years ago (names, username, email, warrant and "
        "staff numbers; reasons and evidence of their exemptions and adjustments), keeping their training "
        "records. Run with --dry-run first to see who would be anonymised."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be anonymised; change nothing.")
        parser.add_argument(
            "--years", type=int, default=None, help="Override RETENTION_YEARS for this run (at least 1)."
        )

    def handle(self, *args, dry_run=False, years=None, **options):
        years = settings.RETENTION_YEARS if years is None else years
        if years < 1:
            raise CommandError("The retention period must be at least one year.")
        if dry_run:
            found = retention.leavers(years=years)
            for leaver in found:
                person = leaver.person
                self.stdout.write(
                    f"would anonymise user {person.pk} ({person.username}), left {leaver.left_at:%Y-%m-%d}"
                )
            self.stdout.write(
                f"Dry run: {len(found)} people left more than {years} years ago and would be anonymised. "
                "Nothing was changed."
            )
            return
        found = retention.anonymise_leavers(years=years)
        self.stdout.write(self.style.SUCCESS(f"Anonymised {len(found)} people who left more than {years} years ago."))
