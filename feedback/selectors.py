"""
Reading feedback: whether to ask an officer (``prompt_for``), the published rates for the
public pages (``published_rates``), and the satisfaction report's figures (``satisfaction_rows``).
Every figure is aggregated in SQL, in a fixed number of queries whatever the responses.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.scoping import sees_everyone
from accounts.selectors import units_managed_by
from courses.models import CourseCompletion, CoursePage

from .models import MAX_SKIPS, USEFUL_FROM, FeedbackAsk, FeedbackResponse
from .services import ASK_AGAIN_AFTER

#: Counts below this are never shown, on public pages or to comment readers: "fewer than 5".
SUPPRESS_BELOW = 5
SEE_ALL_PERMISSION = "feedback.view_all_feedback"


class Prompt:
    FIRST = "first"
    AGAIN = "again"


def prompt_for(*, completion: CourseCompletion | None, now: datetime.datetime | None = None) -> str | None:
    """
    Whether to ask the officer to rate ``completion``: ``Prompt.FIRST``, ``Prompt.AGAIN`` (the
    one more time after a skip), or None (answered, skipped twice, or skipped too recently).
    Two queries.
    """
    if completion is None:
        return None
    if FeedbackResponse.objects.filter(completion=completion).exists():
        return None
    ask = FeedbackAsk.objects.filter(completion=completion).first()
    if ask is None or ask.skips == 0:
        return Prompt.FIRST
    if ask.skips >= MAX_SKIPS:
        return None
    now = now or timezone.now()
    return Prompt.AGAIN if ask.last_skipped_at <= now - ASK_AGAIN_AFTER else None


def publish_min_responses() -> int:
    """A course's rate is published once it has this many responses (never fewer than one)."""
    return max(1, settings.FEEDBACK_PUBLISH_MIN_RESPONSES)


def responses_text(count: int) -> str:
    """A count as the public pages show it: "fewer than 5" below ``SUPPRESS_BELOW``."""
    if count < SUPPRESS_BELOW:
        return str(_("fewer than %(number)s responses") % {"number": SUPPRESS_BELOW})
    return str(_("%(count)s responses") % {"count": count})


@dataclass(frozen=True)
class PublishedRate:
    """What the public pages say about one course."""

    course: CoursePage
    responses: int
    useful: int
    confident: int
    published: bool

    @property
    def useful_percent(self) -> int | None:
        return round(100 * self.useful / self.responses) if self.published else None

    @property
    def confident_percent(self) -> int | None:
        return round(100 * self.confident / self.responses) if self.published else None

    @property
    def responses_text(self) -> str:
        return responses_text(self.responses)


def public_courses() -> QuerySet[CoursePage]:
    return CoursePage.objects.live().public().defer_streamfields().order_by("title")


def published_rates(courses=None) -> list[PublishedRate]:
    """
    Every live, public course with its response counts; ``published`` once it has
    ``publish_min_responses()`` responses and at least ``SUPPRESS_BELOW``. Two queries (one
    when ``courses`` is a list of pages).
    """
    courses = list(public_courses() if courses is None else courses)
    counts = {
        row["course_id"]: row
        for row in FeedbackResponse.objects.filter(course__in=[course.pk for course in courses])
        .values("course_id")
        .annotate(
            responses=Count("pk"),
            useful=Count("pk", filter=Q(usefulness__gte=USEFUL_FROM)),
            confident=Count("pk", filter=Q(confidence__gte=USEFUL_FROM)),
        )
        .order_by()
    }
    threshold = max(publish_min_responses(), SUPPRESS_BELOW)
    rates = []
    for course in courses:
        row = counts.get(course.pk, {"responses": 0, "useful": 0, "confident": 0})
        rates.append(
            PublishedRate(
                course=course,
                responses=row["responses"],
                useful=row["useful"],
                confident=row["confident"],
                published=row["responses"] >= threshold,
            )
        )
    return rates


def published_rate(course: CoursePage) -> PublishedRate:
    return published_rates([course])[0]


# The satisfaction report


def responses_visible_to(user) -> QuerySet[FeedbackResponse]:
    """
    The responses ``user`` may read: every one for trainers and administrators, those given
    in the units a manager manages (the unit at the time of answering), none otherwise.
    """
    responses = FeedbackResponse.objects.all()
    if not user.is_authenticated or not user.is_active:
        return responses.none()
    if sees_everyone(user, SEE_ALL_PERMISSION):
        return responses
    return responses.filter(unit__in=units_managed_by(user))


def units_in_scope(user):
    from accounts.models import Unit

    if sees_everyone(user, SEE_ALL_PERMISSION):
        return Unit.objects.order_by("path")
    return units_managed_by(user).order_by("path")


def courses_with_feedback(user) -> QuerySet[CoursePage]:
    return CoursePage.objects.filter(
        pk__in=responses_visible_to(user).filter(course__isnull=False).values("course_id")
    ).order_by("title")


DISTRIBUTION = range(1, 6)


def satisfaction_rows(responses: QuerySet[FeedbackResponse], *, by_unit: bool = False) -> QuerySet:
    """
    One row per course (and per unit at the time, with ``by_unit``) of ``responses``:
    count, averages, the share who found it useful, and the distribution of each rating.
    """
    group = ["course_id", "course_title"] + (["unit_name"] if by_unit else [])
    annotations = {
        "responses": Count("pk"),
        "average_usefulness": Avg("usefulness"),
        "average_confidence": Avg("confidence"),
        "useful": Count("pk", filter=Q(usefulness__gte=USEFUL_FROM)),
        "comments": Count("pk", filter=~Q(comment="")),
    }
    for value in DISTRIBUTION:
        annotations[f"usefulness_{value}"] = Count("pk", filter=Q(usefulness=value))
        annotations[f"confidence_{value}"] = Count("pk", filter=Q(confidence=value))
    return responses.values(*group).annotate(**annotations).order_by(*group)


def comment_readable(responses_in_group: int) -> bool:
    """Comments are shown only where the group has enough responses not to point at one person."""
    return responses_in_group >= SUPPRESS_BELOW


def person_for(completion_id: int, user: User) -> CourseCompletion | None:
    """The signed-in officer's own completion ``completion_id``, or None."""
    return CourseCompletion.objects.filter(pk=completion_id, user=user).select_related("user__unit").first()
