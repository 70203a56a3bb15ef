"""
The HR import's query count, pinned for 5,000 rows (docs/performance.md, "HR import"): the
plan is a fixed number of queries whatever the number of rows; applying it saves each person
(so unit history and the audit trail follow as for any save: a fixed number per person) and
synchronises everyone's mandatory training ONCE, in bulk (``compliance.services.sync_people``),
not once per person.
"""

import pytest
from django.db import connection

from accounts import importing
from accounts.importing.reading import read_rows
from accounts.models import UnitMembership
from compliance.factories import RequirementFactory, unit_target
from compliance.models import Assignment, ComplianceState
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage

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
            f"Test Constabulary/North Command/Team {team},{manager},"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.fixture
def requirement(org):
    course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Team 3 safety")
    RequirementFactory(course=course, targets=[unit_target(org.north)])


def count(function) -> int:
    """Queries made by ``function`` (counted, not logged: the log keeps only 9,000)."""
    made = []

    def counter(execute, sql, params, many, context):
        made.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        function()
    return len(made)


def test_a_5000_row_import_makes_a_pinned_number_of_queries(org, requirement):
    rows = 5000
    content = hr_file(rows)
    # The dry run: people, units and usernames, three queries whatever the size.
    assert count(lambda: importing.planning.plan_import(read_rows(content), full=False)) == 3
    # 5,000 people created in 10 new units, with their managers, history and assignments.
    applied = count(lambda: importing.run(content=content, file_name="hr.csv", full=False, dry_run=False))
    assert Assignment.objects.filter(ended_on__isnull=True).count() == rows
    assert ComplianceState.objects.count() == rows
    # All 5,000 move to another team: history kept, assignments re-synchronised once.
    moved = hr_file(rows, team_offset=1)
    moving = count(lambda: importing.run(content=moved, file_name="hr.csv", full=False, dry_run=False))
    # SQLite takes smaller bulk batches (its limit on query parameters, divided by the person's
    # columns: SCIM's external_id made the batches smaller, 439 → 443, and updated_at 443 → 449),
    # so more queries; the new units' siblings take their new paths (two queries for North).
    assert (applied, moving) == {"sqlite": (451, 298), "postgresql": (309, 187)}[connection.vendor]
    assert UnitMembership.objects.count() == 2 * rows
