"""
Input no view of ours can use is refused here, once, before any view or form sees it.

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
"""

import json
import re

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
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
