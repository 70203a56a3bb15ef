"""
Who may call the API: a live bearer token carrying the endpoint's scope, nobody else. A signed-in
session (any role, administrators included) opens nothing; each use of a token is recorded;
each token has its own rate limit.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from accounts.tokens import issue_token, revoke_token
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

ENDPOINTS = ["people", "units", "courses", "enrolments", "completions", "assignments", "certificates"]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_session_of_any_role_opens_no_endpoint(client_as, people, role):
    """The API answers tokens only: signing in to the site (even as an administrator) opens nothing."""
    client = client_as(role)
    for endpoint in ENDPOINTS:
        for url in (f"/api/v1/{endpoint}/", f"/api/v1/{endpoint}/1/"):
            response = client.get(url)
            assert response.status_code == 401, url
            assert response["WWW-Authenticate"].startswith("Bearer")
    response = client.post("/api/v1/external-completions/", {}, content_type="application/json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ptp_nope_nope", "Bearer a b", "Token abc", "Bearer not-ours", "Basic dXNlcjpwYXNz"],
)
def test_a_bad_or_missing_token_gets_401_with_a_message(api, tokens, header):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/people/")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_revoked_token_is_refused(api, people, org):
    issued = issue_token(name="Old feed", scopes=["read"], whole_force=True, created_by=people["administrator"])
    assert api(issued.raw).get("/api/v1/people/").status_code == 200
    revoke_token(issued.token, by=people["administrator"])
    assert api(issued.raw).get("/api/v1/people/").status_code == 401


def test_an_expired_token_is_refused(api, people):
    issued = issue_token(
        name="Expired",
        scopes=["read"],
        whole_force=True,
        created_by=people["administrator"],
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert api(issued.raw).get("/api/v1/people/").status_code == 401


def test_a_token_without_the_read_scope_cannot_read(api, people):
    issued = issue_token(name="SCIM", scopes=["provision"], whole_force=True, created_by=people["administrator"])
    response = api(issued.raw).get("/api/v1/people/")
    assert response.status_code == 401
    assert "read" in response.json()["detail"]


def test_a_read_token_cannot_record_completions(api, tokens):
    response = api(tokens["north"]).post("/api/v1/external-completions/", {}, format="json")
    assert response.status_code == 401
    assert "record_completions" in response.json()["detail"]


def test_each_use_is_recorded_with_the_address(api, tokens):
    token = ApiToken.objects.get(name="North")
    assert token.last_used_at is None
    api(tokens["north"]).get("/api/v1/units/", REMOTE_ADDR="192.0.2.7")
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.last_used_from == "192.0.2.7"


def test_each_token_has_its_own_rate_limit(api, tokens, settings):
    settings.API_RATE_LIMIT = "3/minute"
    north = api(tokens["north"])
    assert [north.get("/api/v1/units/").status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = north.get("/api/v1/units/")
    assert "Retry-After" in refused
    assert api(tokens["south"]).get("/api/v1/units/").status_code == 200
