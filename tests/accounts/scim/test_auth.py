"""Who may provision: a live token with the provision scope, within its units."""

import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import ApiToken, User
from accounts.tokens import issue_token, revoke_token
from tests.conftest import ROLE_NAMES

from .conftest import ENTERPRISE, Scim, joiner

pytestmark = pytest.mark.django_db
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
ENDPOINTS = ("Users", "Users/1", "ServiceProviderConfig", "Schemas", "ResourceTypes")


def assert_refused(response):
    assert response.status_code == 401
    assert response.json()["schemas"] == [ERROR]
    assert response.json()["status"] == "401"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_no_token_is_refused(client, db, endpoint):
    assert_refused(Scim(client, None).get(endpoint))


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_signed_in_session_is_not_a_token(client_as, people, role):
    """Every role, administrators included, is refused without a token: SCIM reads no session."""
    client = client_as(role)
    for endpoint in ("Users", f"Users/{people['officer'].pk}", "ServiceProviderConfig"):
        assert_refused(Scim(client, None).get(endpoint))
    response = Scim(client, None).post("Users", joiner())
    assert_refused(response)
    assert not User.objects.filter(staff_number="MP-4721").exists()


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ptp_nope_nope", "Token abc", "bearer   "])
def test_bad_headers_are_refused(client, db, header):
    assert_refused(client.get("/scim/v2/Users", HTTP_AUTHORIZATION=header))


def test_revoked_expired_and_unscoped_tokens_are_refused(client, db):
    revoked = issue_token(name="old", scopes=["provision"], whole_force=True)
    revoke_token(revoked.token)
    expired = issue_token(
        name="expired",
        scopes=["provision"],
        whole_force=True,
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    reader = issue_token(name="reader", scopes=["read", "record_completions"], whole_force=True)
    for issued in (revoked, expired, reader):
        assert_refused(Scim(client, issued.raw).get("Users"))
        assert_refused(Scim(client, issued.raw).post("Users", joiner()))
    assert not User.objects.filter(staff_number="MP-4721").exists()


def test_a_use_is_recorded_on_the_token(scim, force_token):
    assert scim.get("Users").status_code == 200
    token = ApiToken.objects.get(pk=force_token.token.pk)
    assert token.last_used_at is not None and token.last_used_from == "127.0.0.1"


# Scope: a token for one command provisions that command's people only.


def test_a_scoped_token_sees_only_its_units(north_scim, people):
    listed = {r["id"] for r in north_scim.get("Users").json()["Resources"]}
    assert listed == {str(people["officer"].pk), str(people["manager_of_unit"].pk)}
    assert north_scim.get(f"Users/{people['other_officer'].pk}").status_code == 404
    assert north_scim.delete(f"Users/{people['other_officer'].pk}").status_code == 404
    people["other_officer"].refresh_from_db()
    assert people["other_officer"].is_active


def test_a_scoped_token_creates_inside_its_units_only(north_scim, org):
    assert north_scim.post("Users", joiner(unit="N-A-1")).status_code == 201
    outside = north_scim.post("Users", joiner(user_name="HR-5", unit="S-B", **{ENTERPRISE: {"department": "S-B"}}))
    assert outside.status_code == 403
    assert outside.json()["schemas"] == [ERROR]
    body = joiner(user_name="HR-6")
    del body[ENTERPRISE]
    assert north_scim.post("Users", body).status_code == 403  # no unit: not within its reach
    assert not User.objects.filter(staff_number__in=["HR-5", "HR-6"]).exists()


def test_a_scoped_token_cannot_move_people_out(north_scim, people, org):
    officer = people["officer"]
    response = north_scim.patch(
        f"Users/{officer.pk}", [{"op": "replace", "path": f"{ENTERPRISE}:department", "value": "S-B"}]
    )
    assert response.status_code == 403
    officer.refresh_from_db()
    assert officer.unit == org.team_a
    inside = north_scim.patch(
        f"Users/{officer.pk}", [{"op": "replace", "path": f"{ENTERPRISE}:department", "value": "N-A-1"}]
    )
    assert inside.status_code == 200
    officer.refresh_from_db()
    assert officer.unit == org.team_a_sub


def test_a_whole_force_token_does_everything(scim, people, org):
    officer = people["officer"]
    response = scim.patch(
        f"Users/{officer.pk}", [{"op": "replace", "path": f"{ENTERPRISE}:department", "value": "S-B"}]
    )
    assert response.status_code == 200
    assert scim.post("Users", joiner(unit="S-B")).status_code == 201
    assert scim.post("Users", {**joiner(user_name="HR-7"), ENTERPRISE: {}}).status_code == 201  # no unit yet


def test_a_token_with_no_units_reaches_nobody(client, people):
    issued = issue_token(name="empty", scopes=["provision"])
    empty = Scim(client, issued.raw)
    assert empty.get("Users").json()["totalResults"] == 0
    assert empty.post("Users", joiner()).status_code == 403
    UserFactory(unit=None)
    assert empty.get("Users").json()["totalResults"] == 0
