"""
What a person sees when django-axes refuses a sign-in: a page in the site's own style that
says how long to wait, never a bare 403. Throttling itself is django-axes (settings
``AXES_*``, read from ``SIGN_IN_FAILURE_LIMIT`` and ``SIGN_IN_COOL_OFF_MINUTES``).
"""

from django.conf import settings
from django.shortcuts import render


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the "too many attempts" page, status 429, on every sign-in route."""
    return render(
        request,
        "accounts/locked_out.html",
        {"cool_off_minutes": cool_off_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
