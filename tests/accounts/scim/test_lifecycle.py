"""Joiners, movers and leavers through SCIM, under the same rules as every other way in."""

import pytest

from accounts.models import UnitMembership, User
from audit.models import Action, AuditEvent
from compliance.factories import RequirementFactory, unit_target
from compliance.models import Assignment
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage

from .conftest import ENTERPRISE, joiner

pytestmark = pytest.mark.django_db


@pytest.fixture
def requirements(org):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    north_course = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime")
    ModulePageFactory(parent=north_course, title="What it is", slug="what-it-is")
    south_course = CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism")
    ModulePageFactory(parent=south_course, title="Community", slug="community")
    return {
        "north": RequirementFactory(course=north_course, targets=[unit_target(org.team_a)]),
        "south": RequirementFactory(course=south_course, targets=[unit_target(org.team_b)]),
    }


def current_courses(person) -> set[str]:
    return set(
        Assignment.objects.filter(user=person, ended_on__isnull=True).values_list(
            "requirement__course__title", flat=True
        )
    )


def test_joiner_mover_leaver(scim, org, requirements):
    # A joiner: created in Team A, with Team A's mandatory training assigned at once.
    response = scim.post("Users", joiner())
    assert response.status_code == 201, response.content
    document = response.json()
    person = User.objects.get(pk=document["id"])
    assert response["Location"].endswith(f"/scim/v2/Users/{person.pk}")
    assert (person.staff_number, person.warrant_number, person.unit) == ("MP-4721", "4721", org.team_a)
    assert (person.first_name, person.last_name, person.email) == ("Priya", "Shah", "priya.shah@example.police.uk")
    assert (person.external_id, person.rank, person.is_active) == ("entra-object-1", "PC", True)
    assert document[ENTERPRISE]["department"] == "Test Constabulary/North Command/Team A"
    assert current_courses(person) == {"Hate crime"}

    # A mover: PATCH the department (by code) to Team B. History kept, assignments follow.
    response = scim.patch(
        f"Users/{person.pk}", [{"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "S-B"}]
    )
    assert response.status_code == 200, response.content
    assert response.json()[ENTERPRISE]["department"] == "Test Constabulary/South Command/Team B"
    person.refresh_from_db()
    assert person.unit == org.team_b
    spells = list(UnitMembership.objects.filter(user=person).order_by("started_at").values_list("unit", "ended_at"))
    assert [unit for unit, _ in spells] == [org.team_a.pk, org.team_b.pk]
    assert spells[0][1] is not None and spells[1][1] is None
    assert current_courses(person) == {"Judaism guide"}
    assert Assignment.objects.filter(user=person, requirement=requirements["north"], ended_on__isnull=False).exists()

    # A leaver: active false deactivates; nothing is deleted.
    response = scim.patch(f"Users/{person.pk}", [{"op": "replace", "value": {"active": False}}])
    assert response.status_code == 200
    assert response.json()["active"] is False
    person.refresh_from_db()
    assert person.is_active is False
    assert UnitMembership.objects.filter(user=person).count() == 2
    assert Assignment.objects.filter(user=person).count() == 2

    actions = list(AuditEvent.objects.filter(subject=person).order_by("sequence").values_list("action", flat=True))
    assert actions[0] == Action.SCIM_PERSON_CREATED
    assert Action.SCIM_PERSON_UPDATED in actions
    assert Action.SCIM_PERSON_DEACTIVATED in actions
    event = AuditEvent.objects.filter(action=Action.SCIM_PERSON_DEACTIVATED).get()
    assert event.data["token"].startswith("Entra ID provisioning (")
    assert event.data["changes"] == {"is_active": {"from": True, "to": False}}


def test_delete_deactivates_and_keeps_the_records(scim, people, requirements):
    officer = people["officer"]
    assert current_courses(officer) == {"Hate crime"}
    response = scim.delete(f"Users/{officer.pk}")
    assert response.status_code == 204
    officer.refresh_from_db()
    assert officer.is_active is False
    assert User.objects.filter(pk=officer.pk).exists()
    assert UnitMembership.objects.filter(user=officer).exists()
    assert Assignment.objects.filter(user=officer).exists()
    # Still readable, as inactive, so the identity provider can bring them back.
    assert scim.get(f"Users/{officer.pk}").json()["active"] is False
    assert scim.delete(f"Users/{officer.pk}").status_code == 204  # deleting twice changes nothing
    assert AuditEvent.objects.filter(action=Action.SCIM_PERSON_DEACTIVATED, subject=officer).count() == 1
    response = scim.patch(f"Users/{officer.pk}", [{"op": "replace", "path": "active", "value": True}])
    assert response.status_code == 200, response.content
    officer.refresh_from_db()
    assert officer.is_active is True


def test_put_replaces_what_it_carries(scim, people, org):
    officer = people["officer"]
    body = joiner(user_name="HR-9", unit="Test Constabulary/North Command/Team A/Team A night section")
    body["name"] = {"givenName": "Alexandra", "familyName": "Morgan"}
    response = scim.put(f"Users/{officer.pk}", body)
    assert response.status_code == 200, response.content
    officer.refresh_from_db()
    assert (officer.staff_number, officer.first_name, officer.unit) == ("HR-9", "Alexandra", org.team_a_sub)
    assert officer.username == "officer"  # the sign-in name is not SCIM's userName unless configured


def test_scim_never_grants_staff_or_roles(scim, org):
    body = joiner(
        roles=[{"value": "Administrator"}],
        groups=[{"value": "1", "display": "Administrator"}],
        entitlements=[{"value": "superuser"}],
        password="Sup3r-secret-password",
    )
    response = scim.post("Users", body)
    assert response.status_code == 201, response.content
    person = User.objects.get(pk=response.json()["id"])
    assert (person.is_staff, person.is_superuser) == (False, False)
    assert not person.groups.exists()
    assert not person.has_usable_password()
    # Attributes outside the SCIM schemas are refused outright.
    refused = scim.post("Users", {**joiner(user_name="HR-8"), "is_staff": True, "is_superuser": True})
    assert refused.status_code == 400
    assert not User.objects.filter(staff_number="HR-8").exists()


def test_administrators_are_out_of_reach(scim, people):
    admin = people["administrator"]
    admin.is_staff = True
    admin.save()
    response = scim.patch(
        f"Users/{admin.pk}", [{"op": "replace", "path": 'emails[type eq "work"].value', "value": "x@evil.example"}]
    )
    assert response.status_code == 403
    assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    admin.refresh_from_db()
    assert admin.email == "administrator@example.police.uk"
    assert scim.delete(f"Users/{admin.pk}").status_code == 403


def test_entra_sets_a_first_address_with_a_filtered_path(scim, people):
    officer = people["officer"]
    User.objects.filter(pk=officer.pk).update(email="")
    response = scim.patch(
        f"Users/{officer.pk}",
        [{"op": "Add", "path": 'emails[type eq "work"].value', "value": "alex.morgan@example.police.uk"}],
    )
    assert response.status_code == 200, response.content
    officer.refresh_from_db()
    assert officer.email == "alex.morgan@example.police.uk"
