"""
What a person sees when django-axes refuses a sign-in: a page in the site's own style that
says how long to wait, never a bare 403. Throttling itself is django-axes (settings
``AXES_*``, read from ``SIGN_IN_FAILURE_LIMIT`` and ``SIGN_IN_COOL_OFF_MINUTES``).
"""

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_address(request) -> str | None:
    """
    ``AXES_CLIENT_IP_CALLABLE``: the address failures are counted against. With
    ``SIGN_IN_PROXY_COUNT`` = n proxies in front of the app, each appends the address it saw to
    X-Forwarded-For, so the client's is n-th from the end; anything before it was sent by the
    client and is not trusted. Without proxies, or with a header too short or not an address,
    the connection's own address.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.SIGN_IN_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


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
