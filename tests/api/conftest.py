"""
Fixtures for the REST API: the shared force (tests/conftest.py), the compliance fixtures (a
force-wide hate crime requirement, the Judaism guide for Team A, completions and an exemption),
and a token per scope: whole force, North (Team A and its section), South (Team B).
"""

import pytest
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.tokens import issue_token
from tests.compliance.conftest import hate_crime, judaism, record_completion, required  # noqa: F401

READ = [ApiToken.Scope.READ]


@pytest.fixture
def tokens(people, org) -> dict[str, str]:
    """Raw keys by name: ``force``, ``north``, ``south``, ``writer`` (North, may record completions)."""
    admin = people["administrator"]
    return {
        "force": issue_token(name="Force", scopes=READ, whole_force=True, created_by=admin).raw,
        "north": issue_token(name="North", scopes=READ, units=[org.north], created_by=admin).raw,
        "south": issue_token(name="South", scopes=READ, units=[org.south], created_by=admin).raw,
        "writer": issue_token(
            name="Records system",
            scopes=[ApiToken.Scope.READ, ApiToken.Scope.RECORD_COMPLETIONS],
            units=[org.north],
            created_by=admin,
        ).raw,
    }


@pytest.fixture
def api():
    """``api(raw)`` is a client sending that bearer token (``api(None)`` sends none)."""

    def client(raw: str | None = None) -> APIClient:
        made = APIClient()
        if raw:
            made.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        return made

    return client
