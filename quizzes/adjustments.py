"""
Granting and withdrawing reasonable adjustments: the one way they are written (the admin's
add and delete views call these).

An officer's adjustments add up: on any one quiz, those for that quiz plus those for every
quiz. The total may not pass ``ADJUSTMENT_MAX_EXTRA_TIME_PERCENT`` extra time or
``ADJUSTMENT_MAX_EXTRA_ATTEMPTS`` extra attempts. ``grant_adjustment`` locks the officer's
row before adding up what they have, so two grants at the same moment cannot pass the
limit together; nobody grants one to themselves (``Adjustment.clean``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from accounts.grants import refuse_out_of_scope
from accounts.scoping import granter_name
from audit.models import Action
from audit.services import record_event

from .models import Adjustment, QuizPage

SEE_EVERYONE = "quizzes.grant_to_anyone"


@dataclass(frozen=True)
class Headroom:
    """How much more extra time and how many more extra attempts may still be granted."""

    extra_time_percent: int
    extra_attempts: int


def headroom(*, person, quiz: QuizPage | None) -> Headroom:
    """
    What is left under the limits for ``person`` on ``quiz``, or on every quiz when ``quiz``
    is None (then the quiz with the most adjustments already decides).
    """
    rows = (
        Adjustment.objects.filter(user=person)
        .values("quiz_id")
        .annotate(time=Sum("extra_time_percent"), attempts=Sum("extra_attempts"))
        .order_by()
    )
    every = {"time": 0, "attempts": 0}
    per_quiz = {}
    for row in rows:
        if row["quiz_id"] is None:
            every = row
        else:
            per_quiz[row["quiz_id"]] = row
    if quiz is not None:
        specific = per_quiz.get(quiz.pk, {"time": 0, "attempts": 0})
        time, attempts = specific["time"], specific["attempts"]
    else:
        time = max((row["time"] for row in per_quiz.values()), default=0)
        attempts = max((row["attempts"] for row in per_quiz.values()), default=0)
    return Headroom(
        extra_time_percent=max(settings.ADJUSTMENT_MAX_EXTRA_TIME_PERCENT - every["time"] - time, 0),
        extra_attempts=max(settings.ADJUSTMENT_MAX_EXTRA_ATTEMPTS - every["attempts"] - attempts, 0),
    )


def check_allowance(*, person, quiz: QuizPage | None, extra_time_percent: int, extra_attempts: int) -> None:
    """Refuse (``ValidationError``) an adjustment that would take the officer's totals past the limits."""
    left = headroom(person=person, quiz=quiz)
    errors = {}
    if extra_time_percent > left.extra_time_percent:
        errors["extra_time_percent"] = _(
            "Extra time on any quiz may add up to at most %(limit)s%% for one officer; "
            "%(left)s%% is left to grant to them here."
        ) % {"limit": settings.ADJUSTMENT_MAX_EXTRA_TIME_PERCENT, "left": left.extra_time_percent}
    if extra_attempts > left.extra_attempts:
        errors["extra_attempts"] = _(
            "Extra attempts on any quiz may add up to at most %(limit)s for one officer; "
            "%(left)s is left to grant to them here."
        ) % {"limit": settings.ADJUSTMENT_MAX_EXTRA_ATTEMPTS, "left": left.extra_attempts}
    if errors:
        raise ValidationError(errors)


def _audit_data(adjustment: Adjustment) -> dict:
    # The figures and the quiz, which is what changes an officer's attempts; not the reason,
    # which often names a condition.
    return {
        "quiz_id": adjustment.quiz_id,
        "extra_time_percent": adjustment.extra_time_percent,
        "extra_attempts": adjustment.extra_attempts,
    }


@transaction.atomic
def grant_adjustment(
    *,
    person,
    quiz: QuizPage | None,
    extra_time_percent: int,
    extra_attempts: int,
    reason: str,
    granted_by,
    request=None,
) -> Adjustment:
    """Grant an adjustment; raises ``ValidationError`` if a rule or the limits refuse it."""
    refuse_out_of_scope(granted_by, person, SEE_EVERYONE)
    # Lock the officer's row: a second grant for them waits here until this one commits, then
    # adds up the totals including it.
    get_user_model().objects.select_for_update().filter(pk=person.pk).first()
    adjustment = Adjustment(
        user=person,
        quiz=quiz,
        extra_time_percent=extra_time_percent or 0,
        extra_attempts=extra_attempts or 0,
        reason=reason,
        granted_by=granted_by,
        granted_by_name=granter_name(granted_by),
    )
    adjustment.full_clean()
    check_allowance(
        person=person,
        quiz=quiz,
        extra_time_percent=adjustment.extra_time_percent,
        extra_attempts=adjustment.extra_attempts,
    )
    adjustment.save()
    log(instance=adjustment, action="wagtail.create", user=granted_by, content_changed=True)
    record_event(
        action=Action.ADJUSTMENT_GRANTED,
        actor=granted_by,
        subject=person,
        request=request,
        target=f"adjustment:{adjustment.pk}",
        data=_audit_data(adjustment),
    )
    return adjustment


@transaction.atomic
def withdraw_adjustment(*, adjustment: Adjustment, withdrawn_by, request=None) -> None:
    """Withdraw (delete) an adjustment; the audit event keeps what it was and who granted it."""
    data = _audit_data(adjustment) | {"granted_by": adjustment.granted_by_name or granter_name(adjustment.granted_by)}
    target = f"adjustment:{adjustment.pk}"
    log(instance=adjustment, action="wagtail.delete", user=withdrawn_by)
    adjustment.delete()
    record_event(
        action=Action.ADJUSTMENT_WITHDRAWN,
        actor=withdrawn_by,
        subject=adjustment.user,
        request=request,
        target=target,
        data=data,
    )
