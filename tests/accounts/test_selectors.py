import pytest

from accounts.factories import UserFactory
from accounts.selectors import managers_of_unit, members_of_unit, people_visible_to, units_managed_by

pytestmark = pytest.mark.django_db


def test_managing_a_unit_includes_its_sub_units(org):
    inspector = UserFactory(manages=[org.north])
    assert set(units_managed_by(inspector)) == {org.north, org.team_a, org.team_a_sub}


def test_a_manager_of_several_units_sees_all_of_them_and_nothing_else(org):
    manager = UserFactory(manages=[org.team_a, org.team_b])
    assert set(units_managed_by(manager)) == {org.team_a, org.team_a_sub, org.team_b}


def test_a_unit_may_have_several_managers_including_those_of_units_above(org):
    sergeant = UserFactory(manages=[org.team_a])
    second_sergeant = UserFactory(manages=[org.team_a])
    inspector = UserFactory(manages=[org.north])
    UserFactory(manages=[org.south])
    assert set(managers_of_unit(org.team_a_sub)) == {sergeant, second_sergeant, inspector}


def test_managing_a_sub_unit_gives_no_sight_of_the_units_above_or_beside_it(org):
    manager = UserFactory(manages=[org.team_a_sub])
    assert set(units_managed_by(manager)) == {org.team_a_sub}


def test_people_visible_to_a_manager_are_the_members_of_their_units(org, people):
    visible = set(people_visible_to(people["manager_of_unit"]))
    assert people["officer"] in visible
    assert people["other_officer"] not in visible


def test_people_visible_to_an_administrator_are_everyone(people):
    assert set(people_visible_to(people["administrator"])) >= {people["officer"], people["other_officer"]}


def test_officers_and_trainers_see_nobody_elses_records(people):
    assert not people_visible_to(people["officer"]).exists()
    assert not people_visible_to(people["trainer"]).exists()


def test_members_of_a_unit_include_sub_units_unless_asked_not_to(org):
    in_team = UserFactory(unit=org.team_a)
    in_section = UserFactory(unit=org.team_a_sub)
    assert set(members_of_unit(org.team_a)) == {in_team, in_section}
    assert set(members_of_unit(org.team_a, include_subunits=False)) == {in_team}


def test_scope_is_one_query_however_many_units_are_managed(org, django_assert_num_queries):
    manager = UserFactory(manages=[org.team_a, org.team_b, org.south, org.north])
    with django_assert_num_queries(1):
        list(units_managed_by(manager))
