"""
Lookups on the public verification page, counted per client address in the cache against
enumeration: at most ``CERTIFICATE_VERIFY_RATE_LIMIT`` lookups in each window of
``CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS``. The address is the one the sign-in throttle and the
audit trail use (``accounts.throttling.client_address``, which trusts ``SIGN_IN_PROXY_COUNT``
proxies). Every lookup counts, found or not, well formed or not.
"""

import time

from django.conf import settings
from django.core.cache import cache

from accounts.throttling import client_address


def _key(request) -> tuple[str, int]:
    window = max(1, settings.CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS)
    slot = int(time.time() // window)
    return f"certificates:verify:{client_address(request) or 'unknown'}:{slot}", window


def allow_lookup(request) -> bool:
    """Count one lookup by this client; ``False`` once it is over the limit in this window."""
    key, window = _key(request)
    if cache.add(key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 1)
            count = 1
    return count <= settings.CERTIFICATE_VERIFY_RATE_LIMIT


def retry_after_seconds() -> int:
    window = max(1, settings.CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS)
    return window - int(time.time()) % window
