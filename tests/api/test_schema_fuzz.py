"""
The API fuzzed from its own OpenAPI schema (schemathesis): every operation gets a bounded
number of generated requests, valid and not, sent in process through the WSGI application with
a whole-force token that may read and record. No answer is a server error, and every answer
matches the schema (status, content type, body).
"""

import json

import pytest
import schemathesis
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from accounts.models import ApiToken
from accounts.tokens import issue_token

pytestmark = pytest.mark.django_db


def load_schema() -> dict:
    """The schema as /api/v1/schema/ serves it (built without a request, so at import; no database needed)."""
    generator = SchemaGenerator(api_version="1")
    return json.loads(json.dumps(generator.get_schema(request=None, public=True), cls=DjangoJSONEncoder))


schema = schemathesis.openapi.from_dict(load_schema())
schema.app = get_wsgi_application()  # requests go in process, through every middleware


@pytest.fixture
def in_process_requests(db):
    # As Django's test client does: a request must not close the test's connection (it is
    # inside the test's transaction, which Django reads as a connection to recycle).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_token(people, org, hate_crime):
    return issue_token(
        name="Fuzz",
        scopes=[ApiToken.Scope.READ, ApiToken.Scope.RECORD_COMPLETIONS],
        whole_force=True,
        created_by=people["administrator"],
    ).raw


def test_the_schema_is_served_at_a_stable_url(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"].startswith("3.")
    assert "/api/v1/people/" in body["paths"]
    assert all(path.startswith("/api/v1/") for path in body["paths"])


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_built_from_the_schema_gets_a_server_error_or_an_undocumented_answer(
    case, fuzz_token, in_process_requests
):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {fuzz_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
