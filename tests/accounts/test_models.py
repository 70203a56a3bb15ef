import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.factories import UnitFactory, UserFactory
from accounts.models import Rank, Unit, UnitMembership, User
from accounts.services import move_person

pytestmark = pytest.mark.django_db


def test_warrant_numbers_are_normalised_so_spacing_and_case_cannot_create_duplicates():
    UserFactory(warrant_number=" mp 4721 ")
    assert User.objects.get(warrant_number="MP4721")
    with pytest.raises(IntegrityError):
        UserFactory(username="someone-else", warrant_number="mp4721")


def test_people_without_a_warrant_number_do_not_collide():
    UserFactory(username="staff1", warrant_number="", rank=Rank.POLICE_STAFF)
    UserFactory(username="staff2", warrant_number=None, rank=Rank.POLICE_STAFF)
    assert User.objects.filter(warrant_number__isnull=True).count() == 2


def test_detective_prefix_is_shown_in_the_rank_title():
    assert UserFactory.build(rank=Rank.SERGEANT, is_detective=True).rank_title == "Detective Sergeant"
    assert UserFactory.build(rank=Rank.POLICE_CONSTABLE, is_detective=True).rank_title == "Detective Constable"
    assert UserFactory.build(rank=Rank.INSPECTOR).rank_title == "Inspector"


def test_only_constable_to_chief_superintendent_can_be_detectives():
    user = UserFactory.build(rank=Rank.PCSO, is_detective=True)
    with pytest.raises(ValidationError) as error:
        user.clean()
    assert "is_detective" in error.value.message_dict


def test_display_name_gives_rank_name_and_warrant_number():
    user = UserFactory.build(rank=Rank.SERGEANT, first_name="Jo", last_name="Clarke", warrant_number="2210")
    assert user.display_name == "Sergeant Jo Clarke (2210)"


def test_ranks_run_from_constable_upwards_with_non_officer_roles_last():
    values = list(Rank.values)
    assert values[0] == Rank.POLICE_CONSTABLE
    assert values.index(Rank.SERGEANT) < values.index(Rank.INSPECTOR) < values.index(Rank.CHIEF_CONSTABLE)
    assert values.index(Rank.CHIEF_SUPERINTENDENT) < values.index(Rank.COMMANDER)
    assert values[-3:] == [Rank.SPECIAL_CONSTABLE, Rank.PCSO, Rank.POLICE_STAFF]


def test_unit_tree_places_children_under_parents(org):
    assert list(org.north.get_children()) == [org.team_a]
    assert org.team_a_sub.is_descendant_of(org.north)
    assert not org.team_b.is_descendant_of(org.north)
    assert org.team_a_sub.ancestor_paths == [org.force.path, org.north.path, org.team_a.path, org.team_a_sub.path]


def test_unit_codes_are_unique_ignoring_case(org):
    with pytest.raises(IntegrityError):
        UnitFactory(parent=org.north, code="n-a")


def test_moving_an_officer_keeps_their_unit_history(org):
    officer = UserFactory(unit=org.team_a)
    move_person(user=officer, unit=org.team_b)
    move_person(user=officer, unit=org.team_b)  # no change: no new spell

    spells = list(UnitMembership.objects.filter(user=officer).order_by("started_at", "pk"))
    assert [spell.unit for spell in spells] == [org.team_a, org.team_b]
    assert spells[0].ended_at is not None
    assert spells[1].ended_at is None


def test_saving_a_person_through_any_route_records_the_change_of_unit(org):
    officer = UserFactory(unit=org.team_a)
    officer = User.objects.get(pk=officer.pk)  # as loaded by an admin form or import
    officer.unit = org.south
    officer.save()
    assert UnitMembership.objects.get(user=officer, ended_at__isnull=True).unit == org.south


def test_only_one_current_spell_per_person_is_allowed_by_the_database(org):
    officer = UserFactory(unit=org.team_a)
    with pytest.raises(IntegrityError):
        UnitMembership.objects.create(user=officer, unit=org.team_b, started_at=officer.date_joined)


def test_a_unit_with_people_cannot_be_deleted(org):
    UserFactory(unit=org.team_b)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Unit.objects.filter(pk=org.team_b.pk).delete()
