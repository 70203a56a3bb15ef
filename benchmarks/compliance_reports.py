"""
Benchmark: compliance reports and exports on a force-sized data set.

    .venv/bin/python benchmarks/compliance_reports.py [--officers 20000] [--units 40]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/compliance_reports.py

Builds a throwaway test database (the same way the test suite does), fills it with a force of
officers, two force-wide requirements and completions for about half of them, then measures,
as the administrator (who sees everyone): the compliance summary, one page of the officer list,
the charts, and the full CSV and XLSX exports. For each it prints the wall time, the number of
SQL queries and the peak Python memory while producing the response. Speed targets are judged
from these figures, never from timed tests.
"""

import argparse
import datetime
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402


def build(officers: int, units: int):
    from accounts.models import Rank, Unit, UnitMembership, User
    from compliance.models import DueRule, Requirement, RequirementTarget, TargetKind
    from compliance.services import sync_requirement
    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus

    today = timezone.localdate()
    force = Unit.add_root(name="Benchmark Police", kind="force", code="BP")
    commands = [force.add_child(name=f"Command {n}", kind="command", code=f"C{n}") for n in range(max(units // 8, 1))]
    teams = []
    for n in range(units):
        command = Unit.objects.get(pk=commands[n % len(commands)].pk)
        teams.append(command.add_child(name=f"Team {n}", kind="team", code=f"T{n}"))
    password = make_password("benchmark-password")
    people = User.objects.bulk_create(
        User(
            username=f"officer{n}",
            first_name="Officer",
            last_name=f"{n:05d}",
            warrant_number=str(100000 + n),
            rank=Rank.POLICE_CONSTABLE,
            unit=teams[n % len(teams)],
            password=password,
        )
        for n in range(officers)
    )
    UnitMembership.objects.bulk_create(
        UnitMembership(user=p, unit_id=p.unit_id, started_at=timezone.now() - datetime.timedelta(days=800))
        for p in people
    )
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    courses = [
        CoursePageFactory(parent=catalogue, title=title, validity_months=12)
        for title in ("Hate crime", "Online hate crime")
    ]
    for course in courses:
        requirement = Requirement(
            course=course, due_rule=DueRule.DAYS_AFTER, due_days=90, starts_on=today - datetime.timedelta(days=400)
        )
        requirement.targets.add(RequirementTarget(kind=TargetKind.UNIT, unit=force, include_subunits=True))
        requirement.save()
        sync_requirement(requirement)
        done = people[::2]
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                user=p,
                course=course,
                course_title=course.title,
                status=EnrolmentStatus.COMPLETED,
                enrolled_at=timezone.now(),
                completed_at=timezone.now() - datetime.timedelta(days=n % 500),
            )
            for n, p in enumerate(done)
        )
        CourseCompletion.objects.bulk_create(
            CourseCompletion(
                enrolment=e,
                user_id=e.user_id,
                course=course,
                course_title=course.title,
                completed_at=e.completed_at,
                valid_until=CourseCompletion.valid_until_for(e.completed_at.date(), 12),
            )
            for e in enrolments
        )
    admin = User.objects.create_superuser("bench-admin", "admin@example.police.uk", "benchmark-password")
    with connection.cursor() as cursor:
        # Fresh tables have no planner statistics; a live database has them from autovacuum.
        cursor.execute("ANALYZE")
    return admin


def _fetch(client: Client, url: str, data) -> tuple[int, int]:
    response = client.get(url, data or {})
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
    return size, response.status_code


def measure(client: Client, label: str, url: str, data=None):
    """Time one request (untraced), then run it again under tracemalloc for its peak memory."""
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        size, _status = _fetch(client, url, data)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    _fetch(client, url, data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<32} {elapsed:7.2f} s  {len(queries):4d} queries  "
        f"peak {peak / 2**20:7.1f} MiB  {size / 1024:9.0f} KiB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=20000)
    parser.add_argument("--units", type=int, default=40)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        admin = build(args.officers, args.units)
        print(
            f"{connection.vendor}: {args.officers} officers in {args.units} teams, 2 force-wide requirements "
            f"({2 * args.officers} assignments), built in {time.perf_counter() - started:.1f} s\n"
        )
        client = Client()
        client.force_login(admin)
        measure(client, "Compliance summary", reverse("compliance_reports:summary"))
        measure(client, "Officer list (first page)", reverse("compliance_reports:officers"))
        measure(client, "Overdue list (first page)", reverse("compliance_reports:overdue"))
        measure(client, "Charts (12 months)", reverse("compliance_reports:charts"))
        measure(client, "Officer list CSV (streamed)", reverse("compliance_reports:officers"), {"export": "csv"})
        measure(client, "Officer list XLSX", reverse("compliance_reports:officers"), {"export": "xlsx"})
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
