"""
A second factor for staff: an authenticator app (TOTP) plus single-use backup codes, from
django-otp (``otp_totp`` and ``otp_static``).

Staff are everyone who can reach Wagtail's admin (trainers, content approvers, managers,
administrators). With ``STAFF_REQUIRE_SECOND_FACTOR`` on, ``SecondFactorMiddleware`` holds a
signed-in member of staff at the second-factor step until a code has been entered in this
session; officers are never asked. The pages are ``accounts.views``; an administrator clears a
lost device with ``manage.py reset_second_factor USERNAME``.
"""

from __future__ import annotations

import base64
import re
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth import SESSION_KEY, user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Action
from audit.services import record_event

#: Set in the session at sign-in for staff who must enter a code (see ``hold_staff_at_sign_in``).
REQUIRED_SESSION_KEY = "accounts.second_factor_required"
#: Set by single sign-on (``accounts.sso``) when ``OIDC_TRUST_PROVIDER_MFA`` is on and the
#: provider's ID token says it did multi-factor authentication: this session needs no code here.
PROVIDER_VERIFIED_SESSION_KEY = "accounts.second_factor_by_provider"
TOTP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
TOTP_PATTERN = re.compile(r"^\d{6}$")


def is_staff_member(user) -> bool:
    """Anyone who can reach the admin: the roles the second factor is for."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def second_factor_required(user) -> bool:
    return settings.STAFF_REQUIRE_SECOND_FACTOR and is_staff_member(user)


def confirmed_devices(user) -> list:
    return list(devices_for_user(user, confirmed=True))


def authenticator_apps(user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk"))


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def has_authenticator_app(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


# Setting up an authenticator app.


def pending_authenticator_app(user) -> TOTPDevice:
    """The unconfirmed device being set up, made once and reused until a code confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` address as an inline SVG QR code (segno's own markup)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title="QR code", svgclass="app-qr-code")


def confirm_authenticator_app(*, request, device: TOTPDevice, token: str) -> bool:
    """Confirm a device being set up with a code from it; the session counts as verified."""
    token = normalise_token(token)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
        if not TOTP_PATTERN.match(token) or not device.verify_token(token):
            record_event(
                action=Action.SECOND_FACTOR_FAILED,
                subject=request.user,
                request=request,
                target=f"otp_totp:{device.pk}",
                data={"step": "set-up"},
            )
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_event(
            action=Action.SECOND_FACTOR_ADDED,
            subject=request.user,
            request=request,
            target=f"otp_totp:{device.pk}",
            data={"kind": "authenticator app"},
        )
    otp_login(request, device)
    return True


def issue_backup_codes(*, request, user=None) -> list[str]:
    """
    A fresh set of single-use backup codes; any earlier set stops working. The codes are shown
    to the person once and never again.
    """
    user = user or request.user
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(settings.SECOND_FACTOR_BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        record_event(
            action=Action.BACKUP_CODES_ISSUED,
            subject=user,
            request=request,
            target=f"otp_static:{device.pk}",
            data={"count": len(codes)},
        )
    return codes


# Signing in with a code.


def normalise_token(token: str) -> str:
    return re.sub(r"[\s-]", "", token or "").lower()


def verify(*, request, token: str):
    """
    The device that accepts ``token`` (an authenticator app's six digits, or a backup code,
    which is used up), or None. django-otp slows down repeated failures on each device.
    """
    user = request.user
    token = normalise_token(token)
    kind = TOTPDevice if TOTP_PATTERN.match(token) else StaticDevice
    device = None
    with transaction.atomic():
        for candidate in kind.objects.devices_for_user(user, confirmed=True).select_for_update().order_by("pk"):
            if candidate.verify_token(token):
                device = candidate
                break
        if device is None:
            record_event(
                action=Action.SECOND_FACTOR_FAILED,
                subject=user,
                request=request,
                data={"kind": "authenticator app" if kind is TOTPDevice else "backup code"},
            )
    if device is not None:
        otp_login(request, device)
        request.session.pop(REQUIRED_SESSION_KEY, None)
    return device


# Removing devices.


def remove_device(*, request, device) -> None:
    """The person removes one of their own devices (the view has checked their password)."""
    with transaction.atomic():
        record_event(
            action=Action.SECOND_FACTOR_REMOVED,
            subject=device.user,
            request=request,
            target=f"{device.persistent_id}",
            data={"kind": "backup codes" if isinstance(device, StaticDevice) else "authenticator app"},
        )
        device.delete()


def reset_second_factor(*, user, actor=None, reason: str = "") -> int:
    """
    Remove every device a person has, for someone who has lost theirs: at the next sign-in a
    member of staff sets up a new authenticator app. Returns the number of devices removed.
    """
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        record_event(
            action=Action.SECOND_FACTOR_REMOVED,
            actor=actor,
            subject=user,
            target=f"user:{user.pk}",
            data={"kind": "all devices (reset)", "devices": len(devices), "reason": reason[:500]},
        )
    return len(devices)


# Holding staff at the second-factor step.


@receiver(user_logged_in, dispatch_uid="accounts.second_factor.hold_staff_at_sign_in")
def hold_staff_at_sign_in(sender, request, user, **kwargs):
    """
    Remember in the session that this person must enter a code, so that officer pages need
    no permission query on each request to know it.
    """
    if request is not None and hasattr(request, "session") and second_factor_required(user):
        request.session[REQUIRED_SESSION_KEY] = True


def second_factor_url(user, next_url: str = "") -> str:
    name = "accounts:second_factor_verify" if confirmed_devices(user) else "accounts:second_factor_setup"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SecondFactorMiddleware:
    """
    With ``STAFF_REQUIRE_SECOND_FACTOR`` on, a signed-in member of staff who has not entered a
    code in this session reaches only the second-factor pages and sign-out: everything else
    (the admin, staff views, and officer pages too) sends them to enter a code, or to set up
    an authenticator app if they have none. Officers pass straight through, at no cost.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.STAFF_REQUIRE_SECOND_FACTOR and SESSION_KEY in request.session and self.applies_to(request):
            user = request.user
            if (
                user.is_authenticated
                and not user.is_verified()
                and not request.session.get(PROVIDER_VERIFIED_SESSION_KEY)
            ):
                held = request.session.get(REQUIRED_SESSION_KEY) or (
                    request.path_info.startswith(self.admin_prefix()) and is_staff_member(user)
                )
                if held:
                    return redirect(second_factor_url(user, request.get_full_path()))
        return self.get_response(request)

    @staticmethod
    def admin_prefix() -> str:
        return reverse("wagtailadmin_home")

    @staticmethod
    def applies_to(request) -> bool:
        path = request.path_info
        exempt = (
            reverse("accounts:logout"),
            reverse("wagtailadmin_logout"),
            reverse("accounts:second_factor_verify"),
            reverse("accounts:second_factor_setup"),
        )
        return not (path in exempt or path.startswith(settings.STATIC_URL))
