"""Reminders before due dates and expiry, recurring while overdue, managers' digests, the delivery log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

__all__ = [
    "NotificationSettings",
    "Reminder",
    "ReminderKind",
    "ReminderSchedule",
    "ReminderStatus",
    "parse_days",
]


def parse_days(value: str) -> list[int]:
    """ "14, 3" → [14, 3]: the days before a date that reminders go out, largest first."""
    days = set()
    for part in (value or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 0 <= int(part) <= 365:
            raise ValueError(part)
        days.add(int(part))
    return sorted(days, reverse=True)


def validate_days(value: str) -> None:
    try:
        parse_days(value)
    except ValueError as error:
        raise ValidationError(
            _("Give whole numbers of days from 0 to 365, separated by commas, for example “14, 3”.")
        ) from error


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


@register_setting(icon="mail")
class NotificationSettings(BaseSiteSetting):
    """
    The site-wide reminder schedule, used for every requirement without a schedule of its
    own (``ReminderSchedule``), and the digests' day and the force training lead's address.
    Edited in the admin under Settings → Reminders.
    """

    enabled = models.BooleanField(_("send reminders"), default=True)
    before_due_days = models.CharField(
        _("before the due date (days)"),
        max_length=60,
        default="14, 3",
        blank=True,
        validators=[validate_days],
        help_text=_("Days before the due date, separated by commas, for example “14, 3”. Empty: none."),
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("while overdue, every (days)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    overdue_max = models.PositiveSmallIntegerField(
        _("while overdue, at most (reminders)"),
        default=3,
        validators=[MaxValueValidator(52)],
        help_text=_("0: no reminders once overdue."),
    )
    before_expiry_days = models.CharField(
        _("before a completion expires (days)"),
        max_length=60,
        default="30",
        blank=True,
        validators=[validate_days],
        help_text=_("Days before a completion runs out, separated by commas. Empty: none."),
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("managers' weekly digest on"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    lead_digest_day = models.PositiveSmallIntegerField(
        _("training lead's monthly digest on day"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
    )
    lead_email = models.EmailField(
        _("force training lead's address"),
        blank=True,
        help_text=_("Receives the force-wide monthly digest. Empty: no monthly digest."),
    )

    panels = [
        FieldPanel("enabled"),
        MultiFieldPanel(
            [
                FieldPanel("before_due_days"),
                FieldRowPanel([FieldPanel("overdue_every_days"), FieldPanel("overdue_max")]),
                FieldPanel("before_expiry_days"),
            ],
            heading=_("Default schedule"),
        ),
        MultiFieldPanel(
            [FieldPanel("digest_weekday"), FieldPanel("lead_digest_day"), FieldPanel("lead_email")],
            heading=_("Digests"),
        ),
    ]

    class Meta:
        verbose_name = _("reminders")

    @classmethod
    def current(cls) -> "NotificationSettings":
        """The default site's settings (the cron command runs outside any request)."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()


class ReminderSchedule(models.Model):
    """
    One requirement's own reminder schedule; an empty field falls back to the site-wide
    default (``NotificationSettings``). Edited in the admin under Compliance → Reminder
    schedules (the compliance app knows nothing of it). Configuration, not learner data: it
    goes with its requirement.
    """

    requirement = models.OneToOneField(
        "compliance.Requirement",
        on_delete=models.CASCADE,
        related_name="reminder_schedule",
        verbose_name=_("requirement"),
    )
    enabled = models.BooleanField(_("send reminders for this requirement"), default=True)
    before_due_days = models.CharField(
        _("before the due date (days)"),
        max_length=60,
        blank=True,
        validators=[validate_days],
        help_text=_("For example “14, 3”. Empty: the site-wide default."),
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("while overdue, every (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Empty: the site-wide default."),
    )
    overdue_max = models.PositiveSmallIntegerField(
        _("while overdue, at most (reminders)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(52)],
        help_text=_("Empty: the site-wide default; 0: none."),
    )
    before_expiry_days = models.CharField(
        _("before a completion expires (days)"),
        max_length=60,
        blank=True,
        validators=[validate_days],
        help_text=_("Empty: the site-wide default."),
    )

    panels = [
        FieldPanel("requirement"),
        FieldPanel("enabled"),
        FieldPanel("before_due_days"),
        FieldRowPanel([FieldPanel("overdue_every_days"), FieldPanel("overdue_max")]),
        FieldPanel("before_expiry_days"),
    ]

    class Meta:
        verbose_name = _("reminder schedule")
        verbose_name_plural = _("reminder schedules")

    def __str__(self):
        return str(self.requirement)


class ReminderKind(models.TextChoices):
    BEFORE_DUE = "before_due", _("Before the due date")
    OVERDUE = "overdue", _("Overdue")
    BEFORE_EXPIRY = "before_expiry", _("Before expiry")
    MANAGER_DIGEST = "manager_digest", _("Manager's weekly digest")
    LEAD_DIGEST = "lead_digest", _("Training lead's monthly digest")


#: Kinds about one person's one assignment (the others are digests).
PERSONAL_KINDS = (ReminderKind.BEFORE_DUE, ReminderKind.OVERDUE, ReminderKind.BEFORE_EXPIRY)


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    RETRYING = "retrying", _("Failed, will be tried again")
    FAILED = "failed", _("Failed, gave up")


class Reminder(models.Model):
    """
    The delivery log: one email that is due (a reminder to one person about one assignment,
    or a digest), logged before it is sent and updated as it is sent or fails. Created by
    ``manage.py queue_reminders`` (``notifications.services.queue_due``), sent by the
    ``notifications.tasks.send_reminders`` task; read-only in the admin (Reports → Reminder
    delivery log), and listed to the person on their "Reminders sent to you" page.

    The constraints make each reminder exist once: per assignment, kind, the date the cycle
    is about (``cycle_due``: the due date, or the day the completion runs out) and its
    ``sequence`` (the days before for "before" reminders, the number for overdue ones); per
    recipient address, kind and period for digests. Two runs or two workers therefore never
    log, nor send, the same one twice. Learner data: nothing cascades into it.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("person"),
        db_index=False,  # indexed by (user, -created_at) below
    )
    email = models.EmailField(_("sent to"), max_length=254)
    requirement = models.ForeignKey(
        "compliance.Requirement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requirement"),
        # Fewer indexes to keep up on a force-wide first run; the log is filtered by kind and status.
        db_index=False,
    )
    # Indexed by the unique (assignment, kind, cycle_due, sequence) constraint.
    assignment = models.ForeignKey(
        "compliance.Assignment", on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
        db_index=False,
    )
    course_title = models.CharField(_("course"), max_length=255, blank=True)
    cycle_due = models.DateField(_("about the date"))
    sequence = models.PositiveSmallIntegerField(_("sequence"), default=0)
    scheduled_for = models.DateField(_("due to go"))
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "cycle_due", "sequence"],
                condition=Q(assignment__isnull=False),
                name="notifications_one_reminder_per_cycle",
            ),
            models.UniqueConstraint(
                fields=["email", "kind", "cycle_due"],
                condition=Q(assignment__isnull=True),
                name="notifications_one_digest_per_period",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in PERSONAL_KINDS], assignment__isnull=False)
                | (~Q(kind__in=[kind.value for kind in PERSONAL_KINDS]) & Q(assignment__isnull=True)),
                name="notifications_reminder_has_assignment",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notifications_reminder_due"),
            models.Index(fields=["user", "-created_at"], name="notifications_reminder_user"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}" if self.pk else str(_("New reminder"))
