"""
Sign-in throttling (issue 11, finding 3): django-axes on every route that checks a password,
per account and per address, with a clear page and a cool-off.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
SIGN_IN_ROUTES = {"officer sign-in": "/account/sign-in/", "admin login": "/admin/login/"}


def attempt(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", SIGN_IN_ROUTES.values(), ids=SIGN_IN_ROUTES.keys())
@pytest.mark.parametrize("role", ["officer", "administrator"])
def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(client, people, url, role):
    for _ in range(30):
        attempt(client, url, role, "not-the-password")
    response = attempt(client, url, role, PASSWORD)
    assert not signed_in(client)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many attempts to sign in" in content
    assert "Wait 15 minutes, then try again" in content
    assert 'class="govuk-heading-l"' in content  # the site's own page, not a bare 403


def test_the_limit_is_five_and_the_fifth_failure_shows_the_wait(client, people):
    url = reverse("accounts:login")
    for _ in range(4):
        response = attempt(client, url, "officer", "wrong")
        assert response.status_code == 200
        assert "Enter a correct username and password" in response.content.decode()
    assert attempt(client, url, "officer", "wrong").status_code == 429


def test_wagtails_frontend_login_form_is_gone_and_sends_people_to_ours(client, people):
    response = client.get("/_util/login/?next=/courses/")
    assert response.status_code == 302
    assert response.url == "/account/sign-in/?next=/courses/"
    for _ in range(30):
        attempt(client, "/_util/login/", "officer", "wrong")
    attempt(client, "/_util/login/", "officer", PASSWORD)
    assert not signed_in(client)


def test_the_cool_off_expires_and_the_right_password_then_works(client, people):
    url = reverse("accounts:login")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, url, "officer", "wrong")
    with time_machine.travel(start + datetime.timedelta(minutes=14), tick=False):
        assert attempt(client, url, "officer", PASSWORD).status_code == 429
        assert not signed_in(client)
    with time_machine.travel(start + datetime.timedelta(minutes=15, seconds=1), tick=False):
        response = attempt(client, url, "officer", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_an_account_is_limited_from_every_address(client, people):
    url = reverse("accounts:login")
    for number in range(5):
        attempt(client, url, "officer", "wrong", address=f"198.51.100.{number}")
    assert attempt(client, url, "officer", PASSWORD, address="198.51.100.99").status_code == 429
    assert not signed_in(client)


def test_another_account_from_the_same_address_is_limited_by_the_address_rule(client, people):
    url = reverse("accounts:login")
    for number in range(5):
        attempt(client, url, f"guess{number}", "wrong")
    response = attempt(client, url, "other_officer", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    # Another address is not affected.
    assert attempt(client, url, "other_officer", PASSWORD, address="192.0.2.50").status_code == 302


def test_a_success_resets_the_count(client, people):
    url = reverse("accounts:login")
    for _ in range(4):
        attempt(client, url, "officer", "wrong")
    assert attempt(client, url, "officer", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        attempt(client, url, "officer", "wrong")
    assert attempt(client, url, "officer", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lockout_is_recorded_once_and_refusals_after_it_are_marked(client, people):
    url = reverse("accounts:login")
    for _ in range(7):
        attempt(client, url, "officer", "wrong")
    lockouts = AuditEvent.objects.filter(action=Action.LOCKED_OUT)
    assert [(event.subject, event.data["username"], event.data["failures"]) for event in lockouts] == [
        (people["officer"], "officer", 5)
    ]
    failures = AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED).order_by("pk")
    assert [event.data["refused_during_lockout"] for event in failures] == [False] * 5 + [True] * 2
    assert {event.ip_address for event in failures} == {"203.0.113.7"}


def test_axes_reset_is_the_operators_command_to_lift_a_lockout(client, people):
    from django.core.management import call_command

    url = reverse("accounts:login")
    for _ in range(5):
        attempt(client, url, "officer", "wrong")
    call_command("axes_reset_username", "officer")
    call_command("axes_reset_ip", "203.0.113.7")
    assert attempt(client, url, "officer", PASSWORD).status_code == 302


def test_a_new_person_is_not_locked_out_by_someone_elses_failures_elsewhere(client, people):
    UserFactory(username="newcomer")
    url = reverse("accounts:login")
    for _ in range(5):
        attempt(client, url, "officer", "wrong", address="198.51.100.1")
    assert attempt(client, url, "newcomer", PASSWORD, address="198.51.100.2").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),  # no proxy configured: the header is the client's claim
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "203.0.113.66, 198.51.100.1", "198.51.100.1"),  # a forged first hop is ignored
        (2, "203.0.113.66, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (2, "198.51.100.1", "10.0.0.2"),  # too short to trust
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_failures_are_counted_against_the_clients_address_behind_the_proxies(
    rf, settings, proxies, forwarded_for, expected
):
    from accounts.throttling import client_address

    settings.SIGN_IN_PROXY_COUNT = proxies
    request = rf.post("/account/sign-in/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected


def test_behind_a_proxy_one_persons_failures_do_not_pause_everyone(client, people, settings):
    settings.SIGN_IN_PROXY_COUNT = 1
    url = reverse("accounts:login")
    for number in range(5):
        client.post(
            url,
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
    response = client.post(
        url, {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert response.status_code == 302
