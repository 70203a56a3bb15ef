import json
from urllib.parse import urlencode

import pytest

from accounts.tokens import issue_token

CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


class Scim:
    """A SCIM client: the Django test client with a Bearer token and SCIM's media type."""

    def __init__(self, client, raw: str | None):
        self.client = client
        self.raw = raw

    def call(self, method: str, path: str, body=None, *, params=None, raw_body: str | None = None, token=None):
        url = "/scim/v2/" + path + (("?" + urlencode(params)) if params else "")
        token = token or self.raw
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        data = raw_body if raw_body is not None else (json.dumps(body) if body is not None else "")
        return self.client.generic(method, url, data=data, content_type="application/scim+json", **headers)

    def get(self, path, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path, body, **kwargs):
        return self.call("POST", path, body, **kwargs)

    def put(self, path, body, **kwargs):
        return self.call("PUT", path, body, **kwargs)

    def patch(self, path, operations, **kwargs):
        return self.call("PATCH", path, {"schemas": [PATCH], "Operations": operations}, **kwargs)

    def delete(self, path, **kwargs):
        return self.call("DELETE", path, **kwargs)


def joiner(user_name="MP-4721", unit="N-A", **extra) -> dict:
    body = {
        "schemas": [CORE, ENTERPRISE],
        "userName": user_name,
        "externalId": "entra-object-1",
        "name": {"givenName": "Priya", "familyName": "Shah"},
        "emails": [{"value": "priya.shah@example.police.uk", "type": "work", "primary": True}],
        "active": True,
        "title": "Police Constable",
        ENTERPRISE: {"employeeNumber": "4721", "department": unit},
    }
    body.update(extra)
    return body


@pytest.fixture
def force_token(db):
    return issue_token(name="Entra ID provisioning", scopes=["provision"], whole_force=True)


@pytest.fixture
def scim(client, force_token):
    return Scim(client, force_token.raw)


@pytest.fixture
def north_scim(client, org):
    """A token scoped to North Command (Team A and its section are below it; South is not)."""
    issued = issue_token(name="North provisioning", scopes=["provision"], units=[org.north])
    return Scim(client, issued.raw)
