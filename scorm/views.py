"""
The officer-facing SCORM views: the player page (``ScormModulePage``'s route), the package's
files served out of the private zip, and the runtime's commit endpoint.

Who may do what: only the officer whose attempt it is, on a live module page, reaches its
files or commits to it; anyone else gets 404 (no hint that the attempt exists). The commit
endpoint is protected against cross-site requests by a token in its URL, signed for the
attempt and the officer's session (``commit_token``), because the runtime's last commit,
when the page is closed, goes by ``navigator.sendBeacon``, which cannot send Django's
CSRF header; a request whose ``Origin`` is another site is refused too.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import posixpath

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt

from courses.models import EnrolmentStatus

from . import cmi, services
from .models import AttemptStatus, ScormAttempt, ScormModulePage, ScormScoRecord
from .packages import SCORM_12, read_member

_SALT = "scorm.commit"


def _session_fingerprint(request) -> str:
    key = request.session.session_key or ""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def commit_token(request, attempt: ScormAttempt) -> str:
    return signing.dumps({"a": attempt.pk, "s": _session_fingerprint(request)}, salt=_SALT, compress=True)


def _token_ok(request, attempt: ScormAttempt) -> bool:
    try:
        value = signing.loads(request.GET.get("token", ""), salt=_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return False
    return value == {"a": attempt.pk, "s": _session_fingerprint(request)}


def _same_origin(request) -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return url_has_allowed_host_and_scheme(
        origin + "/", allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def launch(request, *, page: ScormModulePage, position: int | None = None):
    """
    The player: one SCO (or asset) of the package in a same-origin frame, the runtime
    configured for its record in this attempt, and the package's contents to move between
    them (choice) with Previous and Continue (flow). Without ``position``, the SCO the
    officer was last in (or the first not yet complete).
    """
    is_preview = getattr(request, "is_preview", False)
    enrolment = services.current_enrolment(user=request.user, page=page)
    attempt = None
    if enrolment is not None and not is_preview:
        attempt = services.start_attempt(user=request.user, page=page, enrolment=enrolment)
    context = page.get_context(request)
    context.update({"enrolment": enrolment, "attempt": attempt, "course": page.course})
    if attempt is not None:
        try:
            position, item = services.activity_at(attempt, position)
        except IndexError:
            raise Http404 from None
        record = services.open_sco(attempt=attempt, item=item)
        if not request.session.session_key:
            request.session.save()
        version = attempt.package_version
        activities = version.activities
        content_url = reverse("scorm:content", args=[attempt.pk, item["launch_path"]])
        if item["launch_query"]:
            content_url += "?" + item["launch_query"]
        base_url = page.url
        urls = {number: f"{base_url}{number}/" for number in range(1, len(activities) + 1)}
        done = set(attempt.records.filter(status=AttemptStatus.COMPLETED).values_list("item_identifier", flat=True))
        started = set(attempt.records.values_list("item_identifier", flat=True))
        contents = [
            {
                **entry,
                "url": urls.get(entry["position"]),
                "current": entry["position"] == position,
                "status": (
                    ""
                    if entry["position"] is None
                    else _("Completed")
                    if entry["identifier"] in done
                    else _("In progress")
                    if entry["identifier"] in started
                    else _("Not started")
                ),
            }
            for entry in version.table_of_contents
        ]
        context.update(
            {
                "item": item,
                "position": position,
                "contents": contents if len(activities) > 1 else [],
                "previous_url": urls.get(position - 1),
                "next_url": urls.get(position + 1),
                "activity_count": len(activities),
            }
        )
        context["player"] = {
            "version": attempt.scorm_version,
            "contentUrl": content_url,
            "commitUrl": reverse("scorm:commit_sco", args=[attempt.pk, position])
            + "?token="
            + commit_token(request, attempt),
            "cmi": services.launch_data(
                attempt, learner_id=str(request.user.pk), learner_name=request.user.get_full_name(), record=record
            ),
            "completed": attempt.status == "completed",
            "navigation": {
                "previous": urls.get(position - 1, ""),
                "continue": urls.get(position + 1, ""),
                "exit": page.course.url,
                "choice": {entry["identifier"]: urls[number] for number, entry in enumerate(activities, start=1)},
            },
        }
        context["course_complete"] = attempt.enrolment.status == EnrolmentStatus.COMPLETED
    return TemplateResponse(request, page.get_template(request), context)


def _attempt_for(request, attempt_id: int) -> ScormAttempt:
    attempt = get_object_or_404(
        ScormAttempt.objects.select_related("package_version", "page"), pk=attempt_id, user=request.user
    )
    if attempt.page is None or not attempt.page.live or attempt.reset_at is not None:
        raise Http404
    return attempt


@never_cache
@login_required
@xframe_options_sameorigin
@csp_replace({"script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL], "style-src": [SELF, UNSAFE_INLINE]})
def content(request, attempt_id: int, path: str):
    """
    A file of the package this attempt plays, read out of the private zip. Packages carry
    their own inline scripts and styles, so their files get a policy that allows them (on
    this path only); the frame is same-origin because the runtime API lives in the parent.
    """
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    attempt = _attempt_for(request, attempt_id)
    path = posixpath.normpath(path)
    with attempt.package_version.file.open("rb") as archive:
        data = read_member(archive, path)
    if data is None:
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type in {"application/javascript", "application/json"}:
        content_type += "; charset=utf-8"
    return HttpResponse(data, content_type=content_type)


@csrf_exempt  # checked below: a signed per-session token and the Origin (see the module docstring)
@login_required
def commit(request, attempt_id: int, position: int | None = None):
    """
    The runtime's commit for one SCO of the attempt (``position`` in the package's
    activities; the attempt's current SCO without it): flattened CMI as JSON; answers
    ``{"result", "errorCode"}`` as scorm-again expects.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attempt = _attempt_for(request, attempt_id)
    if not _token_ok(request, attempt) or not _same_origin(request):
        return JsonResponse({"result": False, "errorCode": 101, "errorMessage": _("Not allowed.")}, status=403)
    general = 101 if attempt.scorm_version == SCORM_12 else 391
    try:
        data = json.loads(request.body or b"null")
    except RequestDataTooBig:
        return JsonResponse({"result": False, "errorCode": general, "errorMessage": _("The commit is too large.")})
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"result": False, "errorCode": general, "errorMessage": _("The commit is not JSON.")})
    sco = None
    if position is not None:
        activities = attempt.package_version.activities
        if not 1 <= position <= len(activities):
            raise Http404
        sco = activities[position - 1]["identifier"]
    try:
        services.commit(attempt=attempt, data=data, sco=sco)
    except ScormScoRecord.DoesNotExist:
        raise Http404 from None  # a SCO is committed to only after the player opened it
    except cmi.CmiError as error:
        return JsonResponse({"result": False, "errorCode": error.code, "errorMessage": str(error)})
    return JsonResponse({"result": True, "errorCode": 0})
