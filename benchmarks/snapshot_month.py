"""
One monthly compliance snapshot (``compliance.services.take_snapshot``) timed end to end on an
existing database: the figures per unit × course × rank computed from the history tables and
written as ``ComplianceSnapshotFigure`` rows, in one transaction. Issue 13's target: a force of
50,000 officers × 40 courses in ≤ 30 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_2m .venv/bin/python benchmarks/snapshot_month.py

The database is one ``benchmarks/compliance_reports.py --keep-db`` built. By default the
snapshot is rolled back at the end (the database is left as it was: snapshot rows can never be
deleted afterwards); ``--keep`` commits it. The day is the last month end not yet taken.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


class RolledBack(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="commit the snapshot instead of rolling it back")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from compliance import services
    from compliance.models import ComplianceSnapshot, Requirement
    from compliance.selectors import month_ends

    taken = set(ComplianceSnapshot.objects.values_list("day", flat=True))
    day = next(day for day in reversed(month_ends(timezone.localdate(), 24)[:-1]) if day not in taken)
    people = User.objects.filter(is_active=True).count()
    requirements = Requirement.objects.count()
    load = os.getloadavg()
    print(f"{connection.vendor}: {people} active people, {requirements} requirements; snapshot of {day}")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} cores)")
    try:
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            snapshot = services.take_snapshot(day=day)
            elapsed = time.perf_counter() - started
            figures = snapshot.figures.count()
            if not args.keep:
                raise RolledBack
    except RolledBack:
        pass
    print(
        f"take_snapshot({day}): {elapsed:.1f} s, {figures} unit × course × rank figures, "
        f"{len(queries) - 1} queries (bulk inserts of 1,000 rows included){'' if args.keep else ', rolled back'}"
    )


if __name__ == "__main__":
    main()
