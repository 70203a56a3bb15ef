"""
Sign-in events into the audit trail, from whatever route they happen on (our sign-in page,
Wagtail's admin login, a session that timed out): Django's auth signals and django-axes'
lockout signal. Password, email and second-factor changes are recorded by the views and
services that make them, inside their transactions.

A refusal during a lockout is told apart from a counted failure by what django-axes leaves on
the request: it counts failures (``axes_failures_since_start``) only for attempts it let through.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import Action
from audit.services import record_event

USERNAME_FIELD_LENGTH = 150


def _attempted_username(credentials: dict | None) -> str:
    User = get_user_model()
    value = (credentials or {}).get(User.USERNAME_FIELD) or (credentials or {}).get("username") or ""
    return str(value)[:USERNAME_FIELD_LENGTH]


def _user_named(username: str):
    """The account an attempted username belongs to, if any (exactly as typed, as Django matches it)."""
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def _route(request) -> str:
    return request.path[:255] if request is not None else ""


@receiver(user_logged_in, dispatch_uid="accounts.auditing.signed_in")
def signed_in(sender, request, user, **kwargs):
    record_event(action=Action.SIGN_IN, actor=user, subject=user, request=request, target=_route(request))


@receiver(user_login_failed, dispatch_uid="accounts.auditing.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    """
    The attempted username goes in ``data``; it names the subject only when it is an account's
    username (a mistyped name or a password typed in the wrong box is nobody).
    """
    username = _attempted_username(credentials)
    record_event(
        action=Action.SIGN_IN_FAILED,
        actor=None,
        subject=_user_named(username),
        request=request,
        target=_route(request),
        data={"username": username, "refused_during_lockout": refused_during_lockout(request)},
    )


def refused_during_lockout(request) -> bool:
    """True when django-axes refused the attempt before any password was checked."""
    return bool(
        getattr(request, "axes_locked_out", False) and getattr(request, "axes_failures_since_start", None) is None
    )


@receiver(user_logged_out, dispatch_uid="accounts.auditing.signed_out")
def signed_out(sender, request, user, **kwargs):
    if user is None or not user.is_authenticated:
        return
    reason = getattr(request, "session_end_reason", None) or "signed out"
    record_event(
        action=Action.SIGN_OUT,
        actor=user,
        subject=user,
        request=request,
        target=_route(request),
        data={"reason": reason},
    )


@receiver(user_locked_out, dispatch_uid="accounts.auditing.locked_out")
def locked_out(sender, request, username=None, ip_address=None, **kwargs):
    """
    django-axes sends this when the limit is reached, and again on each attempt refused during
    the lockout; only the first is a lockout (the refusals are recorded as failed sign-ins).
    """
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    username = str(username or "")[:USERNAME_FIELD_LENGTH]
    record_event(
        action=Action.LOCKED_OUT,
        actor=None,
        subject=_user_named(username),
        request=request,
        target=_route(request),
        data={"username": username, "failures": request.axes_failures_since_start},
    )
