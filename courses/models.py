"""
Courses as Wagtail pages, and what officers do with them as plain models.

Page tree (declared below, tested in ``tests/courses/test_page_tree.py``)::

    HomePage → CourseCataloguePage → CoursePage → ModulePage
                                               → (assessment pages that name CoursePage as parent)

Trainers edit the pages in the page explorer, through the "Course approval" workflow.
Learner records (``Enrolment``, ``ModuleProgress``, ``CourseCompletion``) never live on a
page: they point at pages with ``SET_NULL`` and keep a title snapshot, and what the officer
read is kept in ``ModuleVersion``, a copy of the published revision that outlives the page.
"""

import calendar
import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.mixins import SignInRequiredMixin
from core.pages import LeanPageMixin

from .blocks import ModuleBodyBlock
from .forms import ModulePageForm
from .reading import reading_digest


class Topic(models.TextChoices):
    FAITH_BELIEF = "faith_belief", _("Faith and belief")
    HATE_CRIME = "hate_crime", _("Hate crime")
    ONLINE_HARM = "online_harm", _("Online harm")
    VICTIM_CARE = "victim_care", _("Victim care")
    EQUALITY = "equality", _("Equality and diversity")


def parent_course_of(page: Page) -> "CoursePage":
    """A course's child page's course, without a query when the router left it on the page."""
    parent = getattr(page, "_cached_parent_obj", None)
    if isinstance(parent, CoursePage):
        return parent
    return CoursePage.objects.get(path=page.path[: -page.steplen])


class CourseCataloguePage(SignInRequiredMixin, LeanPageMixin, Page):
    """The list of courses officers can take. Created by ``courses/migrations/0002_catalogue``."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import learning_for

        context = super().get_context(request, *args, **kwargs)
        context["learning"] = learning_for(request.user, catalogue=self)
        return context


class CoursePage(SignInRequiredMixin, LeanPageMixin, RoutablePageMixin, Page):
    """
    A short course: a summary, outcomes and an ordered set of module pages (its children,
    in page-tree order). Children are any page type that names ``CoursePage`` as its parent,
    so assessment pages from other apps fit in without this app knowing about them.
    """

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences for the catalogue."))
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Outcome"), max_length=250))],
        verbose_name=_("learning outcomes"),
        blank=True,
        help_text=_("What officers will be able to do, each starting with a verb."),
    )
    intended_audience = models.CharField(_("intended audience"), max_length=250, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.HATE_CRIME)
    developed_with = models.CharField(
        _("developed with"),
        max_length=200,
        blank=True,
        help_text=_("The community partner credited with developing this course, if any."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("How long a completion counts before the course must be taken again. Empty: it never expires."),
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        _("renewal window (days)"),
        default=60,
        validators=[MaxValueValidator(365)],
        help_text=_("How many days before a completion expires officers may take the course again to renew it."),
    )
    review_by = models.DateField(
        _("review by"), null=True, blank=True, help_text=_("When the content must next be checked.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("intended_audience"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("validity_months"), FieldPanel("renewal_window_days")]),
        MultiFieldPanel(
            [
                FieldPanel("developed_with"),
                FieldPanel("review_by"),
            ],
            heading=_("Partners and review"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intended_audience"),
        index.SearchField("learning_outcomes"),
        index.FilterField("topic"),
    ]

    parent_page_types = ["courses.CourseCataloguePage"]

    class Meta:
        verbose_name = _("course")
        permissions = [("view_content_review_report", _("Can see the content review report"))]

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = course_overview(course=self, user=request.user)
        return context

    @cached_property
    def reviewed_with_line(self) -> str:
        """The "Reviewed with <partner> on <date>" line, from the partner's recorded approval (``reviews``)."""
        from reviews.selectors import review_line

        return review_line(self)

    @path("enrol/", name="enrol")
    def enrol_route(self, request):
        from .views import enrol

        return enrol(request, course=self)


class ModulePage(SignInRequiredMixin, LeanPageMixin, RoutablePageMixin, Page):
    """One module of a course: a few minutes of reading that ends with "I have read and understood"."""

    summary = models.CharField(_("summary"), max_length=250, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("An honest reading time, including the questions."),
    )
    body = StreamField(ModuleBodyBlock(), verbose_name=_("body"))
    review_by = models.DateField(_("review by"), null=True, blank=True)
    reading_digest = models.CharField(
        _("SHA-256 of what officers read"), max_length=64, blank=True, editable=False, default=""
    )
    needs_rereading = models.BooleanField(
        _("This change needs officers to re-read the module"),
        default=False,
        help_text=_(
            "Tick this when what officers must know has changed: everyone who completed the module is told "
            "to read it again. Leave it unticked for a minor change (a typo, a link, the review date): "
            "nobody is told. Their records keep the version they read either way."
        ),
    )
    edition_digest = models.CharField(
        _("SHA-256 of the last version officers must have read"),
        max_length=64,
        blank=True,
        editable=False,
        default="",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("review_by")]),
        FieldPanel("body"),
        FieldPanel("needs_rereading"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    base_form_class = ModulePageForm

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    #: The fields an officer reads; a change to any of them may mean "changed since you completed it".
    READING_FIELDS = ("title", "summary", "body")

    def compute_reading_digest(self) -> str:
        """
        SHA-256 of the title, summary and body as an officer reads them (``courses.reading``):
        block ids and the editor's own markup never count, so republishing the same words
        (say, after moving the review-by date) is not a change.
        """
        body = type(self)._meta.get_field("body").stream_block.get_prep_value(self.body)
        return reading_digest(title=self.title, summary=self.summary, body=body)

    def _stored_edition_digest(self) -> str:
        if self.edition_digest or self.pk is None:
            return self.edition_digest
        return ModulePage.objects.filter(pk=self.pk).values_list("edition_digest", flat=True).first() or ""

    def save_revision(self, *args, **kwargs):
        """
        Record in the revision whether it needs re-reading: the edition digest moves to this
        version's words only when the editor said so (``needs_rereading``) or the module has
        none yet; a minor change keeps the last edition, so nobody is told.
        """
        self.reading_digest = self.compute_reading_digest()
        previous = self._stored_edition_digest()
        self.edition_digest = self.reading_digest if self.needs_rereading or not previous else previous
        return super().save_revision(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.reading_digest = self.compute_reading_digest()
        self.edition_digest = self._stored_edition_digest() or self.reading_digest
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(self.READING_FIELDS) & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "reading_digest", "edition_digest"}
        return super().save(*args, **kwargs)

    @cached_property
    def course(self) -> "CoursePage":
        """
        The course this module belongs to (its parent): the one the router walked through
        when the page was served from its URL, otherwise fetched once per instance.
        """
        return parent_course_of(self)

    def get_context(self, request, *args, overview=None, **kwargs):
        from .selectors import module_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = overview or module_overview(module=self, user=request.user)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .views import read_module

        return read_module(request, module=self)

    @path("complete/", name="complete")
    def complete_route(self, request):
        from .views import complete_module

        return complete_module(request, module=self)


# Learner records. Never on a page, never cascading from content.


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    ASSIGNED = "assigned", _("Assigned")


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
    attempt and score). Written once, in the same transaction that completes the enrolment.
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
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
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

    @staticmethod
    def valid_until_for(completed_on: datetime.date, validity_months: int | None) -> datetime.date | None:
        """
        The last day a completion counts: the same day ``validity_months`` calendar months
        later (31 January + 1 month is 28 or 29 February).
        """
        if not validity_months:
            return None
        month_index = completed_on.month - 1 + validity_months
        year, month = completed_on.year + month_index // 12, month_index % 12 + 1
        return datetime.date(year, month, min(completed_on.day, calendar.monthrange(year, month)[1]))


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
