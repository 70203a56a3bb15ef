"""Refreshers sent before festivals, dated from the festival-dates calendar."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from notifications.festivals import festival_choices, festival_label

__all__ = ["DeliveryStatus", "FestivalRefresher", "RefresherDelivery"]

#: A refresher is sent at most this many days before its festival.
MAX_DAYS_BEFORE = 90


class FestivalRefresher(models.Model):
    """
    A short email sent before a festival to the officers who carry a course's requirement and
    have completed it, pointing them to the module that covers the festival: "Rosh Hashanah
    begins in 14 days; here is what to remember". The date is computed each year from the
    festival calendar (``notifications.festivals``), never typed. Edited by trainers in the
    admin (Notifications → Festival refreshers, ``notifications.viewsets_refreshers``); the
    course is chosen from this side because ``courses`` never imports ``notifications``.
    """

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    festival = models.CharField(_("festival"), max_length=60, choices=festival_choices)
    days_before = models.PositiveSmallIntegerField(
        _("days before"),
        default=14,
        validators=[MaxValueValidator(MAX_DAYS_BEFORE)],
        help_text=_("Sent this many days before the festival's first day (at most 90)."),
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("module"),
        help_text=_("The module of this course that covers the festival: the email links straight to it."),
    )
    message = models.TextField(
        _("message"), max_length=1000, help_text=_("A few sentences: what to remember before the festival.")
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Untick to stop sending this refresher."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("festival refresher")
        verbose_name_plural = _("festival refreshers")
        ordering = ["course__title", "festival", "days_before"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "festival", "days_before"], name="notifications_one_refresher_per_festival_day"
            ),
        ]

    def __str__(self):
        return _("%(days)s days before %(festival)s: %(course)s") % {
            "days": self.days_before,
            "festival": self.festival_label,
            "course": self.course.title if self.course_id else "",
        }

    @property
    def festival_label(self) -> str:
        return festival_label(self.festival)

    def clean(self):
        super().clean()
        if self.module_id and self.course_id and not self.module.is_descendant_of(self.course):
            raise ValidationError({"module": _("Choose a module of the course this refresher belongs to.")})


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")
    ABANDONED = "abandoned", _("Failed, gave up")


class RefresherDelivery(models.Model):
    """
    The delivery log: one row per person, refresher and festival occurrence, written before
    the email is sent. The unique constraint is what makes ``manage.py queue_refreshers``
    idempotent: a second run (or two at once) cannot add a second row, and a row is sent only
    by whoever claims it (``notifications.refreshers.send_due_deliveries``). A failed send
    stays here with its error and the time of its next attempt. Read-only in the admin
    (Notifications → Refresher deliveries); never edited. Learner data: the refresher is
    ``SET_NULL`` with its festival and course title kept.
    """

    refresher = models.ForeignKey(
        FestivalRefresher,
        on_delete=models.SET_NULL,
        null=True,
        related_name="deliveries",
        verbose_name=_("refresher"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    festival = models.CharField(_("festival"), max_length=60)
    occurrence = models.DateField(_("festival begins"))
    course_title = models.CharField(_("course"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("refresher delivery")
        verbose_name_plural = _("refresher deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "refresher", "occurrence"], name="notifications_one_refresher_per_person_occurrence"
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notif_refresher_due")]

    def __str__(self):
        return f"{self.festival_label} {self.occurrence:%Y}: {self.user}"

    @property
    def festival_label(self) -> str:
        return festival_label(self.festival)
