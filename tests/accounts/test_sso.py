"""
Single sign-on (issue 14) through a real OpenID Connect provider on loopback (the npm package
``oidc-provider``, tests/oidc_provider/server.mjs): the test client plays the platform's side,
``requests`` plays the person's browser at the provider's sign-in page.
"""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from accounts import roles, second_factor
from accounts.factories import UserFactory
from accounts.models import User
from audit.models import Action, AuditEvent
from tests.conftest import ROLE_NAMES
from tests.oidc_provider import forms_on, path_of, sign_in_at_provider, start_provider

CALLBACK = "http://testserver/oidc/callback/"
MANAGERS_GROUP = "7f3a2c1e-training-managers"  # Entra sends group object ids
TRAINERS_GROUP = "b41d09aa-training-trainers"


@pytest.fixture(autouse=True)
def providers_clock():
    """
    The provider is another process on the real clock: when the suite's clock is moved
    (TEST_CLOCK, tests/conftest.py), these tests come back to the real time so that the
    platform and the provider agree on what has expired (cookies, tokens). A test that moves
    the clock on (an expired token) still travels from here.
    """
    if not time_machine.escape_hatch.is_travelling():
        yield
        return
    with time_machine.travel(time_machine.escape_hatch.time.time(), tick=True):
        yield


@pytest.fixture(scope="module")
def oidc_provider():
    provider = start_provider()
    yield provider
    provider.stop()


@pytest.fixture
def sso_settings(settings, oidc_provider):
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    settings.OIDC_MATCH_CLAIM = "employeeid"
    settings.OIDC_MATCH_FIELD = "staff_number"
    settings.OIDC_ROLE_MAPPING = f"{MANAGERS_GROUP}=Manager;{TRAINERS_GROUP}=Trainer"
    settings.OIDC_SUPPORT_CONTACT = "the Test Constabulary training school"
    oidc_provider.set_accounts(
        {
            "alex": {"email": "alex.morgan@example.police.uk", "employeeid": "e 1001", "groups": []},
            "sam": {"email": "sam@example.police.uk", "employeeid": "E9999", "groups": []},
        }
    )
    return settings


@pytest.fixture
def alex(org):
    return UserFactory(username="amorgan", staff_number="E1001", unit=org.team_a, roles=[roles.OFFICER])


def start(client, next_url: str | None = None) -> str:
    """The platform's side of "Sign in with …": the provider's authorisation URL."""
    url = reverse("oidc_authentication_init") + (f"?next={next_url}" if next_url else "")
    response = client.get(url)
    assert response.status_code == 302
    return response["Location"]


def provider_callback(login: str, authorize_url: str, browser: requests.Session | None = None) -> str:
    return sign_in_at_provider(browser or requests.Session(), authorize_url, login, CALLBACK)


def sign_in(client, login: str = "alex"):
    return client.get(path_of(provider_callback(login, start(client))))


def refusals(reason: str):
    return AuditEvent.objects.filter(action=Action.SSO_SIGN_IN_REFUSED, data__reason=reason)


@pytest.mark.django_db
def test_an_officer_signs_in_through_the_provider_and_lands_on_my_learning(client, sso_settings, alex):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/")
    assert page.wsgi_request.user == alex
    assert 'aria-current="page">My learning' in page.content.decode()
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert event.subject_id == alex.pk and event.target == "/oidc/callback/"


@pytest.mark.django_db
def test_sign_in_comes_back_to_the_page_asked_for(client, sso_settings, alex):
    response = client.get(path_of(provider_callback("alex", start(client, "/account/"))))
    assert response["Location"] == "/account/"


@pytest.mark.django_db
def test_the_sign_in_page_offers_the_provider_beside_the_password(client, sso_settings):
    content = client.get(reverse("accounts:login") + "?next=/record/").content.decode()
    assert "Sign in with Test Constabulary account" in content
    assert 'href="/oidc/authenticate/?next=%2Frecord%2F"' in content
    assert 'name="password"' in content


@pytest.mark.django_db
def test_with_passwords_off_only_the_provider_is_offered_and_passwords_are_refused(client, sso_settings, alex):
    sso_settings.PASSWORD_SIGN_IN_ENABLED = False
    alex.set_password("a long enough password")
    alex.save()
    content = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Test Constabulary account" in content and 'name="password"' not in content
    response = client.post(reverse("accounts:login"), {"username": "amorgan", "password": "a long enough password"})
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated
    # Wagtail's own sign-in form is refused too: the backend refuses, whatever the route.
    response = client.post("/admin/login/", {"username": "amorgan", "password": "a long enough password"})
    assert not response.wsgi_request.user.is_authenticated
    assert sign_in(client).status_code == 302


@pytest.mark.django_db
def test_with_single_sign_on_off_its_addresses_are_not_found_and_not_offered(client, settings):
    settings.OIDC_ENABLED = False
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback") + "?code=x&state=y").status_code == 404
    assert "Sign in with" not in client.get(reverse("accounts:login")).content.decode()


# Refusals: state, nonce, code, expiry.


@pytest.mark.django_db
def test_a_callback_with_a_state_this_browser_never_sent_is_refused(client, sso_settings, alex):
    callback = provider_callback("alex", start(client))
    stranger = client.__class__()
    response = stranger.get(path_of(callback))
    assert response.status_code == 400
    assert "already been used or has expired" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert refusals("state").count() == 1


@pytest.mark.django_db
def test_a_callback_replayed_after_signing_in_is_refused(client, sso_settings, alex):
    callback = provider_callback("alex", start(client))
    assert client.get(path_of(callback)).status_code == 302
    client.logout()
    response = client.get(path_of(callback))
    assert response.status_code == 400 and not response.wsgi_request.user.is_authenticated
    assert refusals("state").count() == 1


@pytest.mark.django_db
def test_an_id_token_whose_nonce_is_not_this_requests_is_refused(client, sso_settings, alex):
    callback = provider_callback("alex", start(client))
    state = parse_qs(urlsplit(callback).query)["state"][0]
    session = client.session
    session["oidc_states"][state]["nonce"] = "a-nonce-this-browser-never-sent"
    session.save()
    response = client.get(path_of(callback))
    assert response.status_code == 400 and not response.wsgi_request.user.is_authenticated
    assert refusals("nonce").count() == 1


@pytest.mark.django_db
def test_a_code_from_another_sign_in_is_refused(client, sso_settings, alex):
    browser = requests.Session()
    first = provider_callback("alex", start(client), browser)
    second = provider_callback("alex", start(client), browser)
    code_of_first = parse_qs(urlsplit(first).query)["code"][0]
    state_of_second = parse_qs(urlsplit(second).query)["state"][0]
    response = client.get(f"/oidc/callback/?code={code_of_first}&state={state_of_second}")
    # The provider refuses the code (its PKCE challenge was the first request's), before any nonce.
    assert response.status_code == 400 and not response.wsgi_request.user.is_authenticated
    assert refusals("code").count() == 1


@pytest.mark.django_db
def test_an_expired_id_token_is_refused(client, sso_settings, alex):
    authorize = start(client)
    callback = provider_callback("alex", authorize)
    # The provider's ID tokens last ten minutes; the platform's clock reads the callback an hour on.
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=1)):
        response = client.get(path_of(callback))
    assert response.status_code == 400
    assert "had expired" in response.content.decode()
    assert refusals("expired").count() == 1


@pytest.mark.django_db
def test_cancelling_at_the_provider_shows_a_page_not_an_error(client, sso_settings):
    start(client)
    state = next(iter(client.session["oidc_states"]))
    response = client.get(f"/oidc/callback/?error=access_denied&state={state}")
    assert response.status_code == 400 and "was cancelled" in response.content.decode()


@pytest.mark.django_db
def test_an_unreachable_provider_is_a_page_not_an_error(client, sso_settings, alex):
    callback = provider_callback("alex", start(client))
    sso_settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"  # discard port: nothing listens
    response = client.get(path_of(callback))
    assert response.status_code == 502 and "is not answering" in response.content.decode()


# Who may sign in.


@pytest.mark.django_db
def test_an_unknown_person_is_told_whom_to_contact_and_no_account_is_made(client, sso_settings, alex):
    people_before = User.objects.count()
    response = sign_in(client, "sam")
    content = response.content.decode()
    assert response.status_code == 403
    assert "no record of you yet" in content and "the Test Constabulary training school" in content
    assert User.objects.count() == people_before
    assert refusals("unknown_person").get().data["detail"] == "E9999"


@pytest.mark.django_db
def test_a_deactivated_person_is_refused_with_a_page(client, sso_settings, alex):
    alex.is_active = False
    alex.save()
    response = sign_in(client)
    assert response.status_code == 403 and "has been deactivated" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert refusals("deactivated").get().subject_id == alex.pk


@pytest.mark.django_db
def test_a_person_deactivated_while_signed_in_is_signed_out(client, sso_settings, alex):
    sign_in(client)
    User.objects.filter(pk=alex.pk).update(is_active=False)
    assert not client.get("/").wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_people_can_be_matched_on_email_instead(client, sso_settings, alex):
    sso_settings.OIDC_MATCH_CLAIM = "email"
    sso_settings.OIDC_MATCH_FIELD = "email"
    alex.email = "Alex.Morgan@example.police.uk"
    alex.save()
    assert sign_in(client)["Location"] == "/"


@pytest.mark.django_db
def test_a_token_without_the_match_claim_is_refused(client, sso_settings, alex, oidc_provider):
    sso_settings.OIDC_MATCH_CLAIM = "staff_no"
    assert sign_in(client).status_code == 403
    assert refusals("missing_claim").count() == 1


# Roles from the groups claim.


def role_events(person):
    return list(
        AuditEvent.objects.filter(subject_id=person.pk, action=Action.SSO_ROLES_CHANGED)
        .order_by("sequence")
        .values_list("data", flat=True)
    )


@pytest.mark.django_db
def test_the_groups_claim_grants_and_later_removes_the_manager_role(client, sso_settings, alex, oidc_provider):
    before = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    oidc_provider.set_claims("alex", groups=[MANAGERS_GROUP, "some-other-group"])
    sign_in(client)
    alex.refresh_from_db()
    assert set(alex.groups.values_list("name", flat=True)) == {roles.OFFICER, roles.MANAGER}
    assert not alex.is_staff and not alex.is_superuser
    client.post(reverse("accounts:logout"))

    oidc_provider.set_claims("alex", groups=["some-other-group"])
    sign_in(client)
    assert set(alex.groups.values_list("name", flat=True)) == {roles.OFFICER}  # Officer is not managed
    assert [(event["added"], event["removed"]) for event in role_events(alex)] == [
        (["Manager"], []),
        ([], ["Manager"]),
    ]
    changes = AuditEvent.objects.filter(
        subject_id=alex.pk, action=Action.GROUPS_CHANGED, sequence__gt=before
    ).order_by("sequence")
    assert [event.data for event in changes] == [{"added": ["Manager"]}, {"removed": ["Manager"]}]


@pytest.mark.django_db
def test_signing_in_with_the_same_groups_changes_and_records_nothing(client, sso_settings, alex, oidc_provider):
    oidc_provider.set_claims("alex", groups=[TRAINERS_GROUP])
    sign_in(client)
    client.post(reverse("accounts:logout"))
    sign_in(client)
    assert len(role_events(alex)) == 1


@pytest.mark.django_db
def test_a_missing_groups_claim_leaves_roles_as_they_are(client, sso_settings, alex, oidc_provider):
    alex.groups.add(Group.objects.get(name=roles.MANAGER))
    sso_settings.OIDC_GROUPS_CLAIM = "roles"  # not in the token
    sign_in(client)
    assert alex.groups.filter(name=roles.MANAGER).exists()
    assert role_events(alex) == []


@pytest.mark.django_db
def test_a_mapping_to_the_administrator_role_is_refused_by_the_checks(settings):
    settings.OIDC_ROLE_MAPPING = "all-staff=Administrator"
    with pytest.raises(SystemCheckError, match="accounts.E101"):
        call_command("check")


@pytest.mark.django_db
def test_an_administrator_mapping_grants_nothing_even_if_checks_are_ignored(client, sso_settings, alex, oidc_provider):
    sso_settings.OIDC_ROLE_MAPPING = f"{MANAGERS_GROUP}=Administrator"
    oidc_provider.set_claims("alex", groups=[MANAGERS_GROUP])
    sign_in(client)
    assert not alex.groups.filter(name=roles.ADMINISTRATOR).exists()
    assert not User.objects.get(pk=alex.pk).is_superuser


# The second factor.


@pytest.fixture
def staff_alex(alex, sso_settings, oidc_provider):
    sso_settings.STAFF_REQUIRE_SECOND_FACTOR = True
    oidc_provider.set_claims("alex", groups=[MANAGERS_GROUP], amr=["pwd", "mfa"])
    return alex


@pytest.mark.django_db
def test_staff_signed_in_through_the_provider_still_enter_the_platforms_code_by_default(client, staff_alex):
    sign_in(client)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:second_factor_setup"))


@pytest.mark.django_db
def test_the_providers_multi_factor_sign_in_can_stand_for_the_platforms_code(client, staff_alex, sso_settings):
    sso_settings.OIDC_TRUST_PROVIDER_MFA = True
    sign_in(client)
    assert client.session[second_factor.PROVIDER_VERIFIED_SESSION_KEY] is True
    assert client.get("/").status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_without_mfa_in_the_token_the_platforms_code_is_still_asked(client, staff_alex, sso_settings, oidc_provider):
    sso_settings.OIDC_TRUST_PROVIDER_MFA = True
    oidc_provider.set_claims("alex", amr=["pwd"])
    sign_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


# Signing out.


@pytest.mark.django_db
def test_signing_out_signs_out_here_and_at_the_provider(client, sso_settings, alex, oidc_provider):
    browser = requests.Session()
    client.get(path_of(provider_callback("alex", start(client), browser)))
    response = client.post(reverse("accounts:logout"))
    assert not client.get("/").wsgi_request.user.is_authenticated
    end_session = response["Location"]
    assert end_session.startswith(f"{oidc_provider.issuer}/session/end?")
    query = parse_qs(urlsplit(end_session).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/account/sign-in/"]
    assert query["id_token_hint"]
    # At the provider: confirm, and come back to the sign-in page.
    page = browser.get(end_session, timeout=10)
    form = next(form for form in forms_on(page.text) if form["id"] == "op.logoutForm")
    answer = browser.post(
        urljoin(page.url, form["action"]), data=form["fields"] | {"logout": "yes"}, allow_redirects=False, timeout=10
    )
    assert answer.headers["Location"].startswith("http://testserver/account/sign-in/")
    # Signed out at the provider too: the next sign-in asks for the password again.
    again = browser.get(start(client), timeout=10)
    assert forms_on(again.text)[0]["fields"].get("prompt") == "login"


@pytest.mark.django_db
def test_signing_out_after_a_password_sign_in_stays_here(client, sso_settings, alex):
    client.force_login(alex)
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")


# The addresses per role.


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_role_is_sent_to_the_provider_and_a_bare_callback_is_a_page(client_as, role, sso_settings):
    client = client_as(role)
    assert start(client).startswith(f"{sso_settings.OIDC_OP_ISSUER}/auth?")
    response = client.get(reverse("oidc_authentication_callback"))
    assert response.status_code == 400
    assert "already been used or has expired" in response.content.decode()


def test_the_provider_settings_come_from_the_environment(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    script = (
        "import json, config.settings.base as s; print(json.dumps({'enabled': s.OIDC_ENABLED, "
        "'passwords': s.PASSWORD_SIGN_IN_ENABLED, 'mfa': s.OIDC_MFA_AMR_VALUES, "
        "'form_action': s.CSP_DIRECTIVES['form-action']}))"
    )
    env = os.environ | {
        "OIDC_ENABLED": "1",
        "PASSWORD_SIGN_IN_ENABLED": "0",
        "OIDC_MFA_AMR_VALUES": "mfa, hwk",
        "OIDC_OP_LOGOUT_ENDPOINT": "https://login.example.test/tenant/oauth2/v2.0/logout",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == {
        "enabled": True,
        "passwords": False,
        "mfa": ["mfa", "hwk"],
        "form_action": ["'self'", "https://login.example.test"],
    }
