"""
People with no password on the platform (created by the HR import or SCIM, signing in by
single sign-on) never meet a "current password" form they cannot fill in: changing the
password or the email, getting backup codes and removing a device explain that they sign in
through the force's identity provider, for every role, GET and POST, never a 500 and nothing
changed. People with a password keep the forms.
"""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

SIGNED_IN = [role for role in ROLE_NAMES if role != "anonymous"]
STAFF = {"trainer", "manager_of_other_unit", "manager_of_unit", "administrator"}
EXPLAINED = "so you have no password on this platform"


@pytest.fixture
def sso_only(people):
    for person in people.values():
        if person is not None:
            person.set_unusable_password()
            person.save(update_fields=["password"])
    return people


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_password_and_email_pages_explain_instead_of_asking_for_a_password(client_as, sso_only, role):
    client = client_as(role)
    for name in ("accounts:password_change", "accounts:email_change"):
        url = reverse(name)
        for response in (
            client.get(url),
            client.post(url, {"old_password": "x", "new_password1": "a-Long-new-pass-42", "email": "new@example.org"}),
        ):
            if role == "anonymous":
                assert response.status_code == 302 and reverse("accounts:login") in response.url
                continue
            assert response.status_code == 200, (name, response.status_code)
            content = response.content.decode()
            assert EXPLAINED in content
            assert 'name="old_password"' not in content and 'name="current_password"' not in content
    if role != "anonymous":
        person = sso_only[role]
        person.refresh_from_db()
        assert not person.has_usable_password()
        assert person.email != "new@example.org"


@pytest.mark.parametrize("role", SIGNED_IN)
def test_the_account_page_offers_no_password_change(client_as, sso_only, role):
    content = client_as(role).get(reverse("accounts:account")).content.decode()
    assert "you sign in through" in content
    assert reverse("accounts:password_change") not in content


@pytest.mark.parametrize("role", SIGNED_IN)
def test_second_factor_pages_explain_for_staff_and_stay_closed_to_officers(client_as, sso_only, role):
    person = sso_only[role]
    app = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    codes = StaticDevice.objects.create(user=person, name="Backup codes", confirmed=True)
    StaticToken.objects.create(device=codes, token="alpha234")
    client = client_as(role)
    responses = {
        "security": client.get(reverse("accounts:security")),
        "regenerate": client.post(reverse("accounts:regenerate_backup_codes"), {"current_password": "x"}),
        "remove app": client.post(reverse("accounts:remove_device", args=["app", app.pk]), {"current_password": "x"}),
        "remove codes": client.get(reverse("accounts:remove_device", args=["backup-codes", codes.pk])),
    }
    if role not in STAFF:
        assert {name: response.status_code for name, response in responses.items()} == dict.fromkeys(responses, 403)
        return
    for name, response in responses.items():
        assert response.status_code == 200, (name, response.status_code)
        content = response.content.decode()
        assert "no password" in content, name
        assert 'name="current_password"' not in content, name
    # Nothing was removed or replaced.
    assert TOTPDevice.objects.filter(pk=app.pk).exists()
    assert list(StaticToken.objects.filter(device=codes).values_list("token", flat=True)) == ["alpha234"]


@pytest.mark.parametrize("role", SIGNED_IN)
def test_people_with_a_password_keep_the_forms(client_as, people, role):
    client = client_as(role)
    assert 'name="old_password"' in client.get(reverse("accounts:password_change")).content.decode()
    assert 'name="current_password"' in client.get(reverse("accounts:email_change")).content.decode()
    if role in STAFF:
        assert 'name="current_password"' in client.get(reverse("accounts:security")).content.decode()
