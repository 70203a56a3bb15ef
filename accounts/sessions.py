"""
Session limits: a signed-in session ends after ``SESSION_IDLE_TIMEOUT_MINUTES`` without a
request, and ``SESSION_COOKIE_AGE`` after signing in whatever happens (one shift, on a shared
station terminal).

Django alone gives neither: a session's expiry moves forward each time the session is saved,
so its "age" slides. The sign-in time and the last request are kept in the session itself;
the last request is written back at most once a minute, so most requests write nothing.
Every request counts as activity, the background save of quiz answers included: it is sent
only when the officer changes an answer. Wagtail's editing-session pings do not: the page
editor sends one every few seconds while it is open, whoever is at the keyboard
(docs/decisions.md, "Sign-in protection").
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout, user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

SIGNED_IN_AT = "accounts.signed_in_at"
LAST_SEEN = "accounts.last_seen"
#: Write the last request's time back to the session only when it has moved on this much.
LAST_SEEN_RESOLUTION_SECONDS = 60


def _now() -> int:
    return int(timezone.now().timestamp())


@receiver(user_logged_in, dispatch_uid="accounts.sessions.start_session_clock")
def start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


def end_reason(session, now: int) -> str | None:
    """Why this signed-in session must end now ("idle", "absolute"), or None."""
    last_seen = session.get(LAST_SEEN)
    signed_in_at = session.get(SIGNED_IN_AT)
    if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60:
        return "idle"
    if signed_in_at is not None and now - signed_in_at > settings.SESSION_COOKIE_AGE:
        return "absolute"
    return None


class SessionLimitsMiddleware:
    """
    Ends a signed-in session that has been idle too long or has reached the absolute limit:
    the person is signed out (recorded in the audit trail with the reason) and, on a page
    request, sent to the sign-in page with a message; other requests (a background save)
    carry on as signed out and get the view's own "signed out" answer.

    Cost: no query of its own. It reads the session that authentication reads anyway, and
    writes it back at most once a minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:
            now = _now()
            reason = end_reason(session, now)
            if reason is not None:
                return self.sign_out(request, reason) or self.get_response(request)
            if SIGNED_IN_AT not in session:  # a session from before these limits
                session[SIGNED_IN_AT] = now
            last_seen = session.get(LAST_SEEN)
            stale = last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS
            if stale and not self.is_presence_ping(request):
                session[LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def is_presence_ping(request) -> bool:
        """Wagtail's editor saying it is still open: not a sign that anyone is there."""
        return request.path_info.startswith(reverse("wagtailadmin_home") + "editing-sessions/")

    @staticmethod
    def sign_out(request, reason: str):
        request.session_end_reason = reason
        logout(request)
        if reason == "idle":
            message = _("You were signed out because you had not used the site for %(minutes)d minutes.") % {
                "minutes": settings.SESSION_IDLE_TIMEOUT_MINUTES
            }
        else:
            message = _("You were signed out because you had been signed in for %(hours)d hours.") % {
                "hours": settings.SESSION_COOKIE_AGE // 3600
            }
        messages.info(request, f"{message} {_('Sign in again to carry on.')}")
        if request.method in ("GET", "HEAD"):
            sign_in = reverse("accounts:login")
            return redirect(f"{sign_in}?{urlencode({'next': request.get_full_path()})}")
        return None
