"""
Response headers every page needs (issue 11, findings 6 and 9; docs/security.md sections 6 and 9).

- ``ContentSecurityPolicyMiddleware``: django-csp's middleware, enforcing
  ``CONTENT_SECURITY_POLICY`` on every page but those it excludes (the Wagtail admin), which
  get the same policy report-only instead, so each response carries exactly one of the two.
- ``NoStoreMiddleware``: nothing personal is kept by a browser or a proxy, on the shared
  terminals of a police station.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import add_never_cache_headers


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Enforce the policy on officer pages; report-only where it is excluded (the admin)."""

    def process_response(self, request, response):
        excluded = tuple(settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES", ()))
        if not request.path_info.startswith(excluded):
            response._csp_exempt_ro = True  # enforced here: no second, report-only copy
        return super().process_response(request, response)


def is_attachment(response) -> bool:
    """A download: an export, a record of learning, a document, evidence."""
    return response.get("Content-Disposition", "").lstrip().lower().startswith("attachment")


class NoStoreMiddleware:
    """
    ``Cache-Control: no-store, private`` (with Django's other never-cache headers) on every
    download and on every response to a signed-in person: records of learning, transcripts,
    exports, answers in an attempt. A browser's back button after signing out, or a proxy,
    then shows the next person nothing of the last one. New exports are covered without a
    decorator, because every download is an attachment. Anonymous pages (the sign-in page,
    static files) keep their own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if is_attachment(response) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
        return response
