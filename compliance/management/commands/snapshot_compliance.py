"""
Freeze compliance at each month end not yet taken (``ComplianceSnapshot``): the charts' trend
reads past months from the snapshots. Idempotent: a month end is taken once and never
changed; the first run back-fills the last eleven from the history tables. Run it nightly
(or at least just after each month end):

    10 0 * * * cd /srv/training && .venv/bin/python manage.py snapshot_compliance
"""

import time

from django.core.management.base import BaseCommand

from compliance.services import SNAPSHOT_MONTHS, snapshot_compliance


class Command(BaseCommand):
    help = "Take the month-end compliance snapshots not yet taken (the last eleven month ends by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=SNAPSHOT_MONTHS,
            help=f"How many month ends back to take, if not taken yet (default {SNAPSHOT_MONTHS}).",
        )

    def handle(self, *args, months, **options):
        started = time.perf_counter()
        taken = snapshot_compliance(months=months)
        for snapshot in taken:
            self.stdout.write(f"Took the snapshot of {snapshot.day:%Y-%m-%d}: {snapshot.figures.count()} figures.")
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Snapshots taken: {len(taken)} (of the last {months} month ends) in {elapsed:.1f} s.")
