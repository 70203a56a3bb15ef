"""
Settings → API tokens: only administrators make, list and revoke tokens; the key is shown once;
nobody makes a token broader than they may read; tokens are never deleted.
"""

import pytest
from django.contrib.auth.models import Permission

from accounts.models import ApiToken
from accounts.tokens import issue_token
from audit.models import Action, AuditEvent
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

INDEX = "/admin/api_tokens/"
ADD = "/admin/api_tokens/new/"
ALLOWED = {"administrator"}


@pytest.fixture
def existing(people, org):
    return issue_token(name="HR feed", scopes=["read"], units=[org.north], created_by=people["administrator"]).token


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_open_the_token_screens(client_as, people, existing, role):
    client = client_as(role)
    for url in (INDEX, ADD, f"/admin/api_tokens/edit/{existing.pk}/", f"/admin/api_tokens/inspect/{existing.pk}/"):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        else:  # sent to sign in, or back to the dashboard, or refused
            assert response.status_code in (302, 403), url
            assert "HR feed" not in response.content.decode()
    response = client.post(ADD, {"name": "Sneaky", "scopes": ["read"], "whole_force": "on"})
    assert ApiToken.objects.filter(name="Sneaky").exists() == (role in ALLOWED)


def test_the_list_shows_prefix_scopes_use_and_revocation_but_never_a_key(client_as, existing):
    content = client_as("administrator").get(INDEX).content.decode()
    assert "HR feed" in content and existing.prefix in content
    assert existing.key_hash not in content


def test_making_a_token_shows_its_key_once(client_as, people, org, api):
    client = client_as("administrator")
    response = client.post(ADD, {"name": "Records system", "scopes": ["read"], "units": [org.team_a.pk]})
    assert response.status_code == 200
    token = ApiToken.objects.get(name="Records system")
    raw = response.context["raw"]
    assert raw.startswith(f"ptp_{token.prefix}_") and raw in response.content.decode()
    assert token.created_by == people["administrator"]
    assert list(token.units.all()) == [org.team_a]
    assert api(raw).get("/api/v1/people/").status_code == 200
    for url in (INDEX, f"/admin/api_tokens/inspect/{token.pk}/", f"/admin/api_tokens/edit/{token.pk}/"):
        assert raw not in client.get(url).content.decode()


def test_a_token_needs_units_or_the_whole_force(client_as):
    response = client_as("administrator").post(ADD, {"name": "Nothing", "scopes": ["read"]})
    assert response.status_code == 200
    assert "units" in response.context["form"].errors
    assert not ApiToken.objects.filter(name="Nothing").exists()


def test_nobody_makes_a_token_broader_than_they_can_read(client_as, people, org):
    """A manager given the permission to make tokens may make them for their own units only."""
    manager = people["manager_of_unit"]
    manager.user_permissions.add(*Permission.objects.filter(codename__in=["add_apitoken", "view_apitoken"]))
    client = client_as("manager_of_unit")
    client.post(ADD, {"name": "Force", "scopes": ["read"], "whole_force": "on"})
    client.post(ADD, {"name": "South", "scopes": ["read"], "units": [org.team_b.pk]})
    assert not ApiToken.objects.filter(name__in=["Force", "South"]).exists()
    client.post(ADD, {"name": "Team A", "scopes": ["read"], "units": [org.team_a.pk]})
    assert ApiToken.objects.filter(name="Team A", whole_force=False).exists()


def test_revoking_stops_the_token_and_is_recorded(client_as, people, existing, api, org):
    issued = issue_token(name="To revoke", scopes=["read"], units=[org.north], created_by=people["administrator"])
    assert api(issued.raw).get("/api/v1/units/").status_code == 200
    client_as("administrator").post(
        f"/admin/api_tokens/edit/{issued.token.pk}/", {"name": "To revoke", "revoke": "on"}
    )
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
    assert issued.token.revoked_by == people["administrator"]
    assert api(issued.raw).get("/api/v1/units/").status_code == 401
    assert AuditEvent.objects.filter(action=Action.API_TOKEN_REVOKED, target=f"api-token:{issued.token.pk}").exists()


def test_nobody_deletes_a_token(client_as, existing):
    response = client_as("administrator").post(f"/admin/api_tokens/delete/{existing.pk}/")
    assert response.status_code in (302, 403, 404)
    assert ApiToken.objects.filter(pk=existing.pk).exists()
