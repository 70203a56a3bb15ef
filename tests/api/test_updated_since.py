"""
``updated_since`` on people, units and assignments (incremental sync): every write path stamps
``updated_at`` — saves, ``save(update_fields=...)``, ``bulk_create``, ``bulk_update``,
``QuerySet.update``, treebeard's moves, the HR import, SCIM, ``compliance.services`` — so a
record changed after a moment T is listed with ``updated_since=T`` and one unchanged is not.
Assignments are also listed when the calendar alone changed their status since T.

Each test first backdates every stamp to before T, then makes one change after T.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from accounts import importing
from accounts.models import Unit
from accounts.services import move_person
from compliance.factories import ExemptionFactory
from compliance.models import ComplianceState
from compliance.selectors import Window
from compliance.services import rebuild_state, sync_people
from compliance.status import with_stored_status
from tests.accounts.scim.conftest import Scim, joiner
from tests.compliance.conftest import record_completion

from .test_queries import make_people

pytestmark = pytest.mark.django_db

User = get_user_model()
day = datetime.timedelta(days=1)
HEADER = (
    b"warrant_number,staff_number,first_name,last_name,email,rank,unit_path,line_manager_warrant_number,leaving_date\n"
)


def backdate(to: datetime.datetime) -> None:
    # Naming updated_at in update() keeps the value given (core.stamping adds it only when absent).
    User.objects.update(updated_at=to)
    Unit.objects.update(updated_at=to)
    ComplianceState.objects.update(updated_at=to)


@pytest.fixture
def moment(required) -> datetime.datetime:
    """T: just now, on today's date (so that no calendar day has passed since), every stamp before it."""
    now = timezone.now()
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), datetime.time()))
    moment = max(now - datetime.timedelta(seconds=5), midnight)
    backdate(moment - datetime.timedelta(seconds=5))
    return moment


def listed(api, raw, endpoint: str, since: datetime.datetime) -> set[int]:
    response = api(raw).get(f"/api/v1/{endpoint}/", {"updated_since": since.isoformat(), "page_size": 1000})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def assignments_of(*users) -> set[int]:
    return set(ComplianceState.objects.filter(user__in=users).values_list("assignment_id", flat=True))


# People


def test_nothing_changed_lists_nobody(api, tokens, moment):
    for endpoint in ("people", "units", "assignments"):
        assert listed(api, tokens["force"], endpoint, moment) == set()


def test_without_updated_since_everyone_is_listed(api, tokens, moment, people):
    response = api(tokens["force"]).get("/api/v1/people/", {"page_size": 1000})
    assert {people["officer"].pk, people["other_officer"].pk} <= {row["id"] for row in response.json()["results"]}


def test_a_save_and_a_save_of_some_fields_stamp_the_person(api, tokens, moment, people):
    officer, other = people["officer"], people["other_officer"]
    officer.last_name = "Morgan-Hale"
    officer.save()
    other.is_active = False  # deactivation, as the admin and SCIM save it
    other.save(update_fields=["is_active"])
    assert listed(api, tokens["force"], "people", moment) == {officer.pk, other.pk}


def test_signing_in_is_not_a_change_of_the_record(api, tokens, moment, people):
    officer = people["officer"]
    officer.last_login = timezone.now()
    officer.save(update_fields=["last_login"])
    User.objects.filter(pk=people["trainer"].pk).update(last_login=timezone.now())
    assert listed(api, tokens["force"], "people", moment) == set()


def test_bulk_writes_stamp_people(api, tokens, moment, people, org):
    officer, other, trainer = people["officer"], people["other_officer"], people["trainer"]
    officer.first_name = "Alexandra"
    User.objects.bulk_update([officer], ["first_name"])
    User.objects.filter(pk=other.pk).update(rank="SGT")
    (new,) = User.objects.bulk_create([User(username="bulk-new", unit=org.team_a)])
    assert listed(api, tokens["force"], "people", moment) == {officer.pk, other.pk, new.pk}
    assert trainer.pk not in listed(api, tokens["force"], "people", moment)


def test_a_move_stamps_the_person_and_their_assignments(api, tokens, moment, people, org):
    officer = people["officer"]
    move_person(user=officer, unit=org.team_b)
    assert listed(api, tokens["force"], "people", moment) == {officer.pk}
    assert listed(api, tokens["force"], "assignments", moment) == assignments_of(officer)


def test_the_hr_import_stamps_whom_it_creates_updates_and_moves(api, tokens, required, people, org):
    first = (
        HEADER
        + b"""9001,S9001,Priya,Shah,priya.shah@example.org,Sergeant,Test Constabulary/North Command/Team A,,
9002,S9002,Tom,Baker,tom.baker@example.org,Police Constable,Test Constabulary/North Command/Team A,9001,
9003,S9003,Dana,Cole,dana.cole@example.org,Police Constable,Test Constabulary/North Command/Team A,9001,
"""
    )
    assert importing.run(content=first, file_name="first.csv", full=False, dry_run=False).run.outcome == "applied"
    now = timezone.now()
    moment = max(
        now - datetime.timedelta(seconds=5), timezone.make_aware(datetime.datetime.combine(now, datetime.time()))
    )
    backdate(moment - datetime.timedelta(seconds=5))
    second = (
        HEADER
        + b"""9001,S9001,Priya,Shah,priya.shah@example.org,Sergeant,Test Constabulary/North Command/Team A,,
9002,S9002,Tom,Baker-Jones,tom.baker@example.org,Police Constable,Test Constabulary/North Command/Team A,,
9003,S9003,Dana,Cole,dana.cole@example.org,Police Constable,Test Constabulary/North Command/Response,9001,
9004,S9004,Sam,Reed,sam.reed@example.org,Police Constable,Test Constabulary/North Command/Team A,9001,
"""
    )
    paths = dict(Unit.objects.values_list("pk", "path"))
    assert importing.run(content=second, file_name="second.csv", full=False, dry_run=False).run.outcome == "applied"
    by_warrant = dict(User.objects.filter(warrant_number__isnull=False).values_list("warrant_number", "pk"))
    # 9002: renamed and line manager cleared (bulk_update); 9003: moved; 9004: new; 9001 untouched.
    assert listed(api, tokens["force"], "people", moment) == {
        by_warrant["9002"],
        by_warrant["9003"],
        by_warrant["9004"],
    }
    # The new unit, and those whose path changed (a sorted insert renumbers the siblings after it).
    renumbered = {pk for pk, path in Unit.objects.values_list("pk", "path") if paths.get(pk, path) != path}
    response = Unit.objects.get(name="Response")
    assert listed(api, tokens["force"], "units", moment) == {response.pk} | renumbered
    # The mover's assignments follow (sync_people), and the joiner's are new; nobody else's.
    mover, joiner_ = User.objects.get(warrant_number="9003"), User.objects.get(warrant_number="9004")
    # The rows of the people in renumbered units take the new paths (scopes compare paths).
    in_renumbered = set(ComplianceState.objects.filter(unit__in=renumbered).values_list("assignment_id", flat=True))
    assert renumbered and in_renumbered
    assert listed(api, tokens["force"], "assignments", moment) == assignments_of(mover, joiner_) | in_renumbered
    assert not ComplianceState.objects.exclude(unit_path=F("unit__path")).exists()


def test_scim_changes_and_deactivations_stamp_the_person(api, tokens, client, moment, people, org):
    from accounts.tokens import issue_token

    scim = Scim(client, issue_token(name="Entra", scopes=["provision"], whole_force=True).raw)
    created = scim.post("Users", joiner())
    assert created.status_code == 201, created.content
    new = User.objects.get(username="MP-4721")
    officer = people["officer"]
    # A SCIM update of someone provisioned earlier, then a deactivation (DELETE).
    assert (
        scim.patch(f"Users/{new.pk}", [{"op": "replace", "path": "name.familyName", "value": "Shah-Khan"}]).status_code
        == 200
    )
    assert scim.delete(f"Users/{new.pk}").status_code == 204
    assert listed(api, tokens["force"], "people", moment) == {new.pk}
    assert officer.pk not in listed(api, tokens["force"], "people", moment)


# Units


def test_renaming_adding_and_moving_units_stamp_them(api, tokens, moment, org):
    paths = dict(Unit.objects.values_list("pk", "path"))
    org.team_b.name = "Team B (Response)"
    org.team_b.save(update_fields=["name"])
    child = Unit.objects.get(pk=org.north.pk).add_child(name="Roads policing", code="N-R")
    # Counting a new child is not a change of the parent; the siblings after it are renumbered.
    renumbered = {pk for pk, path in Unit.objects.values_list("pk", "path") if paths.get(pk, path) != path}
    assert org.north.pk not in renumbered
    assert listed(api, tokens["force"], "units", moment) == {org.team_b.pk, child.pk} | renumbered

    backdate(timezone.now())
    later = timezone.now()
    Unit.objects.get(pk=org.team_a_sub.pk).move(Unit.objects.get(pk=org.south.pk), pos="sorted-child")
    changed = listed(api, tokens["force"], "units", later)
    assert org.team_a_sub.pk in changed
    assert not {org.force.pk, org.north.pk, org.team_a.pk, org.south.pk} & changed


def test_a_unit_moved_in_the_admin_stamps_the_assignments_under_it(api, tokens, people, required, org):
    from accounts.signals import unit_moved

    new_parent = Unit.objects.get(pk=org.force.pk).add_child(name="Zulu Command", code="Z")
    now = timezone.now()
    backdate(now - datetime.timedelta(seconds=5))
    team_a = Unit.objects.get(pk=org.team_a.pk)
    team_a.move(Unit.objects.get(pk=new_parent.pk), pos="sorted-child")
    unit_moved.send(sender=Unit, unit=Unit.objects.get(pk=org.team_a.pk))  # as accounts.forms announces it
    under_team_a = set(
        ComplianceState.objects.filter(unit__path__startswith=Unit.objects.get(pk=org.team_a.pk).path).values_list(
            "assignment_id", flat=True
        )
    )
    assert under_team_a
    assert listed(api, tokens["force"], "assignments", now) == under_team_a
    assert not ComplianceState.objects.exclude(unit_path=F("unit__path")).exists()


# Assignments: every write of the stored state


def test_a_completion_an_exemption_and_sync_people_stamp_only_their_rows(
    api, tokens, moment, people, required, hate_crime, org
):
    officer, other, trainer = people["officer"], people["other_officer"], people["manager_of_other_unit"]
    record_completion(other, hate_crime, on=timezone.localdate())
    ExemptionFactory(
        user=trainer, requirement=required, starts_on=timezone.localdate(), granted_by=people["administrator"]
    )
    expected = assignments_of(other) & set(
        ComplianceState.objects.filter(course=hate_crime).values_list("assignment_id", flat=True)
    ) | set(ComplianceState.objects.filter(user=trainer, requirement=required).values_list("assignment_id", flat=True))
    assert listed(api, tokens["force"], "assignments", moment) == expected

    # sync_people rewrites nothing for people whose coverage and sources are unchanged.
    sync_people([officer.pk, other.pk, trainer.pk])
    assert listed(api, tokens["force"], "assignments", moment) == expected


def test_a_rebuild_of_the_state_lists_every_assignment_once(api, tokens, moment):
    rebuild_state()
    assert listed(api, tokens["force"], "assignments", moment) == set(
        ComplianceState.objects.values_list("assignment_id", flat=True)
    )


# Assignments: the calendar changes a status without any write


def test_every_status_the_calendar_changed_since_is_listed(api, tokens, people, org, hate_crime, required):
    """
    Rows with due dates, expiry dates and exemptions spread around the window, none written
    since T (three days ago): every row whose status or "expiring" flag differs between T's day
    and today is listed; rows with dates far from today are not.
    """
    make_people(80, unit=org.team_a, course=hate_crime, requirement=required)
    window = Window.now()
    today, since = window.today, window.today - 3 * day
    spread = range(-45, 45)
    rows = list(ComplianceState.objects.order_by("pk"))
    for index, state in enumerate(rows):
        offset = spread[index % len(spread)] * day
        kind = index % 3
        state.due_on = today + offset
        state.completion_id = state.completed_at = state.valid_until = None
        state.exempt_from = state.exempt_until = None
        if kind == 1:  # completed, running out around today
            state.completed_at = timezone.now() - 300 * day
            state.valid_until = today + offset
        elif kind == 2:  # exempt for a while around today
            state.exempt_from = today + offset
            state.exempt_until = today + offset + 2 * day
        state.next_due = state.valid_until if state.completed_at else state.due_on
        state.sort_due = state.next_due or datetime.date.max
    ComplianceState.objects.bulk_update(
        rows, ["due_on", "completed_at", "valid_until", "exempt_from", "exempt_until", "next_due", "sort_due"]
    )
    moment = timezone.now() - 3 * day
    ComplianceState.objects.update(updated_at=moment - day)

    def statuses(on):
        return {
            row["assignment_id"]: (row["status"], row["expiring"])
            for row in with_stored_status(
                ComplianceState.objects.all(),
                today=on,
                due_soon_days=window.due_soon_days,
                expiring_days=window.expiring_days,
            ).values("assignment_id", "status", "expiring")
        }

    before, now = statuses(since), statuses(today)
    changed = {pk for pk in now if now[pk] != before[pk]}
    assert changed  # the spread crosses every boundary
    got = listed(api, tokens["force"], "assignments", moment)
    assert changed <= got
    far = {
        state.assignment_id
        for state in rows
        if abs((state.due_on - today).days) > max(window.due_soon_days, window.expiring_days) + 5
    }
    assert far and not far & got


def test_a_date_time_beyond_the_calendar_is_no_500(api, tokens, moment):
    for value in ("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"):
        response = api(tokens["force"]).get("/api/v1/assignments/", {"updated_since": value})
        assert response.status_code in (200, 400)
