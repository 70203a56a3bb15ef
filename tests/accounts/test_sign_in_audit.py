"""Sign-in events reach the audit trail from every route (issue 11, findings 3 and 10)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


@pytest.mark.parametrize("url", ["/account/sign-in/", "/admin/login/"])
def test_a_sign_in_is_recorded_with_the_person_route_and_address(client, people, url):
    client.post(url, {"username": "administrator", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10")
    [event] = events(Action.SIGN_IN)
    assert (event.actor, event.subject) == (people["administrator"], people["administrator"])
    assert event.target == url
    assert event.ip_address == "192.0.2.10"


def test_a_failed_sign_in_for_an_account_names_it_as_subject(client, people):
    client.post("/account/sign-in/", {"username": "officer", "password": "wrong"})
    [event] = events(Action.SIGN_IN_FAILED)
    assert event.actor is None
    assert event.subject == people["officer"]
    assert event.data == {"username": "officer", "refused_during_lockout": False}


def test_a_failed_sign_in_for_no_account_keeps_the_attempted_name_in_the_details_only(client, people):
    client.post("/account/sign-in/", {"username": "correct-horse-battery", "password": "officer"})
    [event] = events(Action.SIGN_IN_FAILED)
    assert event.subject is None
    assert event.subject_label == ""
    assert event.data["username"] == "correct-horse-battery"


def test_signing_out_is_recorded(client, people):
    client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
    client.post(reverse("accounts:logout"))
    [event] = events(Action.SIGN_OUT)
    assert event.subject == people["officer"]
    assert event.data == {"reason": "signed out"}


def test_signing_out_when_not_signed_in_records_nothing(client, people):
    client.post(reverse("accounts:logout"))
    assert events(Action.SIGN_OUT) == []


def test_a_password_change_is_recorded_and_a_failed_one_is_not(client_as, people):
    client = client_as("trainer")
    new = "a-long-new-passphrase-2026"
    client.post(
        reverse("accounts:password_change"), {"old_password": "wrong", "new_password1": new, "new_password2": new}
    )
    assert events(Action.PASSWORD_CHANGED) == []
    client.post(
        reverse("accounts:password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    [event] = events(Action.PASSWORD_CHANGED)
    assert (event.actor, event.subject) == (people["trainer"], people["trainer"])


def test_a_password_reset_is_recorded_for_the_person(client, people):
    client.post(reverse("accounts:password_reset"), {"email": "officer@example.police.uk"})
    link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", mail.outbox[0].body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        set_password_url,
        {"new_password1": "a-much-longer-new-password", "new_password2": "a-much-longer-new-password"},
    )
    [event] = events(Action.PASSWORD_RESET)
    assert (event.actor, event.subject) == (people["officer"], people["officer"])
