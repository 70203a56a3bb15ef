"""
Site-wide endpoints that belong to no app: error pages that must work whatever the request
holds, and the Content-Security-Policy violation reports.
"""

import json
import logging

from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

GENERIC = _("The request could not be understood. Go back to the page and try again.")


def bad_request_page(request, message=GENERIC):
    return render(request, "400.html", {"message": message}, status=400)


def bad_request(request, exception=None):
    """
    ``handler400``. Django's own handler is wrapped in ``requires_csrf_token``, which checks
    the CSRF token of a POST again and so re-reads the body that was the cause of the 400
    (an undecodable body then ends in a 500). This one reads nothing from the request body.
    A ``BadRequest`` of our own (``core.input_guards.UnreadableForm``) carries a message for
    the person; any other is answered with the generic one.
    """
    from .input_guards import UnreadableForm

    if isinstance(exception, UnreadableForm) and exception.args:
        return bad_request_page(request, exception.args[0])
    return bad_request_page(request)


logger = logging.getLogger("csp")

# A browser's report is well under 2 kB; anything bigger is not one, and is not read whole.
MAX_REPORT_BYTES = 8 * 1024


@csrf_exempt  # browsers send reports without a CSRF token, and this changes nothing
def csp_report(request):
    """Log a browser's report of a Content-Security-Policy violation (``report-uri``); 204 always."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    body = request.read(MAX_REPORT_BYTES + 1)
    if len(body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if isinstance(report, dict):
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            str(report.get("violated-directive") or report.get("effective-directive"))[:200],
            str(report.get("blocked-uri"))[:200],
            str(report.get("document-uri"))[:200],
        )
    return HttpResponse(status=204)


def favicon(request):
    """
    ``/favicon.ico``, which browsers ask for where no page names an icon (a document, an
    error from the server in front): the site's icon, the one every page links to.
    """
    return HttpResponsePermanentRedirect(static("images/favicon.svg"))
