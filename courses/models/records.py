"""
What officers do with courses, as plain models: enrolments, the version of a module each
read (``ModuleVersion``, a copy of the published revision that outlives the page), progress
and completions. They point at pages with ``SET_NULL`` and keep a title snapshot, so deleting
or editing a page never changes an officer's record.
"""

import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..periods import ValidityRule
from .pages import CoursePage, ModulePage


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    ASSIGNED = "assigned", _("Assigned")
    # Not taken on the platform: the enrolment a prior certification's completion rests on.
    IMPORTED = "imported", _("Imported (trained elsewhere)")
    RECORDED = "recorded", _("Recorded by an administrator")


class Provenance(models.TextChoices):
    """How a completion came about (shown and filtered on wherever completions are listed)."""

    COMPLETED_HERE = "completed_here", _("Completed here")
    IMPORTED = "imported", _("Imported")
    RECORDED = "recorded", _("Recorded by an administrator")
    # Completed here, but the result was reported by content running in the browser (a SCORM
    # package), not computed by the server: weaker evidence, so it says so.
    CLIENT_REPORTED = "client_reported", _("Completed here (client-reported)")


class Enrolment(models.Model):
    """
    One officer taking one course, once. A new cycle (retaking after expiry) is a new
    enrolment, so every completion stays in history. At most one open enrolment per officer
    and course (a database constraint).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("officer")
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.SET_NULL, null=True, related_name="enrolments", verbose_name=_("course")
    )
    course_title = models.CharField(_("course title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    source = models.CharField(
        _("source"), max_length=20, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_at = models.DateTimeField(_("enrolled"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(completed_at__isnull=True),
                name="courses_one_open_enrolment_per_course",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"], name="courses_enrolment_user_status")]

    def __str__(self):
        return f"{self.user} – {self.course_title}"


class ModuleVersion(models.Model):
    """
    A copy of one published revision of a module, made the first time an officer completes
    it. It outlives the page and its revisions, so a record can always show exactly what was
    read. One row per revision, however many officers read it.
    """

    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.SET_NULL, null=True, related_name="versions", verbose_name=_("module")
    )
    module_page_id = models.PositiveIntegerField(_("module page id"))
    source_revision_id = models.PositiveBigIntegerField(_("revision id"), unique=True)
    revision_created_at = models.DateTimeField(_("revision saved"))
    title = models.CharField(_("title"), max_length=255)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=0)
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    digest = models.CharField(_("SHA-256 of the content"), max_length=64)
    reading_digest = models.CharField(_("SHA-256 of what the officer read"), max_length=64, blank=True, default="")
    edition_digest = models.CharField(
        _("SHA-256 of the last version officers had to read, as of this one"), max_length=64, blank=True, default=""
    )
    created_at = models.DateTimeField(_("archived"), auto_now_add=True)

    class Meta:
        verbose_name = _("module version")
        verbose_name_plural = _("module versions")
        ordering = ["module_page_id", "source_revision_id"]

    def __str__(self):
        return f"{self.title} (revision {self.source_revision_id})"


class ModuleProgress(models.Model):
    """An officer's progress through one module of one enrolment: started, then completed."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="module_progress", verbose_name=_("enrolment")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="module_progress", verbose_name=_("officer")
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.SET_NULL, null=True, related_name="progress", verbose_name=_("module")
    )
    module_title = models.CharField(_("module title"), max_length=255)
    started_at = models.DateTimeField(_("started"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_version = models.ForeignKey(
        ModuleVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version read"),
    )

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        ordering = ["enrolment", "started_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "module"], name="courses_one_progress_per_module"),
        ]

    def __str__(self):
        return f"{self.user} – {self.module_title}"


class CourseCompletion(models.Model):
    """
    The evidence that an officer completed a course: when, which version of every module
    they read, and what every completion criterion recorded (for example the assessment
    attempt and score). Written once, in the same transaction that completes the enrolment,
    or by an administrator recording a prior certification (``compliance.prior``), which
    ``provenance`` tells apart. Its period (``valid_from``/``valid_until``) is its own.
    """

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="completion", verbose_name=_("enrolment")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="course_completions",
        verbose_name=_("officer"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.SET_NULL, null=True, related_name="completions", verbose_name=_("course")
    )
    course_title = models.CharField(_("course title"), max_length=255)
    course_revision_id = models.PositiveBigIntegerField(_("course revision id"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"))
    # The certification period, computed from the course's validity rule when the completion
    # is issued (``periods.ValidityRule``) and rewritten only by a recorded change of rule.
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    provenance = models.CharField(
        _("provenance"), max_length=20, choices=Provenance.choices, default=Provenance.COMPLETED_HERE
    )
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    module_versions = models.ManyToManyField(
        ModuleVersion, through="CourseCompletionModule", related_name="completions", verbose_name=_("modules read")
    )

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_at"]
        indexes = [models.Index(fields=["user", "completed_at"], name="courses_completion_user")]

    def __str__(self):
        return f"{self.user} – {self.course_title} ({self.completed_at:%d %b %Y})"

    def save(self, *args, **kwargs):
        # A period always starts somewhere: the local day it was completed, unless given.
        if self.valid_from is None and self.completed_at is not None:
            self.valid_from = timezone.localdate(self.completed_at)
        super().save(*args, **kwargs)

    @staticmethod
    def valid_until_for(completed_on: datetime.date, validity_months: int | None) -> datetime.date | None:
        """
        The last day a completion counts: the same day ``validity_months`` calendar months
        later (31 January + 1 month is 28 or 29 February). A course with a fixed renewal
        date uses ``CoursePage.validity_rule`` instead.
        """
        return ValidityRule(months=validity_months).valid_until(completed_on)


class CourseCompletionModule(models.Model):
    """Which version of which module a completion rests on."""

    completion = models.ForeignKey(CourseCompletion, on_delete=models.PROTECT, related_name="module_links")
    version = models.ForeignKey(ModuleVersion, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["completion", "version"], name="courses_completion_version_once"),
        ]

    def __str__(self):
        return f"{self.completion} – {self.version}"
