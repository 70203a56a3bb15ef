"""
Move exemption evidence and prepared exports from the public media storage into the private
storage (issue 11, finding 8). Run once after upgrading; running it again moves nothing.

    python manage.py move_private_files            # move, then delete the public copies
    python manage.py move_private_files --dry-run  # only say what would move

Each file keeps its name, so no record changes. A file already in the private storage is left
alone (its public copy, if any, is deleted); a file in neither is reported as missing.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from compliance.models import Exemption, ExportJob
from core.storage import private_storage


class Command(BaseCommand):
    help = "Move exemption evidence and prepared exports into the private storage (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would move; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        names = [
            *Exemption.objects.exclude(evidence="").values_list("evidence", flat=True),
            *ExportJob.objects.exclude(file="").values_list("file", flat=True),
        ]
        moved = already = missing = 0
        for name in names:
            in_public = default_storage.exists(name)
            if private_storage.exists(name):
                already += 1
                if in_public and not dry_run:
                    default_storage.delete(name)
                continue
            if not in_public:
                missing += 1
                self.stdout.write(f"Missing from both storages: {name}")
                continue
            moved += 1
            if dry_run:
                self.stdout.write(f"Would move: {name}")
                continue
            with default_storage.open(name, "rb") as source:
                saved = private_storage.save(name, source)
            if saved != name:  # never: the name was free; but never lose the link either
                private_storage.delete(saved)
                raise CommandError(f"Could not keep the name {name} in the private storage.")
            default_storage.delete(name)
        verb = "Would move" if dry_run else "Moved"
        self.stdout.write(f"{verb} {moved} file(s); {already} already private; {missing} missing.")
