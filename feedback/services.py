"""
Writing feedback: an officer's answer (``submit_feedback``) and their skipping the question
(``skip_feedback``). Both are keyed on the completion, and the database keeps one answer per
completion (``feedback_once_per_completion``), so two submits at once count once.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from courses.models import CourseCompletion

from .models import MAX_SKIPS, FeedbackAsk, FeedbackResponse

#: After a first skip, the question comes back no sooner than this.
ASK_AGAIN_AFTER = datetime.timedelta(days=7)


class AlreadyAnswered(Exception):
    """The officer has already rated this completion of the course."""


def submit_feedback(
    *, completion: CourseCompletion, usefulness: int, confidence: int, comment: str = ""
) -> FeedbackResponse:
    """
    Record the officer's rating of ``completion``'s course, with the unit they serve in now
    (kept, so that a later move does not rewrite the figures). Raises ``AlreadyAnswered`` if
    this completion already has an answer, even one written a moment ago by a second request.
    """
    user = completion.user
    unit = user.unit if user.unit_id else None
    try:
        with transaction.atomic():
            return FeedbackResponse.objects.create(
                completion=completion,
                user=user,
                course_id=completion.course_id,
                course_title=completion.course_title,
                unit=unit,
                unit_name=unit.name if unit else "",
                usefulness=usefulness,
                confidence=confidence,
                comment=comment.strip(),
                submitted_at=timezone.now(),
            )
    except IntegrityError as error:
        if FeedbackResponse.objects.filter(completion=completion).exists():
            raise AlreadyAnswered from error
        raise


def skip_feedback(*, completion: CourseCompletion, now: datetime.datetime | None = None) -> FeedbackAsk:
    """Record that the officer skipped the question for ``completion`` (counted at most ``MAX_SKIPS`` times)."""
    now = now or timezone.now()
    with transaction.atomic():
        ask, created = FeedbackAsk.objects.get_or_create(
            completion=completion,
            defaults={"user_id": completion.user_id, "skips": 1, "first_skipped_at": now, "last_skipped_at": now},
        )
        if not created:
            FeedbackAsk.objects.filter(pk=ask.pk).update(skips=Least(F("skips") + 1, MAX_SKIPS), last_skipped_at=now)
            ask.refresh_from_db()
    return ask
