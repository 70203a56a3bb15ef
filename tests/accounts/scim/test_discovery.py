"""The discovery documents a SCIM client reads before anything else (RFC 7644 §4)."""

import pytest

from .conftest import CORE, ENTERPRISE

pytestmark = pytest.mark.django_db


def test_service_provider_config(scim):
    response = scim.get("ServiceProviderConfig")
    assert response.status_code == 200
    config = response.json()
    assert config["patch"] == {"supported": True}
    assert config["bulk"]["supported"] is False
    assert config["filter"] == {"supported": True, "maxResults": 200}
    assert config["authenticationSchemes"][0]["type"] == "oauthbearertoken"


def test_schemas(scim):
    listed = scim.get("Schemas").json()
    assert {schema["id"] for schema in listed["Resources"]} == {CORE, ENTERPRISE}
    core = scim.get(f"Schemas/{CORE}").json()
    assert "userName" in {attribute["name"] for attribute in core["attributes"]}
    assert scim.get("Schemas/urn:nope").status_code == 404


def test_resource_types(scim):
    listed = scim.get("ResourceTypes").json()
    assert listed["totalResults"] == 1
    user = scim.get("ResourceTypes/User").json()
    assert (user["endpoint"], user["schema"]) == ("/Users", CORE)
    assert user["schemaExtensions"] == [{"schema": ENTERPRISE, "required": False}]
    assert scim.get("ResourceTypes/Group").status_code == 404
