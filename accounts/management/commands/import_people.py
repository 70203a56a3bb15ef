"""
``manage.py import_people FILE [--dry-run] [--full]``: the HR import from the command line,
for nightly HR feeds (docs/integration.md, "HR import"). The same report as the admin's
preview; the run is recorded (``ImportRun``, audit trail).

Exit codes, for schedulers: 0 done (or dry run clean); 2 the file cannot be imported (too big,
not a spreadsheet, wrong encoding or columns; also a missing file); 3 rows have errors,
nothing applied. (1 is Python's own for a crash; Django's ``CommandError`` also exits 1.)
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts import importing
from accounts.importing.report import report_lines
from accounts.models import User

EXIT_OK = 0
EXIT_INVALID_FILE = 2
EXIT_ROW_ERRORS = 3


class Command(BaseCommand):
    help = "Import people and units from an HR export (CSV or XLSX). Exit 0 ok, 2 invalid file, 3 row errors."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or XLSX exported by the HR system.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument(
            "--full",
            action="store_true",
            help="The file lists everyone: deactivate active people with an HR number who are not in it.",
        )
        parser.add_argument("--run-by", help="Username recorded as running the import (default: nobody).")

    def handle(self, *args, file, dry_run, full, run_by=None, **options):
        run_by_user = None
        if run_by:
            run_by_user = User.objects.filter(username=run_by).first()
            if run_by_user is None:
                raise CommandError(f"No user called {run_by!r}.")
        path = Path(file)
        try:
            importing.check_size(path.stat().st_size)
            content = path.read_bytes()
        except importing.ImportFileError as error:
            self.stderr.write(f"Invalid file: {error}")
            raise SystemExit(EXIT_INVALID_FILE) from None
        except OSError as error:
            self.stderr.write(f"Invalid file: cannot read {file}: {error.strerror}")
            raise SystemExit(EXIT_INVALID_FILE) from None

        result = importing.run(content=content, file_name=path.name, full=full, dry_run=dry_run, run_by=run_by_user)
        if result.file_error:
            self.stderr.write(f"Invalid file: {result.file_error}")
            raise SystemExit(EXIT_INVALID_FILE)
        for line in report_lines(result.plan):
            self.stdout.write(line)
        if result.plan.errors:
            self.stderr.write(
                f"{len(result.plan.errors)} row errors: nothing was applied (import run {result.run.pk})."
            )
            raise SystemExit(EXIT_ROW_ERRORS)
        verb = "Dry run: nothing was written" if dry_run else "Applied"
        self.stdout.write(f"{verb} (import run {result.run.pk}).")
        return None
