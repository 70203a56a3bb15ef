"""
Month-end snapshots and the charts' twelve-month trend.

The trend reads past month ends from snapshots (``manage.py snapshot_compliance``) and today
from the stored state; a month end not yet taken is computed from the history tables. Both
must give what ``with_status`` gives at the end of each month end, for the people now in the
viewer's scope: a property test checks that on random histories against an independent
computation in Python, then fixed cases cover month ends across months and years, leap days
(the clock frozen with time-machine), scope, immutability and the view's query count.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from compliance import services
from compliance.factories import ExemptionFactory, RequirementFactory
from compliance.models import (
    Assignment,
    AssignmentSource,
    ComplianceSnapshot,
    ComplianceSnapshotFigure,
    Exemption,
    SnapshotIsFrozen,
)
from compliance.selectors import (
    Window,
    assignments_in_scope,
    compliance_trend,
    end_of,
    month_ends,
)
from compliance.status import COMPLIANT, with_status
from courses.models import CourseCompletion, Enrolment, EnrolmentStatus
from tests.compliance.conftest import record_completion
from tests.compliance.test_reports import grow, queries_for

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)
LONDON = ZoneInfo("Europe/London")
PEOPLE = ["officer", "other_officer", "manager_of_unit", "manager_of_other_unit", "trainer"]


def noon(on: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(on, datetime.time(12), tzinfo=LONDON)


def complete(user, course, *, at: datetime.datetime, valid_until: datetime.date | None) -> CourseCompletion:
    """A completion made directly at a given moment (no signal: callers rebuild the state)."""
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        course_title=course.title,
        status=EnrolmentStatus.COMPLETED,
        enrolled_at=at,
        started_at=at,
        completed_at=at,
    )
    return CourseCompletion.objects.create(
        enrolment=enrolment,
        user=user,
        course=course,
        course_title=course.title,
        completed_at=at,
        valid_until=valid_until,
    )


def expected_trend(viewer, today: datetime.date) -> list[tuple[datetime.date, int, int]]:
    """
    The trend worked out in Python from the rows, by the rules of ``compliance.status``:
    at the end of each day, an assignment live then (assigned by it, not ended by it) of an
    active person now in the viewer's scope is compliant when an exemption covers the day or
    the person's latest completion made by the end of the day has not run out.
    """
    scope = set(assignments_in_scope(viewer).values_list("pk", flat=True))
    assignments = list(Assignment.objects.filter(pk__in=scope))
    completions = list(CourseCompletion.objects.order_by("completed_at", "pk"))
    exemptions = list(Exemption.objects.all())
    points = []
    for point in month_ends(today):
        total = compliant = 0
        for assignment in assignments:
            if assignment.assigned_on > point or (assignment.ended_on is not None and assignment.ended_on <= point):
                continue
            total += 1
            exempt = any(
                e.user_id == assignment.user_id
                and e.requirement_id == assignment.requirement_id
                and e.starts_on <= point
                and (e.ends_on is None or e.ends_on >= point)
                for e in exemptions
            )
            made = [
                c
                for c in completions
                if c.user_id == assignment.user_id
                and c.course_id == assignment.course_id
                and c.completed_at < end_of(point)
            ]
            latest = made[-1] if made else None
            valid = latest is not None and (latest.valid_until is None or latest.valid_until >= point)
            compliant += exempt or valid
        points.append((point, compliant, total))
    return points


def with_status_trend(viewer, today: datetime.date) -> list[tuple[datetime.date, int, int]]:
    """The reference: ``with_status`` evaluated at the end of each month end, one query per row count."""
    points = []
    for point in month_ends(today):
        live = assignments_in_scope(viewer).filter(assigned_on__lte=point).exclude(ended_on__lte=point)
        rows = with_status(live, today=point, due_soon_days=30, expiring_days=30, completed_before=end_of(point))
        points.append((point, rows.filter(status__in=COMPLIANT).count(), rows.count()))
    return points


def trend(viewer, today: datetime.date) -> list[tuple[datetime.date, int, int]]:
    return [(p.day, p.compliant, p.total) for p in compliance_trend(viewer, Window(today, 30, 30))]


# The property: fast trend (snapshots or history) == with_status at each month end == Python

assignment_step = st.tuples(
    st.sampled_from(PEOPLE), st.integers(0, 1), st.integers(0, 420), st.one_of(st.none(), st.integers(0, 300))
)
completion_step = st.tuples(
    st.sampled_from(PEOPLE),
    st.integers(0, 1),
    st.integers(0, 420),
    st.integers(0, 23),
    st.one_of(st.none(), st.integers(-30, 400)),
)
exemption_step = st.tuples(
    st.sampled_from(PEOPLE), st.integers(0, 1), st.integers(-420, 30), st.one_of(st.none(), st.integers(0, 200))
)
TODAYS = [
    datetime.date(2028, 2, 29),  # a leap day
    datetime.date(2028, 3, 31),  # a month end, the year's February a leap one
    datetime.date(2027, 12, 31),  # the last day of a year
    datetime.date(2027, 1, 1),  # the first day of a year
    datetime.date(2026, 7, 15),
]


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    today=st.sampled_from(TODAYS),
    assignments=st.lists(assignment_step, min_size=1, max_size=8),
    completions=st.lists(completion_step, max_size=8),
    exemptions=st.lists(exemption_step, max_size=3),
    leaver=st.one_of(st.none(), st.sampled_from(PEOPLE)),
)
def test_the_trend_is_with_status_at_each_month_end_with_or_without_snapshots(
    today, assignments, completions, exemptions, leaver, people, org, hate_crime, judaism
):
    courses = [hate_crime, judaism]
    with time_machine.travel(noon(today), tick=False), transaction.atomic():
        requirements = [
            RequirementFactory(course=course, starts_on=today - 500 * day, targets=[], sync=False)
            for course in courses
        ]
        for name, index, ago, length in assignments:
            assigned_on = today - ago * day
            ended_on = None if length is None else min(assigned_on + length * day, today)
            current = Assignment.objects.filter(user=people[name], requirement=requirements[index], ended_on=None)
            if ended_on is None and current.exists():
                ended_on = today
            Assignment.objects.create(
                requirement=requirements[index],
                user=people[name],
                course=courses[index],
                source=AssignmentSource.PERSON,
                assigned_on=assigned_on,
                due_on=assigned_on + 30 * day,
                ended_on=ended_on,
            )
        for name, index, ago, hour, validity in completions:
            on = today - ago * day
            at = datetime.datetime.combine(on, datetime.time(min(hour, 11) if ago == 0 else hour), tzinfo=LONDON)
            complete(
                people[name], courses[index], at=at, valid_until=None if validity is None else on + validity * day
            )
        for name, index, starts, length in exemptions:
            starts_on = today + starts * day
            ExemptionFactory(
                user=people[name],
                requirement=requirements[index],
                starts_on=starts_on,
                ends_on=None if length is None else starts_on + length * day,
                granted_by=people["administrator"],
            )
        if leaver:
            User.objects.filter(pk=people[leaver].pk).update(is_active=False)
        services.rebuild_state(today=today)
        viewers = [people["administrator"], people["manager_of_unit"], people["manager_of_other_unit"]]
        expected = {viewer.pk: expected_trend(viewer, today) for viewer in viewers}
        for viewer in viewers:
            assert with_status_trend(viewer, today) == expected[viewer.pk]
            assert trend(viewer, today) == expected[viewer.pk]  # from the history: nothing taken yet
        assert len(services.snapshot_compliance(today=today)) == 11
        for viewer in viewers:
            assert trend(viewer, today) == expected[viewer.pk]  # from the snapshots
        transaction.set_rollback(True)


# Month ends


def test_month_ends_are_the_last_days_of_the_eleven_months_before_then_today():
    assert month_ends(datetime.date(2027, 1, 15)) == [
        datetime.date(2026, 2, 28),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30),
        datetime.date(2026, 5, 31),
        datetime.date(2026, 6, 30),
        datetime.date(2026, 7, 31),
        datetime.date(2026, 8, 31),
        datetime.date(2026, 9, 30),
        datetime.date(2026, 10, 31),
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 15),
    ]
    assert datetime.date(2028, 2, 29) in month_ends(datetime.date(2028, 3, 31))
    assert month_ends(datetime.date(2028, 2, 29))[-2:] == [datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)]


@pytest.fixture
def assigned(people, hate_crime):
    """Everyone in the people fixture with a unit, under one hate crime requirement for years."""
    requirement = RequirementFactory(course=hate_crime, targets=[], sync=False)
    for name in ("officer", "other_officer", "manager_of_unit", "manager_of_other_unit"):
        Assignment.objects.create(
            requirement=requirement,
            user=people[name],
            course=hate_crime,
            source=AssignmentSource.PERSON,
            assigned_on=datetime.date(2020, 1, 1),
            due_on=datetime.date(2020, 3, 1),
        )
    return requirement


def points_by_day(viewer, today) -> dict[datetime.date, tuple[int, int]]:
    return {p.day: (p.compliant, p.total) for p in compliance_trend(viewer, Window(today, 30, 30))}


def test_a_completion_counts_from_its_month_end_until_the_month_its_validity_runs_out(people, assigned, hate_crime):
    today = datetime.date(2027, 1, 15)
    with time_machine.travel(noon(today), tick=False):
        complete(
            people["officer"], hate_crime, at=noon(datetime.date(2026, 6, 30)), valid_until=datetime.date(2026, 9, 30)
        )
        services.rebuild_state()
        for taken in (False, True):
            if taken:
                assert len(services.snapshot_compliance()) == 11
            points = points_by_day(people["administrator"], today)
            compliant = {point for point, (count, total) in points.items() if count}
            assert compliant == {datetime.date(2026, m, d) for m, d in ((6, 30), (7, 31), (8, 31), (9, 30))}
            assert {total for _, total in points.values()} == {4}


def test_leap_day_month_end_counts_completions_up_to_midnight_and_validity_ending_that_day(
    people, assigned, hate_crime
):
    leap_day = datetime.date(2028, 2, 29)
    today = datetime.date(2028, 3, 10)
    with time_machine.travel(noon(today), tick=False):
        # Valid until the leap day itself: compliant at its end, expired by today.
        complete(people["officer"], hate_crime, at=noon(datetime.date(2027, 2, 28)), valid_until=leap_day)
        # Made at 23:30 on the leap day: counts at its end.
        complete(
            people["other_officer"],
            hate_crime,
            at=datetime.datetime(2028, 2, 29, 23, 30, tzinfo=LONDON),
            valid_until=datetime.date(2029, 2, 28),
        )
        # Made at midnight starting 1 March: not by the end of the leap day.
        complete(
            people["manager_of_unit"],
            hate_crime,
            at=datetime.datetime(2028, 3, 1, tzinfo=LONDON),
            valid_until=datetime.date(2029, 2, 28),
        )
        services.rebuild_state()
        before = points_by_day(people["administrator"], today)
        services.snapshot_compliance()
        after = points_by_day(people["administrator"], today)
    assert before == after
    assert after[leap_day] == (2, 4)
    assert after[datetime.date(2028, 1, 31)] == (1, 4)
    assert after[today] == (2, 4)


def test_each_viewer_sees_only_the_figures_of_the_units_now_in_their_scope(people, assigned, hate_crime):
    today = datetime.date(2027, 6, 15)
    with time_machine.travel(noon(today), tick=False):
        complete(people["officer"], hate_crime, at=noon(datetime.date(2027, 1, 10)), valid_until=None)
        complete(people["other_officer"], hate_crime, at=noon(datetime.date(2027, 3, 10)), valid_until=None)
        services.rebuild_state()
        for taken in (False, True):
            if taken:
                services.snapshot_compliance()
            team_a = points_by_day(people["manager_of_unit"], today)
            team_b = points_by_day(people["manager_of_other_unit"], today)
            everyone = points_by_day(people["administrator"], today)
            assert team_a[datetime.date(2027, 2, 28)] == (1, 2)
            assert team_b[datetime.date(2027, 2, 28)] == (0, 2)
            assert team_b[datetime.date(2027, 3, 31)] == (1, 2)
            assert everyone[datetime.date(2027, 3, 31)] == (2, 4)
            assert all(
                (a[0] + b[0], a[1] + b[1]) == everyone[point]
                for point, a, b in zip(team_a, team_a.values(), team_b.values(), strict=True)
            )
            assert points_by_day(people["trainer"], today)[datetime.date(2027, 3, 31)] == (0, 0)


# Snapshots


def test_a_snapshot_keeps_figures_per_unit_course_and_rank(people, org, required, hate_crime):
    yesterday = timezone.localdate() - day
    snapshot = services.take_snapshot(day=yesterday)
    figures = {
        (f.unit_name, f.course.title, f.rank): (f.total, f.compliant, f.overdue, f.expiring, f.due_soon)
        for f in snapshot.figures.select_related("course")
    }
    # The officer completed 350 days ago (expiring), the other officer never (overdue), Team A's
    # manager is exempt; the Judaism guide is required from today, so not yet on yesterday.
    assert figures == {
        ("Team A", "Hate crime", "PC"): (1, 1, 0, 1, 0),
        ("Team A", "Hate crime", "SGT"): (1, 1, 0, 0, 0),
        ("Team B", "Hate crime", "PC"): (1, 0, 1, 0, 0),
        ("Team B", "Hate crime", "SGT"): (1, 0, 1, 0, 0),
    }
    assert {f.unit_path for f in snapshot.figures.all()} == {org.team_a.path, org.team_b.path}


def test_snapshots_are_taken_once_and_never_change(people, required, hate_crime):
    taken = services.snapshot_compliance()
    assert len(taken) == 11
    assert services.snapshot_compliance() == []
    last = taken[-1]
    assert services.take_snapshot(day=last.day) is None
    before = points_by_day(people["administrator"], timezone.localdate())
    # A completion recorded now, dated before the last month end: the snapshot keeps what it took.
    record_completion(people["other_officer"], hate_crime, on=last.day - 5 * day)
    after = points_by_day(people["administrator"], timezone.localdate())
    assert after[last.day] == before[last.day]
    assert after[timezone.localdate()] == (before[timezone.localdate()][0] + 1, before[timezone.localdate()][1])


def test_no_orm_path_changes_or_deletes_a_snapshot(required):
    snapshot = services.take_snapshot(day=timezone.localdate() - day)
    figure = snapshot.figures.first()
    figure.total = 99
    for attempt in (
        figure.save,
        figure.delete,
        snapshot.save,
        snapshot.delete,
        lambda: ComplianceSnapshotFigure.objects.update(total=0),
        lambda: ComplianceSnapshotFigure.objects.all().delete(),
        lambda: ComplianceSnapshot.objects.filter(pk=snapshot.pk).update(day=timezone.localdate()),
        lambda: ComplianceSnapshot.objects.all().delete(),
        lambda: ComplianceSnapshotFigure.objects.bulk_update([figure], ["total"]),
    ):
        with pytest.raises(SnapshotIsFrozen):
            attempt()
    assert ComplianceSnapshotFigure.objects.get(pk=figure.pk).total != 99


def test_a_day_not_over_is_not_snapshotted(required):
    with pytest.raises(ValueError, match="over"):
        services.take_snapshot(day=timezone.localdate())
    assert not ComplianceSnapshot.objects.exists()


def test_the_command_takes_the_missing_month_ends_and_says_so(required, capsys):
    call_command("snapshot_compliance", "--months", "2")
    output = capsys.readouterr().out
    assert output.count("Took the snapshot of") == 2
    assert "Snapshots taken: 2 (of the last 2 month ends)" in output
    call_command("snapshot_compliance", "--months", "3")
    assert "Snapshots taken: 1 (of the last 3 month ends)" in capsys.readouterr().out
    assert ComplianceSnapshot.objects.count() == 3


def test_the_charts_with_snapshots_make_the_same_queries_whatever_the_units_courses_or_people(
    client_as, people, org, required, hate_crime, judaism
):
    services.snapshot_compliance()
    url = reverse("compliance_reports:charts")
    # Including the three queries of the "report viewed" audit event.
    for role, pinned in (("administrator", 19), ("manager_of_unit", 20)):
        client = client_as(role)
        client.get(url)  # the first request of a session reads more (permissions, site settings)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert len(captured) == pinned, role
        assert not any("compliance_assignment" in query["sql"] for query in captured), role
    grow(org, hate_crime, judaism, officers=40, units=5, courses=3)
    assert queries_for(client_as("administrator"), url) == 19
    assert queries_for(client_as("manager_of_unit"), url) == 20
