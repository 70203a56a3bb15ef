"""
What a launch does once pylti1p3 has checked it, and the grades owed back:

- ``use_nonce``: records a launch's nonce once (the replay check pylti1p3 lacks);
- ``person_for_launch``: our person named by the platform's configured claim, linked by ``sub``;
- ``target_page``: which course or module the launch opens;
- ``remember_grade_target`` / ``owe_scores`` / ``post_score``: Assignment and Grade Services.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from accounts.models import normalise_identifier
from audit.models import Action
from audit.services import record_event
from courses.models import CoursePage

from .models import GradeTarget, IdentifyBy, LinkedAccount, Platform, ScorePost, ScoreStatus, UsedNonce

logger = logging.getLogger(__name__)

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
#: The custom parameter naming the page a launch opens (set by our deep linking response).
PAGE_PARAMETER = "page_id"


class LaunchRefused(Exception):
    """A valid launch we will not act on; ``message`` is shown to the person, ``status`` is the page's."""

    def __init__(self, message, status: int = 403):
        super().__init__(str(message))
        self.message = message
        self.status = status


def use_nonce(*, platform: Platform | None, nonce, expires) -> bool:
    """
    Record ``nonce`` for ``platform``; False if it was recorded before (a replay). Atomic: the
    unique constraint decides between two posts of the same launch arriving together.
    """
    if platform is None or not isinstance(nonce, str) or not nonce or len(nonce) > 255:
        return False
    now = timezone.now()
    try:
        until = datetime.datetime.fromtimestamp(int(expires), tz=datetime.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return False
    # Kept until the token expires (it is refused as expired after that), plus a margin for clocks.
    until = min(until, now + datetime.timedelta(days=1)) + datetime.timedelta(minutes=5)
    UsedNonce.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            UsedNonce.objects.create(platform=platform, nonce=nonce, expires_at=until)
    except IntegrityError:
        return False
    return True


def _claim_text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def person_for_launch(*, platform: Platform, claims: dict):
    """
    Our person for a launch: the account linked to the platform's ``sub`` if there is one,
    else the one the configured claim names (and the link is made). Never creates a person or
    grants a role; refuses people who may use the admin (they sign in with their second factor).
    """
    User = get_user_model()
    subject = _claim_text(claims.get("sub"))
    link = LinkedAccount.objects.filter(platform=platform, subject=subject).select_related("user").first()
    if link is not None:
        person = link.user
    else:
        person = _match(platform, claims, User)
        if person is None:
            raise LaunchRefused(
                _(
                    "We could not find your account on this training platform. Ask your force's training team "
                    "to check that your details match in both systems."
                ),
                status=403,
            )
    if not person.is_active:
        raise LaunchRefused(_("Your account on this training platform is not active."), status=403)
    if person.is_superuser or person.is_staff or person.has_perm("wagtailadmin.access_admin"):
        record_event(
            action=Action.LTI_LAUNCH_REFUSED,
            actor=None,
            subject=person,
            target=platform_target(platform),
            data=platform_details(platform, subject),
        )
        raise LaunchRefused(
            _(
                "Your account can manage this training platform, so it is not signed in from another "
                "platform. Sign in directly, with your password and second factor."
            ),
            status=403,
        )
    if link is None:
        with transaction.atomic():
            _link, created = LinkedAccount.objects.get_or_create(
                platform=platform, subject=subject, defaults={"user": person}
            )
            if created:
                record_event(
                    action=Action.LTI_ACCOUNT_LINKED,
                    actor=None,
                    subject=person,
                    target=platform_target(platform),
                    data=platform_details(platform, subject) | {"matched_by": platform.identify_by},
                )
    return person


def platform_target(platform: Platform) -> str:
    """How the audit trail names a platform: ``lti_platform:<id>``, with its name and issuer in the details."""
    return f"lti_platform:{platform.pk}"


def platform_details(platform: Platform, subject: str) -> dict:
    return {"platform": platform.name, "issuer": platform.issuer, "platform_user": subject}


def record_launch(*, platform: Platform, person, target: Target, claims: dict) -> None:
    """The sign-in a launch made, naming the platform that vouched for it and what it opened."""
    record_event(
        action=Action.LTI_LAUNCHED,
        actor=person,
        subject=person,
        target=platform_target(platform),
        data=platform_details(platform, _claim_text(claims.get("sub"))) | {"page": target.page.pk},
    )


def _match(platform: Platform, claims: dict, User):
    custom = claims.get(CUSTOM) if isinstance(claims.get(CUSTOM), dict) else {}
    people = User.objects.filter(is_active=True)
    if platform.identify_by == IdentifyBy.EMAIL:
        email = _claim_text(claims.get("email"))
        found = list(people.filter(email__iexact=email)[:2]) if email else []
    elif platform.identify_by == IdentifyBy.STAFF_NUMBER:
        number = normalise_identifier(_claim_text(custom.get(platform.custom_claim)))
        found = list(people.filter(staff_number=number)[:2]) if number else []
    elif platform.identify_by == IdentifyBy.WARRANT_NUMBER:
        number = normalise_identifier(_claim_text(custom.get(platform.custom_claim)))
        found = list(people.filter(warrant_number=number)[:2]) if number else []
    else:
        found = []
    return found[0] if len(found) == 1 else None


@dataclass
class Target:
    page: Page
    course: CoursePage


def target_page(*, claims: dict) -> Target:
    """The live course, or module of a course, the launch names by its ``page_id`` custom parameter."""
    custom = claims.get(CUSTOM) if isinstance(claims.get(CUSTOM), dict) else {}
    raw = custom.get(PAGE_PARAMETER)
    page_id = int(raw) if isinstance(raw, (str, int)) and str(raw).isdigit() and len(str(raw)) < 12 else None
    page = Page.objects.live().filter(pk=page_id).first() if page_id else None
    if page is not None:
        course = CoursePage.objects.live().filter(pk=page.pk).first() or (
            CoursePage.objects.live().ancestor_of(page).first()
        )
        if course is not None:
            return Target(page=page, course=course)
    raise LaunchRefused(
        _("This link does not open a course here. Ask whoever set up the activity to choose the course again."),
        status=404,
    )


def remember_grade_target(*, platform: Platform, person, course: CoursePage, claims: dict) -> GradeTarget | None:
    """Keep where this person's result for ``course`` goes, if the platform offers a line item to score."""
    endpoint = claims.get(AGS)
    if not isinstance(endpoint, dict):
        return None
    lineitem, scopes = endpoint.get("lineitem"), endpoint.get("scope")
    if not isinstance(lineitem, str) or not lineitem.startswith(("https://", "http://")) or len(lineitem) > 500:
        return None
    if not isinstance(scopes, list) or SCORE_SCOPE not in scopes:
        return None
    target, _created = GradeTarget.objects.update_or_create(
        platform=platform,
        user=person,
        lineitem=lineitem,
        defaults={"course": course, "subject": _claim_text(claims.get("sub")), "scopes": [str(s) for s in scopes]},
    )
    return target


def owe_scores(*, completion) -> list[int]:
    """
    Scores owed for a completion, one per line item the person was launched with for that
    course; written in the completion's transaction, sent after it commits.
    """
    targets = GradeTarget.objects.filter(user_id=completion.user_id, course_id=completion.course_id)
    score = completion.score if completion.score is not None else Decimal(100)
    # The task sends it now; should the task be lost (a worker stopped between the commit and the
    # queue), ``post_lti_scores`` finds it due after the retry delay.
    fallback = timezone.now() + datetime.timedelta(minutes=settings.LTI_SCORE_RETRY_MINUTES)
    owed = []
    for target in targets:
        post, _created = ScorePost.objects.get_or_create(
            target=target,
            completion=completion,
            defaults={
                "score_given": score,
                "score_maximum": Decimal(100),
                "completed_at": completion.completed_at,
                "next_attempt_at": fallback,
            },
        )
        owed.append(post.pk)
    if owed:
        from .tasks import post_score

        for pk in owed:
            transaction.on_commit(lambda pk=pk: post_score.enqueue(pk))
    return owed


def post_score(*, post_id: int) -> str:
    """
    Send one owed score through Assignment and Grade Services (pylti1p3: a client-credentials
    token signed with our active key, then the score to the line item's ``/scores``). A failure
    is kept and tried again after ``LTI_SCORE_RETRY_MINUTES``, doubling, at most
    ``LTI_SCORE_MAX_ATTEMPTS`` times.
    """
    from pylti1p3.assignments_grades import AssignmentsGradesService
    from pylti1p3.contrib.django import DjangoServiceConnector
    from pylti1p3.grade import Grade

    from .keys import active_key
    from .tool import registration_for

    with transaction.atomic():
        post = ScorePost.objects.select_for_update().select_related("target__platform").filter(pk=post_id).first()
        if post is None or post.status != ScoreStatus.PENDING:
            return "nothing to do"
        post.attempts += 1
        post.save(update_fields=["attempts"])
    target = post.target
    grade = (
        Grade()
        .set_score_given(float(post.score_given))
        .set_score_maximum(float(post.score_maximum))
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_user_id(target.subject)
        .set_timestamp(post.completed_at.isoformat())
    )
    try:
        connector = DjangoServiceConnector(registration_for(target.platform, active_key()))
        service = AssignmentsGradesService(connector, {"scope": target.scopes, "lineitem": target.lineitem})
        service.put_grade(grade)
    except Exception as error:  # any failure of the platform or the network: kept and tried again
        logger.warning("LTI score %s not accepted: %s", post.pk, error)
        _failed(post, error)
        return "failed"
    post.status, post.sent_at, post.last_error = ScoreStatus.SENT, timezone.now(), ""
    post.save(update_fields=["status", "sent_at", "last_error"])
    return "sent"


def _failed(post: ScorePost, error: Exception) -> None:
    post.last_error = str(error)[:2000]
    if post.attempts >= settings.LTI_SCORE_MAX_ATTEMPTS:
        post.status, post.next_attempt_at = ScoreStatus.FAILED, None
    else:
        delay = settings.LTI_SCORE_RETRY_MINUTES * 2 ** (post.attempts - 1)
        post.next_attempt_at = timezone.now() + datetime.timedelta(minutes=delay)
    post.save(update_fields=["last_error", "status", "next_attempt_at"])


def post_due_scores() -> dict:
    """Send every pending score whose retry time has come (``manage.py post_lti_scores``)."""
    now = timezone.now()
    due = ScorePost.objects.filter(status=ScoreStatus.PENDING, next_attempt_at__lte=now).values_list("pk", flat=True)
    results: dict[str, int] = {}
    for pk in list(due):
        outcome = post_score(post_id=pk)
        results[outcome] = results.get(outcome, 0) + 1
    return results
