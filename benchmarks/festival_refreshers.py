"""
Benchmark: one festival-refresher run for a force of officers who completed the course.

    .venv/bin/python benchmarks/festival_refreshers.py [--officers 5000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/festival_refreshers.py \\
        --officers 50000

Builds a throwaway test database (as the test suite does): one course with a module and a
refresher 14 days before Rosh Hashanah, one requirement, and ``--officers`` people who each
have a current assignment, a completion and a compliance state row (written with
``bulk_create``). Then, on the refresher's send day, it times one run: ``queue_due_refreshers``
(the delivery log) and the send task it queues on commit (the immediate backend runs it in the
call; Django's locmem mail backend, so the figure is the platform's, not an SMTP server's),
with the SQL query count, and a second run (nothing to do). Figures belong in
docs/performance.md; speed targets are never timed tests.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import time_machine  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

SEND_DAY = datetime.date(2027, 9, 18)


def build(officers: int):
    from accounts.factories import UnitFactory
    from accounts.models import User
    from compliance.factories import RequirementFactory, unit_target
    from compliance.models import Assignment, AssignmentSource, ComplianceState
    from courses.factories import CoursePageFactory, ModulePageFactory
    from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus
    from notifications.models import FestivalRefresher

    unit = UnitFactory(name="Bench force", code="BENCH")
    course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Judaism guide")
    module = ModulePageFactory(parent=course, title="Shabbat and festivals")
    FestivalRefresher.objects.create(
        course=course, festival="jewish:Rosh Hashana", days_before=14, module=module, message="Plan visits."
    )
    requirement = RequirementFactory(course=course, targets=[unit_target(unit)], sync=False)
    users = User.objects.bulk_create(
        [
            User(
                username=f"bench{n}",
                email=f"bench{n}@example.police.uk",
                first_name="Bench",
                last_name=str(n),
                unit=unit,
            )
            for n in range(officers)
        ],
        batch_size=2000,
    )
    completed = timezone.make_aware(datetime.datetime(2027, 1, 10, 12))
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=u,
                course=course,
                course_title=course.title,
                status=EnrolmentStatus.COMPLETED,
                enrolled_at=completed,
                started_at=completed,
                completed_at=completed,
            )
            for u in users
        ],
        batch_size=2000,
    )
    completions = CourseCompletion.objects.bulk_create(
        [
            CourseCompletion(
                enrolment=e, user=e.user, course=course, course_title=course.title, completed_at=completed
            )
            for e in enrolments
        ],
        batch_size=2000,
    )
    day = datetime.date(2026, 12, 1)
    assignments = Assignment.objects.bulk_create(
        [
            Assignment(
                requirement=requirement,
                user=u,
                course=course,
                source=AssignmentSource.UNIT,
                assigned_on=day,
                due_on=day,
            )
            for u in users
        ],
        batch_size=2000,
    )
    ComplianceState.objects.bulk_create(
        [
            ComplianceState(
                assignment=a,
                requirement=requirement,
                user=a.user,
                course=course,
                unit=unit,
                unit_path=unit.path,
                assigned_on=day,
                due_on=day,
                completion=c,
                completed_at=completed,
                sort_due=datetime.date(9999, 12, 31),
            )
            for a, c in zip(assignments, completions, strict=True)
        ],
        batch_size=2000,
    )


def measure(label: str, function) -> None:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.2f} s, {len(queries)} queries ({result})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=5000)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        from notifications.refreshers import queue_due_refreshers, send_due_deliveries

        build(args.officers)
        with time_machine.travel(datetime.datetime(2027, 9, 18, 12, tzinfo=datetime.UTC), tick=True):
            # With the immediate backend the send task runs on commit, inside the call.
            measure("run (log + send task)", queue_due_refreshers)
            if len(mail.outbox) != args.officers:
                sys.exit(f"Expected {args.officers} messages, sent {len(mail.outbox)}.")
            measure("second run (nothing to do)", queue_due_refreshers)
            measure("send task alone, nothing due", send_due_deliveries)
        print(f"{args.officers} officers on {connection.vendor}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
