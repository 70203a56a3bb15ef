"""
Officers' ratings of the courses they complete (``FeedbackResponse``) and the record of
asking for them (``FeedbackAsk``). Both belong to one ``courses.CourseCompletion``: one
answer per person per completion cycle, enforced by the database. Neither is edited in the
admin: officers write them through ``feedback.views``; trainers and managers read them in
the satisfaction report (``feedback.reports``), the public reads only the published rates.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

#: A comment's longest length, in characters.
COMMENT_MAX_LENGTH = 1000
#: The ratings: 1 (not at all) to 5 (very); "found it useful" means 4 or 5 (``USEFUL_FROM``).
RATING_MIN, RATING_MAX = 1, 5
USEFUL_FROM = 4
#: After one skip the officer is asked once more; after a second skip, never again.
MAX_SKIPS = 2


class Rating(models.IntegerChoices):
    ONE = 1, _("1 – not at all")
    TWO = 2, _("2")
    THREE = 3, _("3")
    FOUR = 4, _("4")
    FIVE = 5, _("5 – very much")


def _rating_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=Rating.choices,
        validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)],
    )


class FeedbackResponse(models.Model):
    """
    One officer's rating of one completed course: how useful it was for their job and how
    much confidence it gave them (1–5 each), and an optional comment. Written once, by
    ``feedback.services.submit_feedback``; never edited. The officer's unit is copied at the
    time so that by-unit figures keep the unit they served in when they answered.
    """

    completion = models.ForeignKey(
        "courses.CourseCompletion",
        on_delete=models.PROTECT,
        related_name="feedback_responses",
        verbose_name=_("completion"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="feedback_responses",
        verbose_name=_("officer"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="feedback_responses",
        verbose_name=_("course"),
    )
    course_title = models.CharField(_("course title"), max_length=255)
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_responses",
        verbose_name=_("unit at the time"),
    )
    unit_name = models.CharField(_("unit name at the time"), max_length=255, blank=True)
    usefulness = _rating_field(_("useful for the job"))
    confidence = _rating_field(_("confidence gained"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("course feedback")
        verbose_name_plural = _("course feedback")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["completion"], name="feedback_once_per_completion"),
            models.CheckConstraint(
                condition=Q(usefulness__gte=RATING_MIN, usefulness__lte=RATING_MAX), name="feedback_usefulness_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=RATING_MIN, confidence__lte=RATING_MAX), name="feedback_confidence_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["course", "unit"], name="feedback_course_unit")]
        permissions = [
            ("view_feedback_reports", _("Can see the course satisfaction report")),
            ("view_all_feedback", _("Can see every course's feedback across the force")),
        ]

    def __str__(self):
        return f"{self.course_title} ({self.submitted_at:%d %b %Y})"


class FeedbackAsk(models.Model):
    """
    That an officer was asked to rate a completed course, and how often they skipped: asked
    at completion, asked once more after a first skip (no sooner than
    ``feedback.services.ASK_AGAIN_AFTER``), never after a second. Written by
    ``feedback.services.skip_feedback``; not edited anywhere.
    """

    completion = models.OneToOneField(
        "courses.CourseCompletion", on_delete=models.PROTECT, related_name="feedback_ask", verbose_name=_("completion")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="feedback_asks", verbose_name=_("officer")
    )
    skips = models.PositiveSmallIntegerField(_("times skipped"), default=0)
    first_skipped_at = models.DateTimeField(_("first skipped"), null=True, blank=True)
    last_skipped_at = models.DateTimeField(_("last skipped"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        constraints = [
            models.CheckConstraint(condition=Q(skips__lte=MAX_SKIPS), name="feedback_ask_at_most_two_skips"),
        ]

    def __str__(self):
        return f"{self.user} – {self.completion_id} ({self.skips})"
