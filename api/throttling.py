"""Rate limit per token (``API_RATE_LIMIT``), counted in Django's default cache."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_rate(self):
        # Read when each request is throttled, not once per process as DRF's class attribute is.
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        token = request.auth
        if not isinstance(token, ApiToken):
            return None  # refused by authentication or permission anyway
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
