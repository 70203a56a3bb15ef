"""
SCORM packages, the page that plays one inside a course, and officers' runtime records.

- ``ScormPackage`` (edited under Settings → SCORM packages, ``viewsets.ScormPackageViewSet``)
  is what a trainer uploads; each upload is a ``ScormPackageVersion`` kept in private storage.
  Uploading a new version changes what *new* attempts play; old attempts keep theirs.
- ``ScormModulePage`` is a child of ``CoursePage`` beside ordinary modules.
- ``ScormAttempt`` is one officer's run of one page in one enrolment, pinned to the package
  version it played (``PROTECT``: never lost), with the result rolled up from its SCOs.
- ``ScormScoRecord`` is the CMI data one SCO (or asset) of that package committed in that
  attempt: each SCO of a multi-SCO package resumes on its own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.mixins import SignInRequiredMixin
from core.pages import LeanPageMixin
from core.storage import get_private_storage

from .packages import SCORM_12, SCORM_2004


class ScormVersion(models.TextChoices):
    SCORM_12 = SCORM_12, _("SCORM 1.2")
    SCORM_2004 = SCORM_2004, _("SCORM 2004")


class ScormPackage(models.Model):
    """A SCORM course bought or shared as a zip; trainers upload new versions of it over time."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    current_version = models.ForeignKey(
        "ScormPackageVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current version"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["title"]

    def __str__(self):
        return self.title


def package_path(instance, filename):
    return f"scorm/packages/{instance.package_id}/{instance.number}.zip"


class ScormPackageVersion(models.Model):
    """One accepted upload of a package: the zip (private), and what its manifest says."""

    package = models.ForeignKey(ScormPackage, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("zip"), upload_to=package_path, storage=get_private_storage)
    original_filename = models.CharField(_("uploaded as"), max_length=255, blank=True)
    scorm_version = models.CharField(_("SCORM version"), max_length=8, choices=ScormVersion.choices)
    launch_path = models.CharField(_("launch file"), max_length=1000)
    launch_query = models.CharField(_("launch parameters"), max_length=1000, blank=True)
    manifest_identifier = models.CharField(_("manifest identifier"), max_length=255, blank=True)
    manifest_title = models.CharField(_("title in the manifest"), max_length=255, blank=True)
    mastery_score = models.DecimalField(
        _("mastery score (0–1)"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    items = models.JSONField(
        _("items"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The default organization's item tree, flattened in order (packages.parse_manifest)."),
    )
    typical_minutes = models.PositiveIntegerField(_("typical learning time (minutes)"), null=True, blank=True)
    file_count = models.PositiveIntegerField(_("files"))
    uncompressed_size = models.PositiveBigIntegerField(_("size uncompressed (bytes)"))
    sha256 = models.CharField(_("SHA-256 of the zip"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("SCORM package version")
        verbose_name_plural = _("SCORM package versions")
        ordering = ["package", "-number"]
        constraints = [models.UniqueConstraint(fields=["package", "number"], name="scorm_version_number_once")]

    def __str__(self):
        return f"{self.package} v{self.number} ({self.get_scorm_version_display()})"

    @cached_property
    def activities(self) -> list[dict]:
        """
        What the officer can launch, in order (each item with a launch file; headings are not
        activities). A version uploaded before items were read (``items`` empty) is one SCO,
        its launch file, under the identifier ``""``: its attempts' records were moved there.
        """
        launchable = [item for item in self.items if item.get("launch_path")]
        if launchable:
            return launchable
        return [
            {
                "identifier": "",
                "title": self.manifest_title,
                "depth": 0,
                "launch_path": self.launch_path,
                "launch_query": self.launch_query,
                "sco": True,
                "visible": True,
                "tracked": True,
                "mastery_score": None if self.mastery_score is None else str(self.mastery_score),
            }
        ]

    @cached_property
    def table_of_contents(self) -> list[dict]:
        """The visible items (headings too) for the player's contents, each with its activity position."""
        positions = {item["identifier"]: number for number, item in enumerate(self.activities, start=1)}
        source = self.items if any(item.get("launch_path") for item in self.items) else self.activities
        return [
            {**item, "position": positions.get(item["identifier"])} for item in source if item.get("visible", True)
        ]


#: A SCORM module's time when neither the trainer nor the package says.
DEFAULT_MINUTES = 15


def minutes_of(estimated: int | None, typical: int | None) -> int:
    """A SCORM module's minutes in the course's estimate (see ``ScormModulePage.minutes``)."""
    return estimated or min(typical or DEFAULT_MINUTES, 600)


class ScormModulePage(SignInRequiredMixin, LeanPageMixin, RoutablePageMixin, Page):
    """A course module played from a SCORM package, in the page (edited in the page explorer)."""

    summary = models.CharField(_("summary"), max_length=250, blank=True)
    package = models.ForeignKey(
        ScormPackage, on_delete=models.PROTECT, related_name="pages", verbose_name=_("SCORM package")
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("How long the module takes. Leave empty to use the package's typical learning time."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("package"), FieldPanel("estimated_minutes")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("SCORM module")

    @cached_property
    def minutes(self) -> int:
        """The trainer's estimate, else the package's ``typicalLearningTime``, else 15 minutes."""
        return minutes_of(
            self.estimated_minutes,
            self.package.current_version.typical_minutes if self.package.current_version_id else None,
        )

    @cached_property
    def course(self):
        from courses.models import parent_course_of

        return parent_course_of(self)

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .views import launch

        return launch(request, page=self)

    @path("<int:position>/", name="sco")
    def sco_route(self, request, position, *args, **kwargs):
        """One SCO of a multi-SCO package (its place in the package's activities, from 1)."""
        from .views import launch

        return launch(request, page=self, position=position)


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class RuntimeResult(models.Model):
    """
    What a SCORM runtime reports and resumes from: one SCO's record, or an attempt's rollup of
    its records (the same columns, so that the rollup reads like a record).
    """

    status = models.CharField(
        _("status"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    lesson_status = models.CharField(_("lesson status (1.2)"), max_length=20, blank=True)
    completion_status = models.CharField(_("completion status (2004)"), max_length=20, blank=True)
    success_status = models.CharField(_("success status (2004)"), max_length=20, blank=True)
    score_raw = models.DecimalField(_("raw score"), max_digits=12, decimal_places=4, null=True, blank=True)
    score_scaled = models.DecimalField(_("scaled score"), max_digits=5, decimal_places=4, null=True, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("suspend data"), blank=True)
    session_seconds = models.PositiveIntegerField(_("this session (seconds)"), default=0)
    total_seconds_before_session = models.PositiveIntegerField(default=0, editable=False)
    total_seconds = models.PositiveIntegerField(_("total time (seconds)"), default=0)
    exit = models.CharField(_("exit"), max_length=20, blank=True)
    cmi = models.JSONField(_("runtime data"), default=dict, blank=True)
    commits = models.PositiveIntegerField(_("commits"), default=0)
    started_at = models.DateTimeField(_("started"))
    updated_at = models.DateTimeField(_("last commit"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        abstract = True


class ScormAttempt(RuntimeResult):
    """
    One officer's run of a SCORM module in one enrolment, resumable on any device, and the
    package version it played. Each SCO's own CMI data is a ``ScormScoRecord``; the columns
    here are the rollup the platform reads (``services.roll_up``): the status and score of
    the whole module, the total time, and where the officer last was (``cmi``, ``location``,
    ``suspend_data`` of the SCO committed last). For a one-SCO package they are that SCO's.
    Listed read-only under Admin → SCORM attempts (``viewsets.ScormAttemptViewSet``).
    """

    # Registering the admin viewset would index every commit's save for "usage": learner
    # records are never a reference target, so the runtime's commits stay cheap.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorm_attempts")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.PROTECT, related_name="scorm_attempts")
    page = models.ForeignKey(
        ScormModulePage, on_delete=models.SET_NULL, null=True, related_name="attempts", verbose_name=_("module")
    )
    page_title = models.CharField(_("module title"), max_length=255)
    package_version = models.ForeignKey(
        ScormPackageVersion, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("package version")
    )
    current_sco = models.CharField(_("last SCO opened"), max_length=255, blank=True)
    scorm_version = models.CharField(_("SCORM version"), max_length=8, choices=ScormVersion.choices)
    # A reset (services.reset_attempt) closes the attempt: it is kept, on its version, and the
    # officer's next launch starts a new one.
    reset_at = models.DateTimeField(_("reset"), null=True, blank=True)
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reset by"),
    )
    reset_reason = models.TextField(_("reason for the reset"), blank=True)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        ordering = ["-updated_at"]
        permissions = [("reset_scormattempt", _("Can reset an officer's SCORM attempt"))]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "page"],
                condition=models.Q(reset_at__isnull=True),
                name="scorm_one_open_attempt_per_module_and_enrolment",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.page_title}"

    @property
    def score_percent(self):
        if self.score_scaled is not None:
            return (self.score_scaled * 100).quantize(self.score_scaled.__class__("0.01"))
        return None


class ScormScoRecord(RuntimeResult):
    """
    The run-time data one SCO (or asset) of an attempt's package committed: what it resumes
    from (``cmi``, ``location``, ``suspend_data``, ``exit``) and what it reported. Written
    only by ``services.open_sco`` and ``services.commit``; shown inside the attempt.
    """

    attempt = models.ForeignKey(ScormAttempt, on_delete=models.PROTECT, related_name="records")
    item_identifier = models.CharField(_("item"), max_length=255, blank=True)
    item_title = models.CharField(_("item title"), max_length=255, blank=True)
    is_sco = models.BooleanField(_("SCO"), default=True)

    class Meta:
        verbose_name = _("SCORM SCO record")
        verbose_name_plural = _("SCORM SCO records")
        ordering = ["attempt", "started_at"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item_identifier"], name="scorm_one_record_per_sco"),
        ]

    def __str__(self):
        return f"{self.attempt} – {self.item_title or self.item_identifier}"
