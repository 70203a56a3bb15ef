"""
Benchmark: an HR import of ``--rows`` people (5,000 by default), then the same people all
moving team.

    .venv/bin/python benchmarks/hr_import.py [--rows 5000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/hr_import.py --rows 30000

Builds a throwaway test database (as the test suite does): a force with one command, and one
requirement covering the command and its sub-units. Then times, with the SQL query count:
reading and planning the file (the dry run), applying it (people created in 10 new teams, their
unit history, line managers, assignments and compliance state, all in one transaction), and
a second file that moves everyone to another team. Figures belong in docs/performance.md; the
query count is pinned in tests/accounts/test_importing_queries.py.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

HEADER = (
    "warrant_number,staff_number,first_name,last_name,email,rank,unit_path,line_manager_warrant_number,leaving_date"
)
TEAMS = 10


def hr_file(rows: int, *, team_offset: int = 0) -> bytes:
    lines = [HEADER]
    for number in range(rows):
        team = (number + team_offset) % TEAMS
        manager = "" if number < TEAMS else str(100000 + number % TEAMS)
        lines.append(
            f"{100000 + number},S{100000 + number},Given{number},Family{number},p{number}@example.org,PC,"
            f"Bench force/Bench command/Team {team},{manager},"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def measure(label: str, function) -> None:
    made = []

    def counter(execute, sql, params, many, context):
        made.append(1)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        function()
    print(f"{label}: {time.perf_counter() - started:.2f} s, {len(made)} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        from accounts import importing
        from accounts.factories import UnitFactory
        from accounts.importing.reading import read_rows
        from accounts.models import UnitKind
        from compliance.factories import RequirementFactory, unit_target
        from compliance.models import ComplianceState
        from courses.factories import CoursePageFactory
        from courses.models import CourseCataloguePage

        force = UnitFactory(name="Bench force", code="BENCH")
        command = UnitFactory(parent=force, name="Bench command", code="BENCH-C", kind=UnitKind.COMMAND)
        course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Bench course")
        RequirementFactory(course=course, targets=[unit_target(command)])

        content = hr_file(args.rows)
        measure("dry run (read + plan)", lambda: importing.planning.plan_import(read_rows(content), full=False))
        measure(
            "import (create)", lambda: importing.run(content=content, file_name="hr.csv", full=False, dry_run=False)
        )
        if ComplianceState.objects.count() != args.rows:
            sys.exit("Expected one compliance state row per person.")
        moved = hr_file(args.rows, team_offset=1)
        measure(
            "import (everyone moves)",
            lambda: importing.run(content=moved, file_name="hr.csv", full=False, dry_run=False),
        )
        print(f"{args.rows} rows on {connection.vendor}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
