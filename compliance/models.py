"""
Mandatory training.

A ``Requirement`` says a course is required of some people: a unit (optionally with its
sub-units), ranks or roles, or named people (``RequirementTarget`` rows), with a due rule.
An ``Assignment`` is one person falling under one requirement, from a date, with their own
due date; it ends (it is never deleted) when they stop falling under it. An ``Exemption``
excuses one person from one requirement for a while, with a reason and who granted it.

Each assignment's status is decided by ``compliance.status`` from the person's course
completions (``courses.CourseCompletion``), open enrolments and exemptions; reports read it
from ``ComplianceState``, the same facts stored per current assignment.
Requirements and exemptions are edited in the Wagtail admin under "Compliance".
"""

import calendar
import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from accounts.models import Rank
from core.stamping import StampedQuerySet
from core.storage import get_private_storage


class DueRule(models.TextChoices):
    FIXED_DATE = "fixed_date", _("By a fixed date")
    DAYS_AFTER = "days_after", _("A number of days after the person falls under the requirement")


class Requirement(ClusterableModel):
    """A course that some people must complete, by when."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="requirements", verbose_name=_("course")
    )
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("Optional, for example “Hate crime for response teams”.")
    )
    description = models.TextField(_("why it is required"), blank=True)
    due_rule = models.CharField(_("due"), max_length=20, choices=DueRule.choices, default=DueRule.DAYS_AFTER)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("days to complete"), null=True, blank=True, default=90, validators=[MinValueValidator(1)]
    )
    starts_on = models.DateField(
        _("applies from"),
        default=datetime.date.today,
        help_text=_("People already covered on this date are assigned from it; people who join later, from joining."),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Withdraw a requirement by unticking this."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("due_rule"),
                FieldRowPanel([FieldPanel("due_date"), FieldPanel("due_days")]),
                FieldPanel("starts_on"),
            ],
            heading=_("When it is due"),
        ),
        InlinePanel("targets", heading=_("Who must complete it"), label=_("People"), min_num=1),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("training requirement")
        verbose_name_plural = _("training requirements")
        ordering = ["course__title", "pk"]
        permissions = [("view_compliance_reports", _("Can see compliance reports for the people in their scope"))]

    def __str__(self):
        return self.name or str(self.course)

    def clean(self):
        super().clean()
        if self.due_rule == DueRule.FIXED_DATE and not self.due_date:
            raise ValidationError({"due_date": _("Give the date it is due by.")})
        if self.due_rule == DueRule.DAYS_AFTER and not self.due_days:
            raise ValidationError({"due_days": _("Give the number of days people have to complete it.")})

    def due_on_for(self, assigned_on: datetime.date) -> datetime.date:
        """The due date for someone who falls under the requirement on ``assigned_on``."""
        if self.due_rule == DueRule.FIXED_DATE:
            return max(self.due_date, assigned_on)
        return assigned_on + datetime.timedelta(days=self.due_days or 0)


class TargetKind(models.TextChoices):
    UNIT = "unit", _("A unit")
    RANK = "rank", _("A rank or role")
    PERSON = "person", _("A named person")


class RequirementTarget(models.Model):
    """One line of "who must complete it": a unit (with or without sub-units), a rank, or a person."""

    requirement = ParentalKey(Requirement, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("who"), max_length=10, choices=TargetKind.choices, default=TargetKind.UNIT)
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    include_subunits = models.BooleanField(_("and its sub-units"), default=True)
    rank = models.CharField(_("rank or role"), max_length=8, choices=Rank.choices, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("include_subunits")]),
        FieldPanel("rank"),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("who must complete it")

    def __str__(self):
        if self.kind == TargetKind.UNIT:
            return f"{self.unit}{' and sub-units' if self.include_subunits else ''}"
        if self.kind == TargetKind.RANK:
            return self.get_rank_display()
        return str(self.user)

    def clean(self):
        super().clean()
        needed = {TargetKind.UNIT: "unit", TargetKind.RANK: "rank", TargetKind.PERSON: "user"}[self.kind]
        if not getattr(self, f"{needed}_id" if needed != "rank" else "rank"):
            raise ValidationError({needed: _("Choose who this line covers.")})


class AssignmentSource(models.TextChoices):
    UNIT = "unit", _("Their unit")
    RANK = "rank", _("Their rank or role")
    PERSON = "person", _("Named")


class Assignment(models.Model):
    """
    One person under one requirement: from ``assigned_on``, due by ``due_on``, until
    ``ended_on`` (they moved, changed rank, or the requirement was withdrawn). Kept in step
    with requirements and people by ``compliance.services.sync_assignments``; never deleted,
    so that history is kept.
    """

    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("person")
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    source = models.CharField(_("because of"), max_length=10, choices=AssignmentSource.choices)
    assigned_on = models.DateField(_("assigned"))
    due_on = models.DateField(_("due"))
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "user"],
                condition=Q(ended_on__isnull=True),
                name="compliance_one_current_assignment",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "course"], name="compliance_assignment_user"),
            models.Index(fields=["course", "due_on"], name="compliance_assignment_course"),
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"


def evidence_path(instance, filename: str) -> str:
    # A random name: evidence files are served only through a permission-checked view.
    return f"exemption-evidence/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later (31 January + 1 month is the end of February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Exemption(models.Model):
    """
    One person excused from one requirement, from a date until a date. Granted (and
    withdrawn) through ``compliance.exemptions``, in the admin under Compliance → Exemptions.

    The rules every path obeys are in ``clean``: nobody exempts themselves; the exemption
    starts no earlier than the person's assignment to the requirement and ends no more than
    ``EXEMPTION_MAX_MONTHS`` ahead. Who granted it is kept twice: the account, and its name
    as it was then (``granted_by_name``), so renaming the account does not rewrite history.
    """

    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="exemptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exemptions", verbose_name=_("person")
    )
    reason = models.TextField(_("reason"), max_length=1000)
    evidence = models.FileField(
        _("evidence"),
        upload_to=evidence_path,
        storage=get_private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "png", "jpg", "jpeg", "docx", "odt"])],
        help_text=_(
            "Optional: a PDF, image or document, at most 5 MB. Only people who can see the exemption can open it."
        ),
    )
    starts_on = models.DateField(_("from"), default=datetime.date.today)
    # Nullable for exemptions granted before an end date was required; every new one has one.
    ends_on = models.DateField(
        _("until"), null=True, help_text=_("Grant a new exemption when this one runs out, if it is still needed.")
    )
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
        verbose_name = _("exemption")
        verbose_name_plural = _("exemptions")
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "requirement"], name="compliance_exemption_user")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="compliance_exemption_dates_in_order",
                violation_error_message=_("An exemption cannot end before it starts."),
            ),
        ]

    def __str__(self):
        # Not the person's name: this label is stored in Wagtail's history and shown in the
        # site history report, where an exemption beside a name can reveal a health condition.
        return str(_("Exemption #%(pk)s") % {"pk": self.pk}) if self.pk else str(_("New exemption"))

    def clean(self):
        super().clean()
        errors = {}
        if self.user_id and self.user_id == self.granted_by_id:
            errors["user"] = _("Nobody can exempt themselves: ask another manager or an administrator.")
        starts, ends = self.starts_on, self.ends_on
        latest = months_after(timezone.localdate(), settings.EXEMPTION_MAX_MONTHS)
        # A missing end date is refused by the field itself (every new exemption has one).
        if ends and starts and ends < starts:
            errors["ends_on"] = _("An exemption cannot end before it starts.")
        elif ends and ends > latest:
            errors["ends_on"] = _(
                "An exemption can run at most %(months)s months ahead: until %(latest)s at the latest."
            ) % {"months": settings.EXEMPTION_MAX_MONTHS, "latest": date_format(latest)}
        if self.user_id and self.requirement_id:
            # "The assignment" is the person's latest assignment to the requirement (current, or
            # the last one if it has ended): an exemption excuses them from that, so it cannot
            # begin before they fell under it.
            assignment = (
                Assignment.objects.filter(user_id=self.user_id, requirement_id=self.requirement_id)
                .order_by("-assigned_on")
                .first()
            )
            if assignment is None:
                errors["requirement"] = _(
                    "%(person)s is not required to complete this, so there is nothing to exempt them from."
                ) % {"person": self.user.display_name}
            elif starts and starts < assignment.assigned_on:
                errors["starts_on"] = _(
                    "An exemption cannot start before %(person)s was assigned this requirement, on %(date)s."
                ) % {"person": self.user.display_name, "date": date_format(assignment.assigned_on)}
        if errors:
            raise ValidationError(errors)


@register_setting(icon="warning")
class ComplianceSettings(BaseSiteSetting):
    """How far ahead "due soon" and "expiring" look. Settings → Compliance."""

    due_soon_days = models.PositiveSmallIntegerField(
        _("due soon (days)"), default=30, validators=[MaxValueValidator(365)]
    )
    expiring_days = models.PositiveSmallIntegerField(
        _("expiring (days)"), default=30, validators=[MaxValueValidator(365)]
    )

    panels = [FieldRowPanel([FieldPanel("due_soon_days"), FieldPanel("expiring_days")])]

    class Meta:
        verbose_name = _("compliance")

    @classmethod
    def current(cls) -> "ComplianceSettings":
        """The default site's settings (reports and tasks run outside any one request's site)."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls(due_soon_days=30, expiring_days=30)


def export_path(instance, filename: str) -> str:
    # A random name: prepared exports are served only through a permission-checked view.
    return f"compliance-exports/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready to download")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    """
    A spreadsheet of a managers' list too big to build in the request (more rows than
    ``COMPLIANCE_XLSX_SYNC_MAX_ROWS``), prepared by the ``compliance.tasks.build_export`` task.

    It keeps the report and filters asked for (the task applies them again, with the
    requester's scope as it is when it runs), and the file, private to the person who asked:
    served only by ``compliance.views.download_export``. Listed to them under Reports → Your
    exports; files and rows are deleted after ``COMPLIANCE_EXPORT_RETENTION_HOURS`` by
    ``manage.py purge_exports`` (and whenever the list is shown). Not edited in the admin.
    """

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    report = models.CharField(_("report"), max_length=20)
    querystring = models.TextField(_("filters"), blank=True)
    filename = models.CharField(_("file name"), max_length=150)
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    file = models.FileField(_("file"), upload_to=export_path, storage=get_private_storage, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "-created_at"], name="compliance_export_requester")]

    def __str__(self):
        return self.filename


class ComplianceState(models.Model):
    """
    Derived data: the facts one current assignment's status rests on, stored so that reports
    read a status with simple comparisons on indexed columns instead of recomputing it from
    every completion, enrolment and exemption (see ``compliance.status.with_stored_status``).

    One row per current assignment of an active person. The history tables (assignments,
    course completions, enrolments, exemptions) stay the source of truth: every row can be
    rebuilt from them at any time (``compliance.services.refresh_state`` / ``rebuild_state``),
    and is, in the same transaction as every event that changes it. ``manage.py
    check_compliance_state`` recomputes every row from the sources and reports (or, with
    ``--fix``, repairs) any drift. Never edited in the admin. The one-to-one link cascades from
    the assignment because this is derived data, never learner data.
    """

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="state")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    # Indexed together with other columns below (user, course), (course, sort_due, id).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False)
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+", db_index=False)
    # Where the person serves now, and its materialised path: scope filters and roll-ups
    # compare paths without joining the unit tree.
    unit = models.ForeignKey("accounts.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    unit_path = models.CharField(max_length=255, blank=True, default="")
    assigned_on = models.DateField()
    due_on = models.DateField()
    # The person's latest completion of the course (by completed_at), valid or not.
    completion = models.ForeignKey(
        "courses.CourseCompletion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    # How that completion came about (``courses.Provenance``), so reports filter on it; "" if none.
    provenance = models.CharField(max_length=20, blank=True, default="")
    # The due date until first completed, then the day the latest completion runs out
    # (none if it never does); ``sort_due`` is the same with "never" as the largest date, so
    # that (sort_due, id) is a total order for keyset pagination.
    next_due = models.DateField(null=True, blank=True)
    sort_due = models.DateField()
    # An open enrolment on the course has been started.
    started = models.BooleanField(default=False)
    # The person's exemptions from the requirement, merged where they overlap or touch: the
    # merged interval that covers the day the row was computed for, else the next to start.
    exempt_from = models.DateField(null=True, blank=True)
    exempt_until = models.DateField(null=True, blank=True)
    # The stored interval is the right one for days in [recheck_before, recheck_on); outside
    # it another merged interval counts and the row is re-picked (``refresh_lapsed``).
    recheck_on = models.DateField(null=True, blank=True)
    recheck_before = models.DateField(null=True, blank=True)
    # When a stored column last changed (every write path sets it: ``core.stamping`` for
    # ``update()``/``bulk_update()``, ``services._insert`` and ``rebuild_state`` for raw inserts).
    # The REST API's ``updated_since`` reads it, with the stored dates for changes by the calendar.
    updated_at = models.DateTimeField(auto_now=True)

    objects = StampedQuerySet.as_manager()

    class Meta:
        verbose_name = _("compliance state")
        verbose_name_plural = _("compliance states")
        indexes = [
            models.Index(
                fields=["unit_path", "course"],
                opclasses=["varchar_pattern_ops", "int4_ops"],
                name="compliance_state_scope",
            ),
            models.Index(fields=["sort_due", "id"], name="compliance_state_due"),
            models.Index(fields=["course", "sort_due", "id"], name="compliance_state_course"),
            models.Index(fields=["user", "course"], name="compliance_state_user"),
            models.Index(
                fields=["recheck_on"], condition=Q(recheck_on__isnull=False), name="compliance_state_recheck"
            ),
            models.Index(
                fields=["recheck_before"],
                condition=Q(recheck_before__isnull=False),
                name="compliance_state_recheck_from",
            ),
            # ``updated_since`` on the API's assignments: the row changed, or the calendar
            # crossed one of its dates (api.filters.AssignmentFilter): one index per arm of the OR.
            models.Index(fields=["updated_at"], name="compliance_state_updated"),
            models.Index(fields=["due_on"], name="compliance_state_due_on"),
            models.Index(
                fields=["valid_until"], condition=Q(valid_until__isnull=False), name="compliance_state_valid"
            ),
            models.Index(
                fields=["exempt_from"], condition=Q(exempt_from__isnull=False), name="compliance_state_exempt_from"
            ),
            models.Index(
                fields=["exempt_until"],
                condition=Q(exempt_until__isnull=False),
                name="compliance_state_exempt_until",
            ),
        ]

    def __str__(self):
        return f"State of assignment {self.assignment_id}"


# Month-end snapshots


class SnapshotIsFrozen(Exception):
    """Raised on any attempt to change or delete a snapshot once taken."""


class FrozenQuerySet(models.QuerySet):
    """Snapshots are written once (``bulk_create``/``create``) and never updated or deleted."""

    def update(self, **kwargs):
        raise SnapshotIsFrozen(_("Compliance snapshots are never changed once taken."))

    def delete(self):
        raise SnapshotIsFrozen(_("Compliance snapshots are never deleted."))

    # ``bulk_update`` ends in ``update``; named here so the refusal reads plainly.
    def bulk_update(self, objs, fields, batch_size=None):
        raise SnapshotIsFrozen(_("Compliance snapshots are never changed once taken."))

    # An upsert would change rows already taken; inserting new ones is the only write allowed.
    def bulk_create(self, objs, *args, update_conflicts=False, **kwargs):
        if update_conflicts:
            raise SnapshotIsFrozen(_("Compliance snapshots are never changed once taken."))
        return super().bulk_create(objs, *args, **kwargs)

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise SnapshotIsFrozen(_("Compliance snapshots are never changed once taken."))


class FrozenModel(models.Model):
    """A row that may be inserted but never saved again nor deleted (see ``FrozenQuerySet``)."""

    objects = FrozenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise SnapshotIsFrozen(_("Compliance snapshots are never changed once taken."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise SnapshotIsFrozen(_("Compliance snapshots are never deleted."))


class ComplianceSnapshot(FrozenModel):
    """
    Compliance as it stood at the end of one day (a month end), taken once by ``manage.py
    snapshot_compliance`` and never changed afterwards: the charts' trend reads past month
    ends from here instead of recomputing them from the history tables, and a force can show
    what its figures were at a date (freedom-of-information answers, inquiries). The figures
    are ``ComplianceSnapshotFigure`` rows. Not edited in the admin.
    """

    day = models.DateField(_("day"), unique=True)
    taken_at = models.DateTimeField(_("taken"), default=timezone.now)
    due_soon_days = models.PositiveSmallIntegerField(_("due soon (days)"))
    expiring_days = models.PositiveSmallIntegerField(_("expiring (days)"))

    class Meta:
        verbose_name = _("compliance snapshot")
        verbose_name_plural = _("compliance snapshots")
        ordering = ["-day"]

    def __str__(self):
        return f"Compliance at the end of {self.day:%Y-%m-%d}"


class ComplianceSnapshotFigure(FrozenModel):
    """
    One line of a snapshot: the assignments live at the end of its day of the active people
    in one unit, of one rank, for one course, and how many were compliant, overdue (or
    expired), expiring and due soon, by ``compliance.status.with_status`` as of that day.
    The unit's path and name are kept as they were, so later moves in the tree change nothing.
    """

    snapshot = models.ForeignKey(ComplianceSnapshot, on_delete=models.PROTECT, related_name="figures")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    unit_path = models.CharField(max_length=255, blank=True, default="")
    unit_name = models.CharField(_("unit"), max_length=150, blank=True, default="")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    rank = models.CharField(_("rank or role"), max_length=8, choices=Rank.choices, blank=True)
    total = models.PositiveIntegerField(_("required"))
    compliant = models.PositiveIntegerField(_("compliant"))
    overdue = models.PositiveIntegerField(_("overdue or expired"))
    expiring = models.PositiveIntegerField(_("expiring soon"))
    due_soon = models.PositiveIntegerField(_("due soon"))

    class Meta:
        verbose_name = _("compliance snapshot figure")
        verbose_name_plural = _("compliance snapshot figures")
        indexes = [models.Index(fields=["snapshot", "unit"], name="compliance_snapshot_unit")]

    def __str__(self):
        return f"{self.snapshot}: {self.unit_name or '–'}, {self.course_id}, {self.rank or '–'}"


# Certification periods: prior certifications and changes of validity rule


def prior_evidence_path(instance, filename: str) -> str:
    # A random name: evidence files are served only through a permission-checked view.
    return f"prior-certification-evidence/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class PriorCertification(models.Model):
    """
    A completion not taken on the platform, recorded by an administrator: training done
    elsewhere or on paper (*imported*) or done here outside the platform, such as a
    classroom session (*recorded by an administrator*). Recording one creates the person's
    ``courses.CourseCompletion`` (with its own period and provenance) in the same
    transaction (``compliance.prior.record_prior_certification``); this row keeps what the
    completion alone cannot: the evidence, the note and who recorded it. Recorded in the
    admin under Compliance → Prior certifications; never edited afterwards.
    """

    class Kind(models.TextChoices):
        IMPORTED = "imported", _("Trained elsewhere or on paper (imported)")
        RECORDED = "recorded", _("Done here outside the platform, e.g. a classroom session")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="prior_certifications",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("course")
    )
    course_title = models.CharField(_("course title"), max_length=255, blank=True)
    kind = models.CharField(_("what it was"), max_length=20, choices=Kind.choices, default=Kind.IMPORTED)
    completed_on = models.DateField(_("date completed"))
    evidence = models.FileField(
        _("evidence"),
        upload_to=prior_evidence_path,
        storage=get_private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "png", "jpg", "jpeg", "docx", "odt"])],
        help_text=_("Optional: a PDF, image or document, at most 5 MB, such as a scanned certificate."),
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    completion = models.OneToOneField(
        "courses.CourseCompletion",
        on_delete=models.PROTECT,
        related_name="prior_certification",
        verbose_name=_("completion"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_by_name = models.CharField(_("recorded by (as named then)"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("prior certification")
        verbose_name_plural = _("prior certifications")
        ordering = ["-recorded_at"]

    def __str__(self):
        return (
            str(_("Prior certification #%(pk)s") % {"pk": self.pk}) if self.pk else str(_("New prior certification"))
        )


class RuleChoice(models.TextChoices):
    NEW_ONLY = "new_only", _("New completions only")
    RECOMPUTE = "recompute", _("Recompute existing completions")


class ValidityRuleChange(models.Model):
    """
    One change of a course's validity rule, made through the "Change validity rule" action
    (``compliance.periods``): who, when, the rule before and after, whether existing
    completions were recomputed, and what that did. Written once by the action; listed
    read-only in the admin under Compliance → Validity rule changes.
    """

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("course")
    )
    course_title = models.CharField(_("course title"), max_length=255)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("changed by")
    )
    changed_by_name = models.CharField(_("changed by (as named then)"), max_length=255, blank=True)
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    old_rule = models.JSONField(_("rule before"))
    new_rule = models.JSONField(_("rule after"))
    old_rule_text = models.CharField(_("rule before"), max_length=255)
    new_rule_text = models.CharField(_("rule after"), max_length=255)
    choice = models.CharField(_("applied to"), max_length=20, choices=RuleChoice.choices)
    completions_changed = models.PositiveIntegerField(_("completions changed"), default=0)
    people_expired = models.PositiveIntegerField(_("people who became expired"), default=0)
    people_renewed = models.PositiveIntegerField(_("people whose training became valid again"), default=0)

    class Meta:
        verbose_name = _("validity rule change")
        verbose_name_plural = _("validity rule changes")
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.course_title}: {self.old_rule_text} → {self.new_rule_text}"
