"""Reading, filtering and paging people; bad input answered with SCIM errors, nothing half-written."""

import pytest

from accounts.factories import UserFactory
from accounts.models import User
from audit.models import AuditEvent

from .conftest import ENTERPRISE, joiner

pytestmark = pytest.mark.django_db
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


def ids(response) -> list[str]:
    return [resource["id"] for resource in response.json()["Resources"]]


def test_filter_by_user_name_as_entra_does(scim, people):
    officer = people["officer"]
    User.objects.filter(pk=officer.pk).update(staff_number="HR-1001")
    response = scim.get("Users", params={"filter": 'userName eq "hr-1001"'})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/scim+json"
    body = response.json()
    assert body["totalResults"] == 1 and ids(response) == [str(officer.pk)]
    assert body["Resources"][0]["userName"] == "HR-1001"
    assert scim.get("Users", params={"filter": 'userName eq "nobody"'}).json()["totalResults"] == 0


@pytest.mark.parametrize(
    "expression, who",
    [
        ('externalId eq "entra-7"', {"officer"}),
        (f'{ENTERPRISE}:employeeNumber eq "7777"', {"officer"}),
        ('emails[type eq "work"].value eq "officer@example.police.uk"', {"officer"}),
        ('name.familyName eq "Morgan" and active eq true', {"officer"}),
        ('userName eq "HR-1" or externalId eq "entra-7"', {"officer"}),
    ],
)
def test_other_filters(scim, people, expression, who):
    User.objects.filter(pk=people["officer"].pk).update(external_id="entra-7", warrant_number="7777")
    response = scim.get("Users", params={"filter": expression})
    assert response.status_code == 200, response.content
    assert set(ids(response)) == {str(people[name].pk) for name in who}


@pytest.mark.parametrize(
    "expression",
    ['nickName eq "x"', 'userName eq "a" and password eq "b"', "userName eq", "((", 'userName eq "a" "b"'],
)
def test_unreadable_or_unknown_filters_are_refused(scim, people, expression):
    response = scim.get("Users", params={"filter": expression})
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidFilter"


def test_pagination(scim, org):
    made = [UserFactory(unit=org.team_a, roles=[]) for _ in range(5)]
    every = scim.get("Users").json()
    assert every["totalResults"] == 5 and every["startIndex"] == 1
    page = scim.get("Users", params={"startIndex": 2, "count": 2}).json()
    assert (page["totalResults"], page["startIndex"], page["itemsPerPage"]) == (5, 2, 2)
    assert [r["id"] for r in page["Resources"]] == [str(made[1].pk), str(made[2].pk)]
    last = scim.get("Users", params={"startIndex": 5, "count": 10}).json()
    assert [r["id"] for r in last["Resources"]] == [str(made[4].pk)]
    assert scim.get("Users", params={"startIndex": 99}).json()["Resources"] == []
    assert scim.get("Users", params={"count": 0}).json() == {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 5,
        "startIndex": 1,
        "itemsPerPage": 0,
        "Resources": [],
    }
    assert scim.get("Users", params={"startIndex": 0, "count": -3}).json()["startIndex"] == 1
    bad = scim.get("Users", params={"count": "ten"})
    assert bad.status_code == 400 and bad.json()["scimType"] == "invalidValue"


def test_the_page_size_is_capped(scim, org, settings):
    settings.SCIM_MAX_RESULTS = 3
    for _ in range(4):
        UserFactory(unit=org.team_a, roles=[])
    assert scim.get("Users", params={"count": 100}).json()["itemsPerPage"] == 3


def test_duplicate_user_name_or_warrant_number_is_a_conflict(scim, org):
    assert scim.post("Users", joiner()).status_code == 201
    events = AuditEvent.objects.count()
    again = scim.post("Users", joiner(externalId="other"))
    assert again.status_code == 409
    assert again.json() == {
        "schemas": [ERROR],
        "status": "409",
        "scimType": "uniqueness",
        "detail": "Another person already has this HR staff number.",
    }
    same_warrant = joiner(user_name="HR-2")
    assert scim.post("Users", same_warrant).json()["scimType"] == "uniqueness"
    assert User.objects.filter(staff_number="HR-2").count() == 0
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize(
    "change, scim_type",
    [
        ({"userName": "not a number!"}, "invalidValue"),
        ({"userName": ""}, "invalidValue"),
        ({"emails": [{"value": "not-an-address", "primary": True}]}, "invalidValue"),
        ({"title": "Grand Vizier"}, "invalidValue"),
        ({ENTERPRISE: {"department": "No Such Unit"}}, "invalidValue"),
        ({"name": {"givenName": "x" * 151}}, "invalidValue"),
        ({"active": "sometimes"}, "invalidValue"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(scim, org, change, scim_type):
    body = joiner(user_name="HR-3")
    body.update(change)
    response = scim.post("Users", body)
    assert response.status_code == 400, response.content
    assert response.json()["scimType"] == scim_type
    assert response.json()["schemas"] == [ERROR]
    assert not User.objects.filter(external_id="entra-object-1").exists()


@pytest.mark.parametrize("raw", ["{not json", "[]", '"a string"', "null"])
def test_a_body_that_is_not_a_scim_object_is_invalid_syntax(scim, org, raw):
    response = scim.call("POST", "Users", raw_body=raw)
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidSyntax"


def test_a_failed_patch_writes_nothing(scim, people, org):
    officer = people["officer"]
    response = scim.patch(
        f"Users/{officer.pk}",
        [
            {"op": "replace", "path": "name.givenName", "value": "Changed"},
            {"op": "replace", "path": f"{ENTERPRISE}:department", "value": "Nowhere"},
        ],
    )
    assert response.status_code == 400
    officer.refresh_from_db()
    assert (officer.first_name, officer.unit) == ("Alex", org.team_a)


@pytest.mark.parametrize(
    "operations",
    [
        [{"op": "explode", "path": "active", "value": False}],
        [{"op": "replace", "path": "nosuchattribute", "value": 1}],
        [{"op": "remove"}],
        "not a list",
    ],
)
def test_bad_patches_are_refused(scim, people, operations):
    response = scim.patch(f"Users/{people['officer'].pk}", operations)
    assert response.status_code == 400, response.content
    assert response.json()["schemas"] == [ERROR]


def test_unknown_people_are_not_found(scim, people):
    for path in ("Users/999999", "Users/abc", "Users/" + "9" * 30):
        response = scim.get(path)
        assert response.status_code == 404
        assert response.json()["status"] == "404"
    assert scim.patch("Users/999999", [{"op": "replace", "path": "active", "value": False}]).status_code == 404
    assert scim.delete("Users/999999").status_code == 404


def test_unsupported_methods_are_scim_errors(scim):
    response = scim.call("DELETE", "Users")
    assert response.status_code == 405
    assert response.json()["schemas"] == [ERROR]


def test_a_username_setting_maps_user_name_elsewhere(scim, org, settings):
    settings.SCIM_USERNAME_FIELD = "username"
    response = scim.post("Users", joiner(user_name="priya.shah@example.police.uk"))
    assert response.status_code == 201, response.content
    person = User.objects.get(pk=response.json()["id"])
    assert (person.username, person.staff_number) == ("priya.shah@example.police.uk", None)
    found = scim.get("Users", params={"filter": 'userName eq "priya.shah@example.police.uk"'})
    assert found.json()["totalResults"] == 1


def test_a_control_character_in_a_body_is_refused(scim, people):
    """PostgreSQL cannot store NUL; refused as invalid input, before anything is written."""
    response = scim.post("Users", joiner(user_name="HR-10", name={"givenName": "Pri\x00ya"}))
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidValue"
    assert not User.objects.filter(staff_number="HR-10").exists()
