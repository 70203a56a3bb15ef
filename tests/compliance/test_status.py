"""The one status function, over every state and its boundaries."""

import datetime

import pytest

from compliance.factories import ExemptionFactory, RequirementFactory, person_target
from compliance.models import Assignment
from compliance.status import Status, with_status
from courses.models import Enrolment, EnrolmentStatus
from tests.compliance.conftest import TODAY, at, record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def status_of(assignment, today=TODAY, due_soon_days=30, expiring_days=30):
    row = with_status(
        Assignment.objects.filter(pk=assignment.pk),
        today=today,
        due_soon_days=due_soon_days,
        expiring_days=expiring_days,
    ).get()
    return row.status, row.expiring


@pytest.fixture
def assignment(people, hate_crime):
    """The officer, assigned hate crime training on 1 September, due 31 October... or as each test sets."""
    requirement = RequirementFactory(course=hate_crime, targets=[person_target(people["officer"])], sync=False)
    return Assignment.objects.create(
        requirement=requirement,
        user=people["officer"],
        course=hate_crime,
        source="person",
        assigned_on=TODAY - 60 * day,
        due_on=TODAY + 60 * day,
    )


def due(assignment, on):
    assignment.due_on = on
    assignment.save()
    return assignment


def test_not_started(assignment):
    assert status_of(assignment) == (Status.NOT_STARTED, False)


def test_in_progress_once_the_course_is_started(assignment, people, hate_crime):
    Enrolment.objects.create(
        user=people["officer"],
        course=hate_crime,
        course_title="x",
        status=EnrolmentStatus.IN_PROGRESS,
        enrolled_at=at(TODAY),
        started_at=at(TODAY),
    )
    assert status_of(assignment) == (Status.IN_PROGRESS, False)


def test_enrolled_but_not_started_is_still_not_started(assignment, people, hate_crime):
    Enrolment.objects.create(user=people["officer"], course=hate_crime, course_title="x", enrolled_at=at(TODAY))
    assert status_of(assignment)[0] == Status.NOT_STARTED


@pytest.mark.parametrize(
    ("due_on", "expected"),
    [
        (TODAY + 31 * day, Status.NOT_STARTED),
        (TODAY + 30 * day, Status.DUE_SOON),  # the window's last day
        (TODAY + day, Status.DUE_SOON),
        (TODAY, Status.DUE_SOON),  # due today is not yet overdue
        (TODAY - day, Status.OVERDUE),
    ],
)
def test_due_soon_and_overdue_boundaries(assignment, due_on, expected):
    assert status_of(due(assignment, due_on))[0] == expected


def test_due_soon_outranks_in_progress(assignment, people, hate_crime):
    Enrolment.objects.create(
        user=people["officer"],
        course=hate_crime,
        course_title="x",
        status=EnrolmentStatus.IN_PROGRESS,
        enrolled_at=at(TODAY),
        started_at=at(TODAY),
    )
    assert status_of(due(assignment, TODAY + 3 * day))[0] == Status.DUE_SOON


def test_completed_with_its_valid_until_date(assignment, people, hate_crime):
    record_completion(people["officer"], hate_crime, on=TODAY - 100 * day)
    due(assignment, TODAY - 200 * day)  # completing counts even after the due date
    row = with_status(
        Assignment.objects.filter(pk=assignment.pk), today=TODAY, due_soon_days=30, expiring_days=30
    ).get()
    assert (row.status, row.expiring) == (Status.COMPLETED, False)
    assert row.valid_until == datetime.date(2027, 8, 15)
    assert row.completed_at == at(TODAY - 100 * day)


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        (TODAY + 31 * day, (Status.COMPLETED, False)),
        (TODAY + 30 * day, (Status.COMPLETED, True)),  # expiring within the window
        (TODAY, (Status.COMPLETED, True)),  # valid through today
        (TODAY - day, (Status.EXPIRED, False)),  # expired yesterday
    ],
)
def test_expiring_and_expired_boundaries(assignment, people, hate_crime, valid_until, expected):
    record_completion(people["officer"], hate_crime, on=TODAY - 300 * day, valid_until=valid_until)
    assert status_of(assignment) == expected


def test_a_completion_without_expiry_never_expires(assignment, people, hate_crime):
    record_completion(people["officer"], hate_crime, on=TODAY - 3000 * day, valid_until=None)
    assert status_of(assignment) == (Status.COMPLETED, False)


def test_the_latest_completion_decides(assignment, people, hate_crime):
    record_completion(people["officer"], hate_crime, on=TODAY - 800 * day)  # long expired
    record_completion(people["officer"], hate_crime, on=TODAY - 10 * day)  # renewed
    assert status_of(assignment) == (Status.COMPLETED, False)


def next_due_of(assignment):
    return (
        with_status(Assignment.objects.filter(pk=assignment.pk), today=TODAY, due_soon_days=30, expiring_days=30)
        .get()
        .next_due
    )


def test_what_is_due_next_moves_from_the_due_date_to_each_renewal(assignment, people, hate_crime):
    assert next_due_of(assignment) == assignment.due_on  # never completed: the assignment's due date
    first = record_completion(people["officer"], hate_crime, on=TODAY - 800 * day)
    assert next_due_of(assignment) == first.valid_until  # expired: due again since the day it ran out
    assert first.valid_until < TODAY
    renewed = record_completion(people["officer"], hate_crime, on=TODAY - 10 * day)
    assert next_due_of(assignment) == renewed.valid_until  # renewed: due again when this one runs out
    record_completion(people["officer"], hate_crime, on=TODAY - 5 * day, valid_until=None)
    assert next_due_of(assignment) is None  # a completion that never expires: nothing more is due


@pytest.mark.parametrize(
    ("starts", "ends", "expected"),
    [
        (TODAY - 10 * day, TODAY + 10 * day, Status.EXEMPT),
        (TODAY - 10 * day, None, Status.EXEMPT),
        (TODAY - 10 * day, TODAY, Status.EXEMPT),  # ends today: still exempt today
        (TODAY - 10 * day, TODAY - day, Status.OVERDUE),  # exemption ended yesterday
        (TODAY + day, TODAY + 10 * day, Status.OVERDUE),  # not started yet
    ],
)
def test_exemption_boundaries(assignment, people, starts, ends, expected):
    due(assignment, TODAY - 5 * day)
    ExemptionFactory(
        user=people["officer"],
        requirement=assignment.requirement,
        starts_on=starts,
        ends_on=ends,
        granted_by=people["manager_of_unit"],
    )
    assert status_of(assignment)[0] == expected


def test_an_exemption_from_another_requirement_does_not_count(assignment, people, hate_crime):
    other = RequirementFactory(course=hate_crime, targets=[person_target(people["officer"])], sync=False)
    ExemptionFactory(
        user=people["officer"], requirement=other, starts_on=TODAY - day, granted_by=people["administrator"]
    )
    assert status_of(due(assignment, TODAY - day))[0] == Status.OVERDUE


def test_exempt_outranks_expired(assignment, people, hate_crime):
    record_completion(people["officer"], hate_crime, on=TODAY - 500 * day)
    ExemptionFactory(
        user=people["officer"],
        requirement=assignment.requirement,
        starts_on=TODAY - day,
        granted_by=people["administrator"],
    )
    assert status_of(assignment)[0] == Status.EXEMPT


def test_another_officers_completion_does_not_count(assignment, people, hate_crime):
    record_completion(people["other_officer"], hate_crime, on=TODAY - 10 * day)
    assert status_of(due(assignment, TODAY - day))[0] == Status.OVERDUE


def test_the_windows_are_settings(assignment, people, hate_crime):
    due(assignment, TODAY + 10 * day)
    assert status_of(assignment, due_soon_days=7)[0] == Status.NOT_STARTED
    assert status_of(assignment, due_soon_days=14)[0] == Status.DUE_SOON
