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
CONTROL = _(
    "What you sent contains a control character (such as a null byte) that cannot be stored. Remove it and try again."
)


def has_control_characters(value) -> bool:
    """True if ``value`` (a string, or lists and dicts of them, as in JSON) holds a refused character."""
    if isinstance(value, str):
        return bool(CONTROL_CHARACTERS.search(value))
    if isinstance(value, dict):
        return any(has_control_characters(key) or has_control_characters(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_control_characters(item) for item in value)
    return False


def _multivalue_has_control_characters(data) -> bool:
    return any(has_control_characters(key) or has_control_characters(data.getlist(key)) for key in data)


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
        elif request.content_type == "application/json":
            try:
                document = json.loads(request.body)
            except ValueError:
                return None  # not JSON at all: the view that expects JSON says so
            if has_control_characters(document):
                return CONTROL
        return None
