"""Who may register platforms and rotate keys (per role), the JWKS we publish, and the launch form fuzzed."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import Action, AuditEvent
from lti.keys import active_key, rotate_keys
from lti.models import KeyState, LinkedAccount, Platform, ToolKey, UsedNonce
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

ADMIN = {"administrator"}
NOBODY: set[str] = set()


@pytest.fixture
def objects(platform, people):
    return {
        "lti_platforms": platform.pk,
        "lti_linked_accounts": LinkedAccount.objects.create(
            platform=platform, subject="moodle-user-42", user=people["officer"]
        ).pk,
        "lti_keys": active_key().pk,
    }


ACCESS = [
    ("lti_platforms", "index", ADMIN),
    ("lti_platforms", "add", ADMIN),
    ("lti_platforms", "edit", ADMIN),
    ("lti_platforms", "inspect", ADMIN),
    ("lti_platforms", "delete", ADMIN),
    ("lti_linked_accounts", "index", ADMIN),
    ("lti_linked_accounts", "add", ADMIN),
    ("lti_linked_accounts", "edit", ADMIN),
    ("lti_linked_accounts", "delete", ADMIN),
    ("lti_keys", "index", ADMIN),
    ("lti_keys", "inspect", ADMIN),
    ("lti_keys", "rotate", ADMIN),
    ("lti_keys", "add", NOBODY),
    ("lti_keys", "edit", NOBODY),
    ("lti_keys", "delete", NOBODY),
]


def url_for(name, view, objects):
    args = [] if view in {"index", "add", "rotate"} else [objects[name]]
    return reverse(f"{name}:{view}", args=args)


@pytest.mark.parametrize(("name", "view", "allowed"), ACCESS, ids=[f"{n}:{v}" for n, v, _ in ACCESS])
def test_each_lti_admin_view_opens_for_exactly_the_roles_allowed(client_as, objects, name, view, allowed):
    url = url_for(name, view, objects)
    statuses = {role: client_as(role).get(url).status_code for role in ROLE_NAMES}
    assert {role for role, status in statuses.items() if status == 200} == allowed, statuses
    assert {status for role, status in statuses.items() if role not in allowed} <= {302, 403, 404}, statuses
    assert statuses["anonymous"] == 302


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_rotate_the_keys(client_as, role, db):
    first = active_key()
    response = client_as(role).post(reverse("lti_keys:rotate"))
    first.refresh_from_db()
    if role == "administrator":
        assert response.status_code == 302
        assert first.state == KeyState.PREVIOUS
        assert AuditEvent.objects.filter(action=Action.LTI_KEY_ROTATED).count() == 1
    else:
        assert response.status_code in {302, 403}
        assert first.state == KeyState.ACTIVE


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_public_endpoints_answer_every_role_alike(client_as, role, platform):
    client = client_as(role)
    assert client.get("/lti/jwks/").status_code == 200
    assert client.get("/lti/launch/").status_code == 405
    assert client.get("/lti/login/").status_code == 400
    assert client.get("/lti/deep-link/anything/").status_code == 405
    assert client.post("/lti/deep-link/anything/", {"course": "1"}).status_code in {400, 403}


def test_an_administrator_registers_a_platform_in_the_admin(client_as):
    response = client_as("administrator").post(
        reverse("lti_platforms:add"),
        {
            "name": "Kent Police Moodle",
            "issuer": "https://moodle.kent.police.test",
            "client_id": "abc123",
            "deployment_ids": "1\n2",
            "auth_login_url": "https://moodle.kent.police.test/mod/lti/auth.php",
            "auth_token_url": "https://moodle.kent.police.test/mod/lti/token.php",
            "auth_audience": "",
            "key_set_url": "https://moodle.kent.police.test/mod/lti/certs.php",
            "identify_by": "email",
            "custom_claim": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Platform.objects.get().deployment_id_list() == ["1", "2"]


def test_a_platform_without_a_deployment_is_refused_with_a_message(client_as):
    response = client_as("administrator").post(
        reverse("lti_platforms:add"),
        {
            "name": "No deployments",
            "issuer": "https://moodle.test",
            "client_id": "abc",
            "deployment_ids": "  \n ",
            "auth_login_url": "https://moodle.test/auth",
            "auth_token_url": "https://moodle.test/token",
            "key_set_url": "https://moodle.test/certs",
            "identify_by": "email",
        },
    )
    assert response.status_code == 200
    assert "at least one deployment id" in response.content.decode()


def test_the_jwks_publishes_the_active_and_previous_keys_only(client):
    first = active_key()
    second = rotate_keys()
    third = rotate_keys()
    kids = {key["kid"] for key in client.get("/lti/jwks/").json()["keys"]}
    assert kids == {second.kid, third.kid}
    first.refresh_from_db()
    assert first.state == KeyState.RETIRED and first.retired_at is not None
    published = client.get("/lti/jwks/").json()["keys"][0]
    assert set(published) >= {"kty", "n", "e", "kid", "alg", "use"}
    assert "d" not in published and "p" not in published  # never the private parts
    assert ToolKey.objects.filter(state=KeyState.ACTIVE).count() == 1


def test_a_nonce_is_recorded_once_and_forgotten_after_it_expires(platform, time_machine):
    import time

    from lti.services import use_nonce

    now = int(time.time())
    assert use_nonce(platform=platform, nonce="n-1", expires=now + 60)
    assert not use_nonce(platform=platform, nonce="n-1", expires=now + 60)
    assert not use_nonce(platform=platform, nonce="", expires=now + 60)
    assert not use_nonce(platform=platform, nonce="n-2", expires="soon")
    time_machine.move_to(UsedNonce.objects.get().expires_at.timestamp() + 1)
    assert use_nonce(platform=platform, nonce="n-3", expires=int(time.time()) + 60)
    assert list(UsedNonce.objects.values_list("nonce", flat=True)) == ["n-3"]


TEXT = st.text(max_size=200)
FORM = st.dictionaries(
    st.sampled_from(["id_token", "state", "JWT", "iss", "login_hint", "client_id", "course"]),
    st.one_of(TEXT, st.just("a.b.c"), st.just("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln")),
    max_size=5,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=FORM)
def test_any_launch_form_gets_a_clear_refusal_never_a_500(client, platform, form):
    client.raise_request_exception = False
    for url in ("/lti/launch/", "/lti/login/", "/lti/deep-link/x/"):
        response = client.post(url, form)
        assert 400 <= response.status_code < 500, (url, form, response.status_code)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.dictionaries(TEXT, TEXT, max_size=3),
    body=st.dictionaries(TEXT, st.one_of(TEXT, st.integers()), max_size=4),
)
def test_any_well_formed_but_unsigned_token_is_refused_clearly(client, platform, header, body):
    import base64
    import json

    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    client.raise_request_exception = False
    token = f"{part(header)}.{part(body)}.c2ln"
    response = client.post("/lti/launch/", {"id_token": token, "state": "s"})
    assert response.status_code == 400
