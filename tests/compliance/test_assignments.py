"""Assignments follow requirements and people; history is kept."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Rank, UnitMembership
from accounts.services import move_person
from compliance import services
from compliance.factories import RequirementFactory, person_target, rank_target, unit_target
from compliance.models import Assignment, AssignmentSource, DueRule

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def current(requirement):
    return set(
        Assignment.objects.filter(requirement=requirement, ended_on__isnull=True).values_list(
            "user__username", flat=True
        )
    )


def test_a_unit_requirement_covers_its_sub_units_unless_told_not_to(people, org, hate_crime):
    in_section = UserFactory(username="section", unit=org.team_a_sub)
    with_subunits = RequirementFactory(course=hate_crime, targets=[unit_target(org.north)])
    without = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a, include_subunits=False)])
    assert current(with_subunits) == {"officer", "manager_of_unit", in_section.username}
    assert current(without) == {"officer", "manager_of_unit"}


def test_ranks_and_named_people(people, org, hate_crime):
    sergeants = RequirementFactory(course=hate_crime, targets=[rank_target(Rank.SERGEANT)])
    named = RequirementFactory(course=hate_crime, targets=[person_target(people["trainer"])])
    assert current(sergeants) == {"manager_of_unit", "manager_of_other_unit"}
    assert current(named) == {"trainer"}
    assert Assignment.objects.get(requirement=named).source == AssignmentSource.PERSON


def test_everyone_covered_on_the_start_date_is_due_a_fixed_number_of_days_later(people, org, hate_crime):
    starts = timezone.localdate() - 100 * day
    UnitMembership.objects.update(started_at=timezone.now() - 400 * day)
    requirement = RequirementFactory(
        course=hate_crime, starts_on=starts, due_days=90, targets=[unit_target(org.force)]
    )
    assignment = Assignment.objects.get(requirement=requirement, user=people["officer"])
    assert (assignment.assigned_on, assignment.due_on) == (starts, starts + 90 * day)


def test_a_fixed_due_date(people, org, hate_crime):
    today = timezone.localdate()
    due_by = today + 120 * day
    requirement = RequirementFactory(
        course=hate_crime,
        due_rule=DueRule.FIXED_DATE,
        due_date=due_by,
        due_days=None,
        starts_on=today - 30 * day,
        targets=[unit_target(org.team_a)],
    )
    assert Assignment.objects.get(requirement=requirement, user=people["officer"]).due_on == due_by


def test_a_fixed_due_date_already_past_is_due_on_the_day_someone_falls_under_it(people, org, hate_crime):
    UnitMembership.objects.update(started_at=timezone.now() - 400 * day)
    today = timezone.localdate()
    requirement = RequirementFactory(
        course=hate_crime,
        due_rule=DueRule.FIXED_DATE,
        due_date=today - 10 * day,
        due_days=None,
        starts_on=today - 30 * day,
        targets=[unit_target(org.team_a)],
    )
    joiner = UserFactory(unit=org.team_a)
    assert Assignment.objects.get(requirement=requirement, user=joiner).due_on == today


def test_someone_joining_the_unit_later_gets_their_own_due_date_and_someone_leaving_keeps_their_history(
    people, org, hate_crime
):
    UnitMembership.objects.update(started_at=timezone.now() - 400 * day)
    requirement = RequirementFactory(
        course=hate_crime, starts_on=timezone.localdate() - 100 * day, due_days=30, targets=[unit_target(org.team_a)]
    )
    leaver, joiner = people["officer"], people["other_officer"]

    move_person(user=leaver, unit=org.team_b)
    move_person(user=joiner, unit=org.team_a)

    old = Assignment.objects.get(requirement=requirement, user=leaver)
    assert old.ended_on == timezone.localdate()  # ended, not deleted
    new = Assignment.objects.get(requirement=requirement, user=joiner)
    assert new.assigned_on == timezone.localdate()
    assert new.due_on == timezone.localdate() + 30 * day
    assert current(requirement) == {"manager_of_unit", "other_officer"}


def test_coming_back_starts_a_new_assignment_and_keeps_the_old_one(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    officer = people["officer"]
    move_person(user=officer, unit=org.team_b)
    move_person(user=officer, unit=org.team_a)
    assignments = Assignment.objects.filter(requirement=requirement, user=officer).order_by("pk")
    assert [a.ended_on is None for a in assignments] == [False, True]


def test_a_promotion_brings_a_rank_requirement(people, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[rank_target(Rank.INSPECTOR)])
    officer = people["officer"]
    officer.rank = Rank.INSPECTOR
    officer.save()
    assert current(requirement) == {"officer"}


def test_deactivating_someone_ends_their_assignments(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    people["officer"].is_active = False
    people["officer"].save()
    assert "officer" not in current(requirement)
    assert Assignment.objects.filter(requirement=requirement, user=people["officer"]).exists()


def test_withdrawing_a_requirement_ends_every_assignment(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.force)])
    requirement.active = False
    requirement.save()
    result = services.sync_requirement(requirement)
    assert result.ended == Assignment.objects.filter(requirement=requirement).count() > 0
    assert current(requirement) == set()


def test_syncing_is_idempotent(people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.force)])
    assert services.sync_requirement(requirement) == services.SyncResult(0, 0)
    call_command("sync_assignments", stdout=io.StringIO())
    assert Assignment.objects.filter(requirement=requirement).count() == len(current(requirement))


def test_one_current_assignment_per_person_and_requirement_is_a_database_rule(people, org, hate_crime):
    from django.db import IntegrityError, transaction

    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(
            requirement=requirement,
            user=people["officer"],
            course=hate_crime,
            source="unit",
            assigned_on=timezone.localdate(),
            due_on=timezone.localdate(),
        )


def test_sync_queries_do_not_grow_with_people(org, hate_crime, django_assert_num_queries):
    UserFactory.create_batch(60, unit=org.team_a)
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.force)], sync=False)
    # 9 to sync the assignments (the people covered are one query, whatever the number of
    # lines), 7 to compute and store their compliance state.
    with django_assert_num_queries(16):
        result = services.sync_requirement(requirement)
    assert result.created == 60


def test_who_a_requirement_covers_is_one_rule_whichever_side_it_is_read_from(people, org, hate_crime):
    """``people_covered_by`` (a requirement's people) and ``requirements_covering`` (a person's requirements) agree."""
    section = UserFactory(username="section", unit=org.team_a_sub, rank=Rank.SERGEANT)
    UserFactory(username="unranked", unit=None, rank="")
    UserFactory(username="left", unit=org.team_a, is_active=False)
    requirements = [
        RequirementFactory(course=hate_crime, targets=[unit_target(org.north)], sync=False),
        RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a, include_subunits=False)], sync=False),
        RequirementFactory(course=hate_crime, targets=[rank_target(Rank.SERGEANT)], sync=False),
        RequirementFactory(course=hate_crime, targets=[person_target(people["trainer"])], sync=False),
        # Two lines covering the section sergeant: the first line says why.
        RequirementFactory(course=hate_crime, targets=[person_target(section), unit_target(org.team_a)], sync=False),
        RequirementFactory(course=hate_crime, targets=[unit_target(org.force)], active=False, sync=False),
    ]
    by_requirement = {}
    for requirement in requirements:
        by_requirement |= {key: source for key, (_r, source) in services.people_covered_by(requirement).items()}
    by_person = {}
    for person in services.User.objects.all():
        by_person |= {
            key: source
            for key, (requirement, source) in services.requirements_covering(person).items()
            if requirement in requirements
        }
    assert by_requirement == by_person
    names = dict(services.User.objects.values_list("pk", "username"))
    covered = {
        (requirements.index(next(r for r in requirements if r.pk == k[0])), names[k[1]]): s
        for k, s in by_requirement.items()
    }
    assert covered == {
        (0, "officer"): AssignmentSource.UNIT,
        (0, "manager_of_unit"): AssignmentSource.UNIT,
        (0, "section"): AssignmentSource.UNIT,
        (1, "officer"): AssignmentSource.UNIT,
        (1, "manager_of_unit"): AssignmentSource.UNIT,
        (2, "manager_of_unit"): AssignmentSource.RANK,
        (2, "manager_of_other_unit"): AssignmentSource.RANK,
        (2, "section"): AssignmentSource.RANK,
        (3, "trainer"): AssignmentSource.PERSON,
        (4, "section"): AssignmentSource.PERSON,
        (4, "officer"): AssignmentSource.UNIT,
        (4, "manager_of_unit"): AssignmentSource.UNIT,
    }


def test_a_move_ends_and_creates_assignments_in_a_fixed_number_of_queries(
    people, org, hate_crime, django_assert_num_queries
):
    team_a = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    team_b = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_b)])
    officer = people["officer"]
    officer.unit = org.team_b
    officer.save(update_fields=["unit"])  # the signal syncs; synced again below, to count
    officer.unit = org.team_a
    services.User.objects.filter(pk=officer.pk).update(unit=org.team_a)
    with django_assert_num_queries(19):
        result = services.sync_person(officer)
    assert result == services.SyncResult(created=1, ended=1)
    assert "officer" in current(team_a) and "officer" not in current(team_b)
