"""
Property: whatever happens, in whatever order, and whatever day it is, the status read from
the stored compliance state equals the status computed from scratch for that day.

Hypothesis generates histories of completions (expiring or not), renewals, courses started,
exemptions (overlapping, touching, disjoint, open-ended, future) and their withdrawal, moves
between units, people leaving and coming back, requirement rule changes and withdrawals, and
clock moves forwards and backwards. The events run as they do in the platform (services and
the signals they send, which keep the state with the real date); the state is then read for
the simulated day, as a report would read it, and compared with ``with_status``.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import UnitMembership, User
from accounts.services import move_person
from compliance import services
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from compliance.models import ComplianceState, Exemption, Requirement
from courses.models import Enrolment, EnrolmentStatus
from courses.signals import course_started
from tests.compliance.conftest import at, record_completion
from tests.compliance.test_state import reference, stored

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)
PEOPLE = ["officer", "other_officer", "manager_of_unit", "manager_of_other_unit"]
UNITS = ["team_a", "team_b", "team_a_sub", "north"]

person = st.sampled_from(PEOPLE)
course = st.sampled_from(["hate_crime", "judaism"])
requirement = st.integers(0, 1)
step = st.one_of(
    st.tuples(st.just("complete"), person, course, st.integers(0, 900), st.booleans()),
    st.tuples(st.just("start"), person, course),
    st.tuples(
        st.just("exempt"), person, requirement, st.integers(-120, 120), st.one_of(st.none(), st.integers(0, 120))
    ),
    # Two at once, with a gap between them (or touching, gap 0): a later interval takes over.
    st.tuples(
        st.just("exempt_twice"), person, requirement, st.integers(-60, 30), st.integers(0, 60), st.integers(0, 60)
    ),
    st.tuples(st.just("withdraw"), st.integers(0, 5)),
    st.tuples(st.just("move"), person, st.sampled_from(UNITS)),
    st.tuples(st.just("leave_or_return"), person),
    st.tuples(st.just("rule"), requirement, st.integers(1, 400), st.booleans()),
    st.tuples(st.just("clock"), st.integers(-90, 400)),
    st.tuples(st.just("clock"), st.integers(-60, 60)),
)


def apply(event, *, today, people, org, courses, requirements) -> datetime.date:
    """Run one event; returns the simulated day (changed only by clock moves)."""
    kind, *args = event
    if kind == "complete":
        name, course_name, days_ago, expires = args
        course = courses[course_name]
        valid_until = "auto" if expires else None
        record_completion(people[name], course, on=today - days_ago * day, valid_until=valid_until)
    elif kind == "start":
        name, course_name = args
        user, course = people[name], courses[course_name]
        if not Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).exists():
            enrolment = Enrolment.objects.create(
                user=user,
                course=course,
                course_title=course.title,
                status=EnrolmentStatus.IN_PROGRESS,
                enrolled_at=at(today),
                started_at=at(today),
            )
            course_started.send(sender=Enrolment, enrolment=enrolment)
    elif kind == "exempt":
        name, index, offset, length = args
        starts = today + offset * day
        ExemptionFactory(
            user=people[name],
            requirement=requirements[index],
            starts_on=starts,
            ends_on=None if length is None else starts + length * day,
            granted_by=people["administrator"],
        )
    elif kind == "exempt_twice":
        name, index, offset, length, gap = args
        first_starts = today + offset * day
        second_starts = first_starts + (length + gap + 1) * day
        for starts, ends in ((first_starts, first_starts + length * day), (second_starts, None)):
            ExemptionFactory(
                user=people[name],
                requirement=requirements[index],
                starts_on=starts,
                ends_on=ends,
                granted_by=people["administrator"],
            )
    elif kind == "withdraw":
        exemption = Exemption.objects.order_by("pk")[args[0] : args[0] + 1].first()
        if exemption:
            exemption.delete()
    elif kind == "move":
        name, unit = args
        move_person(user=User.objects.get(pk=people[name].pk), unit=getattr(org, unit))
    elif kind == "leave_or_return":
        user = User.objects.get(pk=people[args[0]].pk)
        user.is_active = not user.is_active
        user.save()
    elif kind == "rule":
        index, due_days, active = args
        requirement = Requirement.objects.get(pk=requirements[index].pk)
        requirement.due_days, requirement.active = due_days, active
        requirement.save()
        services.sync_requirement(requirement)
    elif kind == "clock":
        return today + args[0] * day
    return today


@settings(
    max_examples=40,
    stateful_step_count=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(step, min_size=1, max_size=12))
def test_the_stored_state_always_equals_a_computation_from_scratch(history, people, org, hate_crime, judaism):
    courses = {"hate_crime": hate_crime, "judaism": judaism}
    real_today = timezone.localdate()
    with transaction.atomic():
        UnitMembership.objects.update(started_at=timezone.now() - 300 * day)
        requirements = [
            RequirementFactory(
                course=hate_crime, starts_on=real_today - 200 * day, due_days=90, targets=[unit_target(org.force)]
            ),
            RequirementFactory(
                course=judaism,
                starts_on=real_today - 30 * day,
                due_days=45,
                targets=[unit_target(org.team_a, include_subunits=False)],
            ),
        ]
        today = real_today
        for event in history:
            today = apply(event, today=today, people=people, org=org, courses=courses, requirements=requirements)
            expected = reference(today)
            assert stored(today, people["administrator"]) == expected, event
            assert set(ComplianceState.objects.values_list("assignment_id", flat=True)) == set(expected)
        transaction.set_rollback(True)
