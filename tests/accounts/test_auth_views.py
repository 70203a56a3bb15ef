import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sign_in_page_renders_for_anonymous_visitors(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert b'class="govuk-input"' in response.content


def test_an_officer_signs_in_and_lands_on_their_home_page(client, people):
    response = client.post(
        reverse("accounts:login"), {"username": "officer", "password": "correct-horse-battery"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert response.context["user"] == people["officer"]
    assert "Welcome, Alex Morgan" in response.content.decode()


def test_a_wrong_password_gives_a_clear_message_and_no_session(client, people):
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter a correct username and password" in content
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_a_post_and_ends_the_session(client, people):
    client.force_login(people["officer"])
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_signed_in_officer_is_not_shown_the_sign_in_form_again(client, people):
    client.force_login(people["officer"])
    assert client.get(reverse("accounts:login")).status_code == 302


def test_password_change_requires_sign_in(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_password_change_rejects_a_weak_password_and_keeps_the_old_one(client, people):
    client.force_login(people["officer"])
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "correct-horse-battery", "new_password1": "short", "new_password2": "short"},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    people["officer"].refresh_from_db()
    assert people["officer"].check_password("correct-horse-battery")


def test_an_officer_changes_their_password_and_stays_signed_in(client, people):
    client.force_login(people["officer"])
    new = "a-long-new-passphrase-2026"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "correct-horse-battery", "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:password_change_done")
    assert "Password changed" in response.content.decode()
    assert response.context["user"] == people["officer"]  # the session survives the change
    people["officer"].refresh_from_db()
    assert people["officer"].check_password(new)


@pytest.mark.parametrize(
    "role", ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]
)
def test_every_signed_in_role_can_reach_password_change(client_as, role):
    assert client_as(role).get(reverse("accounts:password_change")).status_code == 200
    assert client_as(role).get(reverse("accounts:password_change_done")).status_code == 200


def test_password_change_done_needs_sign_in(client):
    assert client.get(reverse("accounts:password_change_done")).status_code == 302


def test_password_reset_sends_a_working_link_by_email(client, people):
    response = client.post(reverse("accounts:password_reset"), {"email": "officer@example.police.uk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/password/reset/\S+/)", mail.outbox[0].body).group(1)

    response = client.get(link, follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a-much-longer-new-password", "new_password2": "a-much-longer-new-password"},
    )
    assert response.status_code == 302
    people["officer"].refresh_from_db()
    assert people["officer"].check_password("a-much-longer-new-password")


def test_password_reset_for_an_unknown_address_reveals_nothing(client, people):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0
