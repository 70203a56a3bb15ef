"""
The LTI 1.3 tool's endpoints (docs/standards.md, LTI): OIDC login initiation, the launch
(resource links and deep linking requests), the deep linking answer and our JWKS.

The platform's requests are cross-site, so login and launch are exempt from CSRF: the signed
id_token, the state cookie and the single-use nonce do that job. Every refusal is a page that
says what to do, with a 4xx status; nothing from outside reaches a 500.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import jwt
from django.contrib.auth import login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.lineitem import LineItem

from courses.models import CoursePage

from . import services
from .keys import published_keys
from .tool import MessageLaunch, PlatformToolConf, ReplayedLaunch, WrongAudience, oidc_login

logger = logging.getLogger(__name__)

OPEN_AGAIN = _("Go back to your learning platform and open the activity again.")


def problem(request, message, *, status: int = 400, advice=OPEN_AGAIN):
    return render(request, "lti/problem.html", {"message": message, "advice": advice}, status=status)


def _launch_problem(error: Exception):
    """What a refused launch tells the person, by what the check found."""
    text = str(error)
    if isinstance(error, ReplayedLaunch):
        return _("This launch has already been used, so it cannot be used again.")
    if isinstance(error, WrongAudience) or "Registration not found" in text or "Client id not registered" in text:
        return _("This launch was not meant for this training platform, or the platform is not registered here.")
    if "deployment ID" in text:
        return _("This deployment of the tool is not registered here. Ask an administrator to add its deployment id.")
    if "expired" in text.lower():
        return _("This launch has expired. Launches must be used within a few minutes.")
    if "State not found" in text or "Missing state" in text or "Missing cookie" in text:
        return _(
            "Your browser did not keep the launch's cookie. Open the activity in a new window "
            "(your platform's administrator can set that for this tool)."
        )
    if "Signature" in text or "public key" in text or "decode id_token" in text:
        return _("This launch's signature could not be checked against the platform's keys.")
    return _("This launch could not be checked, so it was not accepted.")


@csrf_exempt
@never_cache
def login_initiation(request):
    """Step 1: the platform sends the browser here; we send it back to the platform's login with a state and nonce."""
    try:
        return oidc_login(request, PlatformToolConf()).redirect(request.build_absolute_uri(reverse("lti:launch")))
    except (OIDCException, LtiException, ValueError, TypeError) as error:
        logger.info("LTI login refused: %s", error)
        return problem(
            request,
            _("This login request is missing details or comes from a platform that is not registered here."),
        )


@csrf_exempt
@never_cache
def launch(request):
    """Step 2: the platform posts the signed id_token; we check it and open the course, or the course picker."""
    if request.method != "POST":
        return problem(request, _("Courses are launched from your learning platform, not opened here."), status=405)
    tool_conf = PlatformToolConf()
    message = MessageLaunch(request, tool_conf)
    try:
        claims = message.get_launch_data()
        deep_linking = message.is_deep_link_launch()
        resource = message.is_resource_launch()
    except (LtiException, jwt.PyJWTError) as error:
        logger.info("LTI launch refused: %s", error)
        return problem(request, _launch_problem(error))
    except (ValueError, TypeError, KeyError, AttributeError) as error:  # malformed claims the library trips on
        logger.info("LTI launch unreadable: %r", error)
        return problem(request, _("This launch could not be read, so it was not accepted."))
    platform = tool_conf.platform
    if deep_linking:
        if not (message.check_teacher_access() or message.check_staff_access() or message.check_designer_access()):
            return problem(
                request, _("Only a teacher or administrator of the platform can choose a course."), status=403
            )
        return render(
            request,
            "lti/deep_link_pick.html",
            {"lti_platform": platform, "launch_id": message.get_launch_id(), "courses": _courses()},
        )
    if not resource:
        return problem(request, _("This kind of launch is not supported yet."), advice="")
    try:
        target = services.target_page(claims=claims)
        person = services.person_for_launch(platform=platform, claims=claims)
    except services.LaunchRefused as refusal:
        return problem(request, refusal.message, status=refusal.status, advice="")
    login(request, person, backend="django.contrib.auth.backends.ModelBackend")
    services.record_launch(platform=platform, person=person, target=target, claims=claims)
    services.remember_grade_target(platform=platform, person=person, course=target.course, claims=claims)
    return redirect(target.page.url)


def _courses():
    return CoursePage.objects.live().public().defer_streamfields().order_by("title").only("id", "title", "summary")


@never_cache
def deep_link(request, launch_id: str):
    """Step 3 of deep linking: the teacher's choice goes back to the platform as a signed LtiResourceLink."""
    if request.method != "POST":
        return problem(request, _("Choose a course from the list your platform opened."), status=405)
    tool_conf = PlatformToolConf()
    try:
        message = MessageLaunch.from_cache(launch_id[:100], request, tool_conf)
        if not message.is_deep_link_launch():
            raise LtiException("not a deep linking launch")
        settings_claim = message.get_launch_data()[
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
        ]
        return_url = settings_claim["deep_link_return_url"]
        if not isinstance(return_url, str) or urlsplit(return_url).scheme not in {"http", "https"}:
            raise LtiException("bad return URL")
    except (LtiException, KeyError, TypeError, ValueError, AttributeError) as error:
        logger.info("LTI deep linking refused: %s", error)
        return problem(request, _("This course choice has expired or was not started from your platform."))
    raw = request.POST.get("course", "")
    course = _courses().filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 12 else None
    if course is None:
        return render(
            request,
            "lti/deep_link_pick.html",
            {
                "lti_platform": tool_conf.platform,
                "launch_id": message.get_launch_id(),
                "courses": _courses(),
                "error": _("Choose a course."),
            },
            status=400,
        )
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_title(course.title)
        .set_custom_params({services.PAGE_PARAMETER: str(course.pk)})
        .set_lineitem(LineItem().set_label(course.title).set_score_maximum(100).set_resource_id(str(course.pk)))
    )
    token = message.get_deep_link().get_response_jwt([resource])
    response = render(request, "lti/deep_link_return.html", {"return_url": return_url, "jwt": token, "course": course})
    parts = urlsplit(return_url)
    response._csp_update = {"form-action": [f"{parts.scheme}://{parts.netloc}"]}
    return response


def jwks(request):
    """Our public keys: the active one and the previous one (docs/standards.md, key rotation)."""
    response = JsonResponse(published_keys())
    response["Cache-Control"] = "public, max-age=300"
    return response
