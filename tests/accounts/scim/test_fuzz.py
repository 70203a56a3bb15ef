"""Any body, filter or patch: a SCIM answer (2xx or 4xx), never a 500 and never a half-written person."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User

from .conftest import CORE, ENTERPRISE, PATCH, joiner

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
attribute = st.sampled_from(
    [
        "userName",
        "externalId",
        "name",
        "emails",
        "active",
        "title",
        "displayName",
        "schemas",
        "id",
        ENTERPRISE,
        "roles",
    ]
)
user_bodies = st.dictionaries(attribute, json_values, max_size=8).map(lambda body: {"schemas": [CORE], **body})
paths = st.sampled_from(
    [
        None,
        "active",
        "userName",
        "name.givenName",
        'emails[type eq "work"].value',
        f"{ENTERPRISE}:department",
        "title",
        "x",
    ]
)
operations = st.lists(
    st.fixed_dictionaries(
        {"op": st.sampled_from(["add", "replace", "remove", "Replace", "bogus"]), "path": paths, "value": json_values}
    ),
    max_size=3,
)


def assert_scim_answer(response):
    assert response.status_code < 500, response.content
    if response.status_code >= 400:
        if response["Content-Type"] != "application/scim+json":
            # A control character in the address or a JSON body is refused before any view,
            # site-wide, by core.middleware.RefuseBadInputMiddleware, with its own 400 page.
            assert response.status_code == 400
            return
        assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]


@FUZZ
@given(body=user_bodies)
def test_create_never_fails_with_a_500(scim, org, body):
    before = User.objects.count()
    response = scim.post("Users", body)
    assert_scim_answer(response)
    assert User.objects.count() == before + (1 if response.status_code == 201 else 0)


@FUZZ
@given(body=user_bodies)
def test_replace_never_fails_with_a_500(scim, people, body):
    assert_scim_answer(scim.put(f"Users/{people['officer'].pk}", body))


@FUZZ
@given(ops=operations)
def test_patch_never_fails_with_a_500_and_a_refusal_changes_nothing(scim, people, ops):
    officer = User.objects.get(pk=people["officer"].pk)
    before = {f.attname: getattr(officer, f.attname) for f in User._meta.concrete_fields}
    response = scim.patch(f"Users/{officer.pk}", ops)
    assert_scim_answer(response)
    if response.status_code >= 400:
        officer.refresh_from_db()
        assert {f.attname: getattr(officer, f.attname) for f in User._meta.concrete_fields} == before


@FUZZ
@given(expression=st.text(max_size=60) | st.sampled_from(['userName eq "', 'userName eq "a" and (', "not (", "x pr"]))
def test_filters_never_fail_with_a_500(scim, people, expression):
    assert_scim_answer(scim.get("Users", params={"filter": expression}))


@FUZZ
@given(raw=st.text(max_size=200) | st.binary(max_size=100).map(lambda b: b.decode("latin-1")))
def test_raw_bodies_never_fail_with_a_500(scim, org, raw):
    assert_scim_answer(scim.call("POST", "Users", raw_body=raw))
    assert_scim_answer(scim.call("PATCH", "Users/1", raw_body=json.dumps({"schemas": [PATCH], "Operations": raw})))


def test_the_fuzzed_joiner_shape_is_valid(scim, org):
    assert scim.post("Users", joiner()).status_code == 201
