"""
The stored compliance state: after every event it equals a from-scratch computation
(``with_status``), the reconciliation command finds and repairs drift, and the summary's
aggregate over it is one query.
"""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UnitFactory, UserFactory
from accounts.models import UnitKind, UnitMembership, User
from accounts.services import move_person
from compliance import services
from compliance.factories import ExemptionFactory, RequirementFactory, person_target, unit_target
from compliance.models import Assignment, ComplianceState, Exemption
from compliance.selectors import Window, counts_by_unit_and_course, scoped_states
from compliance.status import Status, merge_exemptions, pick_exemption, with_status
from courses import services as course_services
from courses.factories import ModulePageFactory
from courses.models import ModulePage
from tests.compliance.conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)
COMPARED = ("status", "expiring", "next_due", "is_exempt", "completion_id", "valid_until")


def reference(today: datetime.date) -> dict[int, tuple]:
    current = Assignment.objects.filter(ended_on__isnull=True, user__is_active=True)
    rows = with_status(current, today=today, due_soon_days=30, expiring_days=30).values("pk", *COMPARED)
    return {row["pk"]: tuple(row[name] for name in COMPARED) for row in rows}


def stored(today: datetime.date, viewer) -> dict[int, tuple]:
    rows = scoped_states(viewer, Window(today, 30, 30)).values("assignment_id", *COMPARED)
    return {row["assignment_id"]: tuple(row[name] for name in COMPARED) for row in rows}


def assert_state_is_exact(people, today: datetime.date | None = None) -> dict[int, tuple]:
    """Every current assignment has a row, no other row exists, and each row's status is the reference's."""
    today = today or timezone.localdate()
    expected = reference(today)
    assert stored(today, people["administrator"]) == expected
    return expected


def statuses(people) -> set:
    return {row[0] for row in assert_state_is_exact(people).values()}


@pytest.fixture
def force_wide(people, org, hate_crime):
    UnitMembership.objects.update(started_at=timezone.now() - 500 * day)
    return RequirementFactory(
        course=hate_crime,
        name="Hate crime",
        starts_on=timezone.localdate() - 400 * day,
        due_days=90,
        targets=[unit_target(org.force)],
    )


def state_of(user, requirement) -> ComplianceState:
    return ComplianceState.objects.get(user=user, requirement=requirement)


# Pure rules of the exemption interval


def test_exemptions_that_overlap_or_touch_merge_and_gaps_do_not():
    d = datetime.date(2026, 1, 1)
    assert merge_exemptions([(d + 10 * day, d + 20 * day), (d, d + 9 * day), (d + 5 * day, d + 6 * day)]) == [
        (d, d + 20 * day)
    ]
    assert merge_exemptions([(d, d + 5 * day), (d + 7 * day, None), (d + 30 * day, d + 40 * day)]) == [
        (d, d + 5 * day),
        (d + 7 * day, None),
    ]


def test_the_interval_that_counts_and_the_days_it_stays_right():
    d = datetime.date(2026, 1, 1)
    intervals = [(d, d + 5 * day), (d + 10 * day, d + 20 * day), (d + 30 * day, None)]
    covering = pick_exemption(intervals, today=d + 12 * day)
    assert (covering.starts, covering.ends) == (d + 10 * day, d + 20 * day)
    assert (covering.valid_from, covering.valid_to) == (d + 6 * day, d + 21 * day)
    upcoming = pick_exemption(intervals, today=d + 7 * day)  # in a gap: the next one to start
    assert (upcoming.starts, upcoming.valid_from, upcoming.valid_to) == (d + 10 * day, d + 6 * day, d + 21 * day)
    last = pick_exemption(intervals, today=d + 100 * day)
    assert (last.starts, last.ends, last.valid_to) == (d + 30 * day, None, None)
    ended = pick_exemption([(d, d + 5 * day)], today=d + 6 * day)
    assert (ended.starts, ended.valid_from, ended.valid_to) == (None, d + 6 * day, None)


# Every event keeps the state exact


def test_assignments_created_and_ended_create_and_delete_state(people, org, force_wide):
    assert set(ComplianceState.objects.values_list("user__username", flat=True)) == {
        "officer",
        "other_officer",
        "manager_of_unit",
        "manager_of_other_unit",
    }
    assert statuses(people) == {Status.OVERDUE}
    force_wide.active = False
    force_wide.save()
    services.sync_requirement(force_wide)
    assert not ComplianceState.objects.exists()
    assert_state_is_exact(people)


def test_a_completion_through_the_course_service_and_a_renewal(people, force_wide, hate_crime):
    officer = people["officer"]
    module = ModulePage.objects.child_of(hate_crime).get()
    course_services.enrol(user=officer, course=hate_crime, when=timezone.now() - 400 * day)
    course_services.start_module(user=officer, module=module, when=timezone.now() - 400 * day)
    assert state_of(officer, force_wide).started
    course_services.complete_module(user=officer, module=module, when=timezone.now() - 380 * day)
    first = state_of(officer, force_wide)
    assert (first.started, first.completion.completed_at.date()) == (False, (timezone.now() - 380 * day).date())
    assert reference(timezone.localdate())[first.assignment_id][0] == Status.EXPIRED
    assert_state_is_exact(people)

    renewal = course_services.enrol(user=officer, course=hate_crime)  # expired: a new cycle
    course_services.complete_module(user=officer, module=module)
    renewed = state_of(officer, force_wide)
    assert renewed.completion == renewal.completion
    assert renewed.valid_until > timezone.localdate()
    assert reference(timezone.localdate())[renewed.assignment_id][0] == Status.COMPLETED
    assert_state_is_exact(people)


def test_starting_a_course_is_in_progress(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, due_days=200, targets=[unit_target(org.team_a)])
    module = ModulePage.objects.child_of(hate_crime).get()
    ModulePageFactory(parent=hate_crime, title="Second", slug="second")
    course_services.enrol(user=people["officer"], course=hate_crime)
    assert not state_of(people["officer"], requirement).started
    course_services.start_module(user=people["officer"], module=module)
    assert state_of(people["officer"], requirement).started
    assert stored(timezone.localdate(), people["administrator"])[
        state_of(people["officer"], requirement).assignment_id
    ][0] == (Status.IN_PROGRESS)
    assert_state_is_exact(people)


def test_an_exemption_granted_in_the_admin_and_withdrawn(client_as, people, force_wide):
    response = client_as("manager_of_unit").post(
        reverse("exemptions:add"),
        {
            "user": people["officer"].pk,
            "requirement": force_wide.pk,
            "reason": "Maternity leave",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": (timezone.localdate() + 30 * day).isoformat(),
        },
    )
    assert response.status_code == 302
    state = state_of(people["officer"], force_wide)
    assert (state.exempt_from, state.exempt_until) == (timezone.localdate(), timezone.localdate() + 30 * day)
    assert Status.EXEMPT in statuses(people)
    exemption = Exemption.objects.get()
    response = client_as("administrator").post(reverse("exemptions:delete", args=[exemption.pk]))
    assert response.status_code == 302 and not Exemption.objects.exists()
    assert state_of(people["officer"], force_wide).exempt_from is None
    assert Status.EXEMPT not in statuses(people)


def test_chained_exemptions_are_one_interval_and_a_later_one_takes_over_when_the_first_lapses(people, force_wide):
    today = timezone.localdate()
    officer = people["officer"]
    grant = {"user": officer, "requirement": force_wide, "granted_by": people["administrator"]}
    ExemptionFactory(starts_on=today - 10 * day, ends_on=today + 5 * day, **grant)
    ExemptionFactory(starts_on=today + 6 * day, ends_on=today + 20 * day, **grant)  # touches: no gap
    ExemptionFactory(starts_on=today + 40 * day, ends_on=None, **grant)  # after a gap, open-ended
    state = state_of(officer, force_wide)
    assert (state.exempt_from, state.exempt_until, state.recheck_on) == (
        today - 10 * day,
        today + 20 * day,
        today + 21 * day,
    )
    for when in (today, today + 20 * day, today + 21 * day, today + 39 * day, today + 40 * day, today + 400 * day):
        assert_state_is_exact(people, when)
    # The later interval was picked when the clock reached it; going back picks the earlier one again.
    assert state_of(officer, force_wide).exempt_from == today + 40 * day
    assert_state_is_exact(people, today - 5 * day)
    assert state_of(officer, force_wide).exempt_from == today - 10 * day


def test_a_due_rule_changed_in_the_admin_keeps_the_state_exact(client_as, people, org, force_wide, hate_crime):
    from tests.compliance.test_admin import requirement_form

    data = requirement_form(hate_crime, org.force, due_days=10, starts_on=force_wide.starts_on.isoformat())
    data.update({"targets-0-id": force_wide.targets.get().pk, "targets-INITIAL_FORMS": 1})
    response = client_as("administrator").post(reverse("requirements:edit", args=[force_wide.pk]), data)
    assert response.status_code == 302
    assert_state_is_exact(people)
    assert ComplianceState.objects.filter(requirement=force_wide).count() == 4


def test_moving_unit_moves_the_state_and_the_managers_who_see_it(people, org, force_wide, judaism):
    team_a_only = RequirementFactory(course=judaism, due_days=60, targets=[unit_target(org.team_a)])
    officer = people["officer"]
    move_person(user=officer, unit=org.team_b)
    state = state_of(officer, force_wide)
    assert (state.unit_id, state.unit_path) == (org.team_b.pk, org.team_b.path)
    assert not ComplianceState.objects.filter(user=officer, requirement=team_a_only).exists()
    in_view = scoped_states(people["manager_of_other_unit"], Window.now())
    assert in_view.filter(user=officer).count() == 1
    assert not scoped_states(people["manager_of_unit"], Window.now()).filter(user=officer).exists()
    assert_state_is_exact(people)


def test_a_unit_moved_in_the_tree_carries_its_peoples_state(client_as, people, org, force_wide):
    response = client_as("administrator").post(
        reverse("units:edit", args=[org.team_a.pk]),
        {"name": "Team A", "kind": UnitKind.TEAM, "code": "N-A", "parent": org.south.pk, "managers": []},
    )
    assert response.status_code == 302
    org.team_a.refresh_from_db()
    assert state_of(people["officer"], force_wide).unit_path == org.team_a.path
    call_command("check_compliance_state")  # no drift


def test_someone_leaving_disappears_from_the_state_and_coming_back_returns(people, force_wide):
    officer = User.objects.get(pk=people["officer"].pk)
    officer.is_active = False
    officer.save()
    assert not ComplianceState.objects.filter(user=officer).exists()
    assert_state_is_exact(people)
    officer.is_active = True
    officer.save()
    assert ComplianceState.objects.filter(user=officer).count() == 1
    assert_state_is_exact(people)


def test_people_in_no_unit_are_seen_only_by_those_who_see_everyone(people, hate_crime):
    RequirementFactory(course=hate_crime, targets=[person_target(people["trainer"])])
    assert ComplianceState.objects.get(user=people["trainer"]).unit_path == ""
    assert scoped_states(people["administrator"], Window.now()).filter(user=people["trainer"]).exists()
    assert not scoped_states(people["manager_of_unit"], Window.now()).exists()


# Reconciliation


def run_check(*args) -> tuple[str, bool]:
    import io

    out = io.StringIO()
    try:
        call_command("check_compliance_state", *args, stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


def test_the_check_finds_each_kind_of_drift_and_fix_repairs_it(people, org, force_wide, judaism, hate_crime):
    record_completion(people["officer"], hate_crime, on=timezone.localdate() - 30 * day)
    team_b = RequirementFactory(course=judaism, name="Judaism", due_days=60, targets=[unit_target(org.team_b)])
    assert run_check() == ("Compliance state matches the records (4 people checked).\n", True)

    ComplianceState.objects.filter(user=people["officer"]).update(valid_until=timezone.localdate() - day)
    ComplianceState.objects.filter(user=people["other_officer"], requirement=force_wide).delete()
    ComplianceState.objects.filter(user=people["manager_of_unit"]).update(unit=org.team_b, unit_path=org.team_b.path)
    # An extra row: a state for an assignment that has ended.
    ended = ComplianceState.objects.get(user=people["manager_of_other_unit"], requirement=team_b)
    Assignment.objects.filter(pk=ended.assignment_id).update(ended_on=timezone.localdate())

    output, clean = run_check()
    assert not clean
    officer, other, manager = (people[name].display_name for name in ("officer", "other_officer", "manager_of_unit"))
    later = (timezone.localdate() - 30 * day + 365 * day).isoformat()
    assert (
        f"{officer}, Hate crime: valid_until stored {(timezone.localdate() - day).isoformat()}, recomputed" in output
    )
    assert f"{officer}, Hate crime: status stored expired, recomputed completed" in output
    assert later[:4] in output
    assert f"{other}, Hate crime: stored nothing, recomputed a row (missing)" in output
    assert f"{manager}, Hate crime: unit_id stored {org.team_b.pk}, recomputed {org.team_a.pk}" in output
    assert f"{manager}, Hate crime: unit_path stored {org.team_b.path}, recomputed {org.team_a.path}" in output
    who = people["manager_of_other_unit"].display_name
    assert f"{who}, Judaism: stored a row, recomputed nothing (no current assignment)" in output

    output, clean = run_check("--fix")
    assert clean and "Repaired: 1 rows created, 2 updated, 1 deleted." in output
    assert run_check()[1]
    assert_state_is_exact(people)


# Bounded queries


def test_the_summary_aggregate_is_one_query_at_any_size(people, org, force_wide, judaism, hate_crime):
    counts_by_unit_and_course(people["administrator"], Window.now())  # the viewer's permissions, cached
    window = Window.now()
    window.state_refreshed  # noqa: B018
    with CaptureQueriesContext(connection) as small:
        cells = counts_by_unit_and_course(people["administrator"], window)
    assert sum(cell.total for cell in cells.values()) == 4
    for number in range(3):
        UnitFactory(parent=org.north, name=f"Team {number}", kind=UnitKind.TEAM)
    RequirementFactory(course=judaism, targets=[unit_target(org.force)])
    for number in range(30):
        person = UserFactory(unit=org.team_a if number % 2 else org.team_b)
        if number % 3:
            record_completion(person, hate_crime, on=timezone.localdate() - number * 20 * day)
    window = Window.now()
    window.state_refreshed  # noqa: B018
    with CaptureQueriesContext(connection) as large:
        cells = counts_by_unit_and_course(people["administrator"], window)
    assert sum(cell.total for cell in cells.values()) == 2 * 34
    assert (len(small), len(large)) == (1, 1)
    assert "SELECT" not in large[0]["sql"].upper().split("FROM", 1)[1]  # no subquery


def test_state_refreshes_for_many_people_in_a_number_of_queries_that_does_not_grow(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.force)])

    def refresh_all() -> tuple[int, int]:
        ComplianceState.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            result = services.refresh_state(requirement_ids=[requirement.pk])
        return result.created, len(captured)

    UserFactory.create_batch(10, unit=org.team_a)
    created, small = refresh_all()
    assert created == 14
    UserFactory.create_batch(30, unit=org.team_b)
    assert refresh_all() == (44, small)
    assert services.rebuild_state().created == 44


def test_the_set_based_rebuild_gives_row_for_row_what_compute_states_gives(people, org, required, hate_crime, judaism):
    """
    A mixed data set: ties between completions made at the same moment, renewals with an
    earlier expiry than the completion before, no expiry, a completion of a deleted course,
    courses started and finished, overlapping, past, future and open-ended exemptions, a
    person with no unit, a person who left, and ended assignments.
    """
    from compliance.factories import rank_target
    from courses.models import CourseCompletion, Enrolment, EnrolmentStatus
    from tests.compliance.conftest import at

    today = timezone.localdate()
    officer, other, manager = people["officer"], people["other_officer"], people["manager_of_unit"]
    RequirementFactory(course=judaism, name="Staff", targets=[rank_target("STAFF"), person_target(people["trainer"])])
    first = record_completion(other, judaism, on=today - 40 * day, valid_until=today + 300 * day)
    tie = record_completion(other, judaism, on=today - 40 * day, valid_until=today - day)
    record_completion(manager, hate_crime, on=today - 10 * day, valid_until=None)
    record_completion(people["trainer"], judaism, on=today - 5 * day)
    orphan = record_completion(officer, judaism, on=today - 2 * day)
    CourseCompletion.objects.filter(pk=orphan.pk).update(course=None)
    Enrolment.objects.create(
        user=officer,
        course=judaism,
        course_title=judaism.title,
        status=EnrolmentStatus.IN_PROGRESS,
        enrolled_at=at(today),
        started_at=at(today),
    )
    for user, requirement, starts, ends in (
        (other, required, -100, -50),
        (other, required, -49, 10),
        (officer, required, 20, None),
        (manager, required, -300, -200),
        (people["manager_of_other_unit"], required, -5, 5),
        (people["manager_of_other_unit"], required, 0, None),
    ):
        ExemptionFactory(
            user=user,
            requirement=requirement,
            starts_on=today + starts * day,
            ends_on=None if ends is None else today + ends * day,
            granted_by=people["administrator"],
        )
    leaver = UserFactory(unit=org.team_b)
    services.sync_person(leaver)
    leaver.is_active = False
    leaver.save()
    Assignment.objects.filter(user=people["manager_of_other_unit"], requirement=required).update(ended_on=today)
    services.sync_requirement(required)
    assert first.pk < tie.pk

    current = Assignment.objects.filter(ended_on__isnull=True, user__is_active=True)
    wanted = services.compute_states(current, today=today)
    assert services.rebuild_state(today=today).created == len(wanted) >= 8
    rebuilt = {
        row["assignment_id"]: {name: row[name] for name in services.STATE_FIELDS}
        for row in ComplianceState.objects.values("assignment_id", *services.STATE_FIELDS)
    }
    assert rebuilt == wanted
    exempt_rows = [row for row in rebuilt.values() if row["exempt_from"] or row["recheck_before"]]
    assert len(exempt_rows) >= 4
    assert any(row["started"] for row in rebuilt.values())
    assert any(row["unit_id"] is None for row in rebuilt.values())
    assert_state_is_exact(people)
    call_command("check_compliance_state")


def test_the_check_runs_from_the_command_line_with_the_system_checks(people, force_wide):
    """``manage.py`` runs Django's system checks first (``call_command`` skips them): no method may shadow them."""
    import io

    out = io.StringIO()
    call_command("check_compliance_state", skip_checks=False, stdout=out)
    assert out.getvalue().startswith("Compliance state matches the records")
