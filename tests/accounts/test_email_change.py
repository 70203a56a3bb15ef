"""Changing an account's email needs the current password (issue 11, finding 3)."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from audit.models import Action, AuditEvent
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

URL = "/account/email/"
PASSWORD = "correct-horse-battery"


@pytest.mark.parametrize(
    "role", ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]
)
def test_every_signed_in_role_changes_their_own_email_with_their_password(client_as, people, role):
    client = client_as(role)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'autocomplete="current-password"' in page.content.decode()
    response = client.post(URL, {"email": f"{role}.new@example.police.uk", "current_password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:account")
    people[role].refresh_from_db()
    assert people[role].email == f"{role}.new@example.police.uk"
    event = AuditEvent.objects.get(action=Action.EMAIL_CHANGED)
    assert (event.actor, event.subject) == (people[role], people[role])
    assert event.data == {"from": f"{role}@example.police.uk", "to": f"{role}.new@example.police.uk"}


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_wrong_password_changes_nothing(client_as, people):
    client = client_as("officer")
    response = client.post(URL, {"email": "someone.else@example.org", "current_password": "guess"})
    assert response.status_code == 200
    assert "Your current password is not right" in response.content.decode()
    people["officer"].refresh_from_db()
    assert people["officer"].email == "officer@example.police.uk"
    assert not AuditEvent.objects.filter(action=Action.EMAIL_CHANGED).exists()


def test_a_missing_password_changes_nothing(client_as, people):
    response = client_as("officer").post(URL, {"email": "someone.else@example.org"})
    assert response.status_code == 200
    people["officer"].refresh_from_db()
    assert people["officer"].email == "officer@example.police.uk"


def test_an_address_another_account_uses_is_refused(client_as, people):
    UserFactory(username="colleague", email="shared@example.police.uk")
    response = client_as("officer").post(URL, {"email": "SHARED@example.police.uk", "current_password": PASSWORD})
    assert response.status_code == 200
    assert "Another account uses this email address" in response.content.decode()


def test_the_admins_account_settings_no_longer_change_the_email(client_as, people):
    client = client_as("administrator")
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    assert 'name="name_email-email"' not in page.content.decode()
    assert reverse("accounts:email_change") in page.content.decode()
    client.post(
        reverse("wagtailadmin_account"),
        {"name_email-first_name": "Sam", "name_email-last_name": "Jones", "name_email-email": "taken@example.org"},
    )
    people["administrator"].refresh_from_db()
    assert people["administrator"].email == "administrator@example.police.uk"


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_account_page_links_to_email_and_password_and_staff_to_the_second_factor(client_as, role):
    response = client_as(role).get(reverse("accounts:account"))
    if role == "anonymous":
        assert response.status_code == 302
        return
    content = response.content.decode()
    assert reverse("accounts:email_change") in content
    assert reverse("accounts:password_change") in content
    assert (reverse("accounts:security") in content) is (role not in {"officer", "other_officer"})


def test_the_admins_own_password_forms_give_way_to_ours(client_as, people):
    client = client_as("administrator")
    assert client.get("/admin/password_reset/").status_code == 404
    content = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="password-old_password"' not in content
    assert reverse("accounts:password_change") in content
