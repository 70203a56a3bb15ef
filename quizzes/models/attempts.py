"""
What officers did. An ``Attempt`` is one go at a quiz; each ``AttemptQuestion`` is a frozen
copy of one question as it was asked (text, answers in the order shown, which were correct,
marks, the question's revision) together with the officer's response and its mark. Editing
or deleting the question in the bank changes none of it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")


class ClosedReason(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted by the officer")
    TIME_EXPIRED = "time_expired", _("Closed when the time ran out")


class Attempt(models.Model):
    """One officer's attempt at one quiz, scored on the server when it finishes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts", verbose_name=_("officer")
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", on_delete=models.SET_NULL, null=True, related_name="attempts", verbose_name=_("quiz")
    )
    quiz_title = models.CharField(_("quiz"), max_length=255)
    course_title = models.CharField(_("course"), max_length=255)
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        on_delete=models.PROTECT,
        null=True,
        related_name="quiz_attempts",
        verbose_name=_("enrolment"),
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    closed_reason = models.CharField(_("how it ended"), max_length=20, choices=ClosedReason.choices, blank=True)
    settings = models.JSONField(
        _("settings when started"),
        default=dict,
        encoder=DjangoJSONEncoder,
        help_text=_("Pass mark, review policy, layout and time allowed, as they were when the attempt started."),
    )
    current_position = models.PositiveSmallIntegerField(_("question open"), default=1)
    marks_awarded = models.DecimalField(_("marks"), max_digits=7, decimal_places=2, null=True, blank=True)
    marks_available = models.DecimalField(_("out of"), max_digits=7, decimal_places=2, default=Decimal(0))
    score = models.DecimalField(
        _("score (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="quizzes_attempt_number_unique"),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(status="in_progress"),
                name="quizzes_one_attempt_in_progress",
                violation_error_message=_("Finish the attempt in progress before starting another."),
            ),
        ]
        indexes = [models.Index(fields=["quiz", "status"], name="quizzes_attempt_quiz_status")]

    def __str__(self):
        return f"{self.user} – {self.quiz_title} #{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.status == AttemptStatus.FINISHED


class AttemptQuestion(models.Model):
    """
    One question as it was asked in one attempt, and the officer's answer. ``content`` holds
    everything needed to mark and review it, including which answers were correct; it is
    never sent to the browser before the quiz's review policy allows.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.PROTECT, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    question = models.ForeignKey(
        "quizzes.Question", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("question")
    )
    question_revision_id = models.PositiveBigIntegerField(_("question revision"), null=True, blank=True)
    question_title = models.CharField(_("question name"), max_length=200)
    question_type = models.CharField(_("type"), max_length=30)
    prompt = models.TextField(_("question"))
    content = models.JSONField(_("answers as asked"), encoder=DjangoJSONEncoder)
    marks = models.DecimalField(_("marks available"), max_digits=5, decimal_places=2)
    response = models.JSONField(_("officer's answer"), null=True, blank=True, encoder=DjangoJSONEncoder)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    marks_awarded = models.DecimalField(_("marks awarded"), max_digits=5, decimal_places=2, null=True, blank=True)
    correct = models.BooleanField(_("fully correct"), null=True)

    class Meta:
        verbose_name = _("question in an attempt")
        verbose_name_plural = _("questions in attempts")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_attempt_position_unique"),
        ]
        indexes = [models.Index(fields=["question", "correct"], name="quizzes_aq_question_correct")]

    def __str__(self):
        return f"{self.attempt} – Q{self.position}"


class Adjustment(models.Model):
    """
    A reasonable adjustment for one officer: extra time (a percentage of any time limit)
    and/or extra attempts, on one quiz or on every quiz, with who granted it and why.
    Granted (and withdrawn) through ``quizzes.adjustments``, in the admin by trainers and by
    managers (for officers in their units); never edited, a new one adds to it.

    Nobody adjusts for themselves (``clean``), and an officer's adjustments on any one quiz
    add up to at most ``ADJUSTMENT_MAX_EXTRA_TIME_PERCENT`` and
    ``ADJUSTMENT_MAX_EXTRA_ATTEMPTS`` (``quizzes.adjustments.check_allowance``). Who granted
    it is kept as the account and as its name then (``granted_by_name``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_adjustments", verbose_name=_("officer")
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjustments",
        verbose_name=_("quiz"),
        help_text=_("Leave empty to apply to every quiz."),
    )
    extra_time_percent = models.PositiveSmallIntegerField(
        _("extra time (%)"), default=0, validators=[MaxValueValidator(300)]
    )
    extra_attempts = models.PositiveSmallIntegerField(
        _("extra attempts"), default=0, validators=[MaxValueValidator(10)]
    )
    reason = models.TextField(_("reason"), max_length=1000)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("granted by")
    )
    granted_by_name = models.CharField(
        _("granted by (as named then)"),
        max_length=255,
        blank=True,
        help_text=_("Rank, name and warrant number of the person who granted it, when they granted it."),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("reasonable adjustment")
        verbose_name_plural = _("reasonable adjustments")
        ordering = ["-granted_at"]
        permissions = [("grant_to_anyone", _("Can grant adjustments to any officer, not only in their units"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(extra_time_percent__gt=0) | Q(extra_attempts__gt=0),
                name="quizzes_adjustment_adjusts_something",
                violation_error_message=_("Give extra time, extra attempts or both."),
            ),
        ]

    def __str__(self):
        # Neither the officer's name nor the figures: this label is stored in Wagtail's history
        # and shown in the site history report, where it would imply a health condition.
        return str(_("Adjustment #%(pk)s") % {"pk": self.pk}) if self.pk else str(_("New adjustment"))

    def clean(self):
        super().clean()
        if self.user_id and self.user_id == self.granted_by_id:
            raise ValidationError(
                {"user": _("Nobody can grant themselves an adjustment: ask a trainer or another manager.")}
            )
