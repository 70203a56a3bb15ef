"""
Site-wide middleware: bad input refused once, and the response headers every page needs.

``RefuseBadInputMiddleware`` (issue 11, finding 4; docs/security.md section 4): input no view
of ours can use is refused here, once, before any view or form sees it.

Two kinds of request get a clear "400 Bad Request" page instead of reaching a view that
would fail on them (or, worse, store them):

- a form body that cannot be read: a urlencoded body in another charset than UTF-8, a broken
  multipart body. Django raises when a view (or the CSRF check) first reads ``request.POST``;
  reading it here turns that into one answer.
- C0 control characters (U+0000–U+001F except tab, line feed and carriage return) in the
  path, the querystring, a form field's name or value, or a string
  anywhere in a JSON body. Nobody types them; PostgreSQL cannot store U+0000 in text, and
  the others break exports and the search index. (Django already drops them from the names
  of uploaded files.) Free text reaches the database through many
  forms (answers, reasons, names, page content), so the rule lives here rather than in each.
- a ``next`` (the page to return to) that is not an address: ``redirect()`` would take it for
  a view name and fail.

Response headers every page needs (issue 11, findings 6 and 9; docs/security.md sections 6 and 9).

- ``ContentSecurityPolicyMiddleware``: django-csp's middleware, enforcing
  ``CONTENT_SECURITY_POLICY`` on every page but those it excludes (the Wagtail admin), which
  get the same policy report-only instead, so each response carries exactly one of the two.
- ``NoStoreMiddleware``: nothing personal is kept by a browser or a proxy, on the shared
  terminals of a police station.
"""

import json
import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from .views import bad_request_page

#: C0 controls other than tab (U+0009), line feed (U+000A) and carriage return (U+000D).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

UNREADABLE = _("The form could not be read. Send it again from the page, in UTF-8.")
NOT_AN_ADDRESS = _("The page to go back to (“next”) is not an address on this site.")
CONTROL = _(
    "What you sent contains a control character (such as a null byte) that cannot be stored. Remove it and try again."
)


def has_control_characters(value) -> bool:
    """True if ``value`` (a string, or lists and dicts of them, as in JSON) holds a refused character."""
    pending = [value]
    while pending:  # a loop, not recursion: JSON may nest as deep as its parser allows
        item = pending.pop()
        if isinstance(item, str):
            if CONTROL_CHARACTERS.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return False


def _not_an_address(values) -> bool:
    """
    A ``next`` that is neither a path nor an http(s) address. Django's ``redirect()`` would try
    to reverse it as a view name ("abc"), and Wagtail's views pass ``next`` to it after checking
    only the host.
    """
    return any(value and not value.startswith(("/", "http://", "https://")) for value in values)


def _multivalue_has_control_characters(data) -> bool:
    return any(has_control_characters([key, *data.getlist(key)]) for key in data)


class RefuseBadInputMiddleware:
    """Answer 400 to a request with an unreadable form body or a control character (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.problem(request)
        if problem:
            return bad_request_page(request, problem)
        return self.get_response(request)

    def problem(self, request):
        if has_control_characters(request.path_info) or _multivalue_has_control_characters(request.GET):
            return CONTROL
        if _not_an_address(request.GET.getlist("next")):
            return NOT_AN_ADDRESS
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            return None
        if request.content_type in FORM_CONTENT_TYPES:
            try:
                data = request.POST
            except (BadRequest, SuspiciousOperation, MultiPartParserError, UnicodeDecodeError, ValueError):
                # A request body that is too big or has too many fields is a SuspiciousOperation
                # too: refused here with the same page rather than by Django's handler.
                return UNREADABLE
            if _multivalue_has_control_characters(data):
                return CONTROL
            if _not_an_address(data.getlist("next")):
                return NOT_AN_ADDRESS
        elif request.content_type == "application/json":
            try:
                document = json.loads(request.body)
            except (ValueError, RecursionError):
                return None  # not JSON, or nested too deep to read: the view that expects JSON says so
            if has_control_characters(document):
                return CONTROL
        return None


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
