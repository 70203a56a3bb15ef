"""Site-wide endpoints that belong to no app: the Content-Security-Policy violation reports."""

import json
import logging

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

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
