"""
Staff's second factor (issue 11, finding 3): with STAFF_REQUIRE_SECOND_FACTOR on, everyone who
can reach the admin enters a code from an authenticator app, or a single-use backup code,
after their password; officers never do; the demo (setting off) signs in with a password.
"""

import base64
import re
import time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
STAFF = ["trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]
OFFICERS = ["officer", "other_officer"]
VERIFY = "/account/second-factor/"
SET_UP = "/account/second-factor/set-up/"


@pytest.fixture
def second_factor_on(settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = True


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now, computed from the device's key (RFC 6238)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username, next_url="/admin/"):
    return client.post(f"/account/sign-in/?next={next_url}", {"username": username, "password": PASSWORD})


def give_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def give_backup_codes(user, codes=("alpha234", "bravo567")) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return device


def admin_status(client) -> int:
    return client.get("/admin/").status_code


@pytest.mark.usefixtures("second_factor_on")
@pytest.mark.parametrize("role", STAFF)
def test_staff_with_an_app_must_enter_a_code_before_the_admin(client, people, role):
    device = give_app(people[role])
    response = sign_in(client, role)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(VERIFY)
    # Staff views outside the admin and officer pages hold them too.
    assert client.get(reverse("compliance:my_record")).url.startswith(VERIFY)

    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert admin_status(client) == 200
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, subject=people[role]).count() == 1


@pytest.mark.usefixtures("second_factor_on")
def test_an_approver_is_staff_too(client, approver):
    give_app(approver)
    sign_in(client, "approver")
    assert client.get("/admin/").url.startswith(VERIFY)


@pytest.mark.usefixtures("second_factor_on")
@pytest.mark.parametrize("role", OFFICERS)
def test_officers_are_never_asked_for_a_second_factor(client, people, role):
    sign_in(client, role, next_url="/")
    assert client.get(reverse("compliance:my_record")).status_code == 200
    assert client.get(VERIFY)["Location"] == "/"  # nothing to verify: sent on
    assert client.get(SET_UP).status_code == 403
    assert client.get(reverse("accounts:security")).status_code == 403


@pytest.mark.usefixtures("second_factor_on")
def test_the_admin_login_route_also_leads_to_the_second_factor(client, people):
    give_app(people["administrator"])
    response = client.post("/admin/login/", {"username": "administrator", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "Enter the code from your authenticator app" in response.content.decode()


@pytest.mark.usefixtures("second_factor_on")
def test_a_wrong_code_is_refused_recorded_and_the_admin_stays_shut(client, people):
    device = give_app(people["trainer"])
    sign_in(client, "trainer")
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong, "next": "/admin/"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "This code is not right" in content
    assert 'autocomplete="one-time-code"' in content
    assert 'inputmode="numeric"' in content
    assert admin_status(client) == 302
    event = AuditEvent.objects.get(action=Action.SECOND_FACTOR_FAILED)
    assert event.subject == people["trainer"]


@pytest.mark.usefixtures("second_factor_on")
def test_a_backup_code_works_once(client, people):
    give_app(people["manager_of_unit"])
    give_backup_codes(people["manager_of_unit"])
    sign_in(client, "manager_of_unit")
    response = client.post(VERIFY, {"code": "alpha234", "backup": "1", "next": "/admin/"})
    assert response.url == "/admin/"
    assert admin_status(client) == 200
    client.post(reverse("accounts:logout"))

    sign_in(client, "manager_of_unit")
    response = client.post(VERIFY, {"code": "alpha234", "backup": "1", "next": "/admin/"})
    assert response.status_code == 200
    assert "has been used" in response.content.decode()
    assert admin_status(client) == 302
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["bravo567"]


@pytest.mark.usefixtures("second_factor_on")
def test_a_code_cannot_be_used_twice(client, people):
    device = give_app(people["administrator"])
    now = time.time()
    with time_machine.travel(now, tick=False):
        code = code_for(device)
        sign_in(client, "administrator")
        assert client.post(VERIFY, {"code": code})["Location"] == "/admin/"
        client.post(reverse("accounts:logout"))
        sign_in(client, "administrator")
        assert client.post(VERIFY, {"code": code}).status_code == 200
    assert admin_status(client) == 302


@pytest.mark.usefixtures("second_factor_on")
def test_staff_without_a_device_set_up_an_app_and_see_backup_codes_once(client, people):
    sign_in(client, "trainer")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(SET_UP)

    page = client.get(response.url)
    content = page.content.decode()
    assert "<svg" in content  # the QR code, inline
    secret = re.search(r'<code class="app-secret" id="totp-secret">([A-Z2-7 ]+)</code>', content).group(1)
    device = TOTPDevice.objects.get(user=people["trainer"], confirmed=False)
    assert base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8)) == device.bin_key

    response = client.post(SET_UP, {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    codes_page = client.get(response.url)
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=people["trainer"]).values_list("token", flat=True)
    )
    # Shown once: the page does not show them again.
    assert client.get(reverse("accounts:backup_codes")).status_code == 302
    assert admin_status(client) == 200
    device.refresh_from_db()
    assert device.confirmed
    actions = list(AuditEvent.objects.filter(subject=people["trainer"]).values_list("action", flat=True))
    assert Action.SECOND_FACTOR_ADDED in actions
    assert Action.BACKUP_CODES_ISSUED in actions


@pytest.mark.usefixtures("second_factor_on")
def test_someone_with_only_a_password_cannot_add_a_device_to_a_protected_account(client, people):
    give_app(people["administrator"])
    sign_in(client, "administrator")
    response = client.get(SET_UP)
    assert response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=people["administrator"]).count() == 1


def test_the_demo_setting_off_signs_staff_in_with_a_password_alone(client, people, settings):
    assert settings.STAFF_REQUIRE_SECOND_FACTOR is False
    give_app(people["administrator"])
    sign_in(client, "administrator")
    assert admin_status(client) == 200


# Managing one's devices: every role.


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("officer", 403),
        ("other_officer", 403),
        ("trainer", 200),
        ("manager_of_other_unit", 200),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_the_second_factor_pages_are_for_staff(client_as, role, expected):
    client = client_as(role)
    assert client.get(reverse("accounts:security")).status_code == expected
    assert client.get(SET_UP).status_code == expected


@pytest.mark.usefixtures("second_factor_on")
def test_regenerating_backup_codes_needs_the_password_and_replaces_the_old_ones(client, people):
    user = people["manager_of_other_unit"]
    device = give_app(user)
    give_backup_codes(user)
    sign_in(client, "manager_of_other_unit")
    client.post(VERIFY, {"code": code_for(device)})

    response = client.post(reverse("accounts:regenerate_backup_codes"), {"current_password": "wrong"})
    assert response.status_code == 200
    assert "Your current password is not right" in response.content.decode()
    assert set(StaticToken.objects.values_list("token", flat=True)) == {"alpha234", "bravo567"}

    response = client.post(reverse("accounts:regenerate_backup_codes"), {"current_password": PASSWORD})
    assert response.url == reverse("accounts:backup_codes")
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", client.get(response.url).content.decode())
    assert len(codes) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    assert AuditEvent.objects.filter(action=Action.BACKUP_CODES_ISSUED, subject=user).count() == 1


@pytest.mark.usefixtures("second_factor_on")
def test_removing_a_device_needs_the_password_and_is_recorded(client, people):
    user = people["administrator"]
    device = give_app(user)
    sign_in(client, "administrator")
    client.post(VERIFY, {"code": code_for(device)})
    url = reverse("accounts:remove_device", args=["app", device.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"current_password": "wrong"})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(pk=device.pk).exists()

    response = client.post(url, {"current_password": PASSWORD})
    assert response.url == reverse("accounts:security")
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert AuditEvent.objects.filter(action=Action.SECOND_FACTOR_REMOVED, subject=user).count() == 1
    # Without a device, the admin asks for a new one.
    assert client.get("/admin/").url.startswith(SET_UP)


def test_nobody_removes_someone_elses_device(client_as, people):
    device = give_app(people["trainer"])
    client = client_as("administrator")
    url = reverse("accounts:remove_device", args=["app", device.pk])
    assert client.post(url, {"current_password": PASSWORD}).status_code == 404
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_reset_second_factor_clears_a_lost_device_and_is_recorded(people):
    user = people["trainer"]
    give_app(user)
    give_backup_codes(user)
    out = StringIO()
    call_command("reset_second_factor", "trainer", "--reason", "phone lost", "--by", "administrator", stdout=out)
    assert "Removed 2 second-factor devices from trainer" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    event = AuditEvent.objects.get(action=Action.SECOND_FACTOR_REMOVED)
    assert event.subject == user
    assert event.data["reason"] == "phone lost"
    assert event.actor == people["administrator"]


def test_reset_second_factor_names_an_unknown_user_clearly(people):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No account with the username 'nobody'"):
        call_command("reset_second_factor", "nobody")


@pytest.mark.parametrize(
    ("role", "status", "location"),
    [
        ("anonymous", 302, "/account/sign-in/"),
        ("officer", 403, None),
        ("trainer", 302, "/account/security/"),
        ("administrator", 302, "/account/security/"),
    ],
)
def test_the_backup_codes_page_shows_nothing_unless_codes_were_just_issued(client_as, role, status, location):
    response = client_as(role).get(reverse("accounts:backup_codes"))
    assert response.status_code == status
    if location:
        assert response.url.startswith(location)


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("officer", 403), ("trainer", 405), ("administrator", 405)]
)
def test_new_backup_codes_are_only_given_on_a_post(client_as, role, expected):
    assert client_as(role).get(reverse("accounts:regenerate_backup_codes")).status_code == expected


def test_backup_codes_can_be_removed_with_the_password(client_as, people):
    device = give_backup_codes(people["trainer"])
    client = client_as("trainer")
    assert client.get(reverse("accounts:remove_device", args=["unknown", device.pk])).status_code == 404
    response = client.post(
        reverse("accounts:remove_device", args=["backup-codes", device.pk]), {"current_password": PASSWORD}
    )
    assert response.status_code == 302
    assert not StaticDevice.objects.filter(pk=device.pk).exists()
    assert AuditEvent.objects.get(action=Action.SECOND_FACTOR_REMOVED).data["kind"] == "backup codes"
