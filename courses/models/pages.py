"""
Courses as Wagtail pages.

Page tree (declared below, tested in ``tests/courses/test_page_tree.py``)::

    HomePage → CourseCataloguePage → CoursePage → ModulePage
                                               → (assessment pages that name CoursePage as parent)

Trainers edit the pages in the page explorer, through the "Course approval" workflow.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.dates import MONTHS
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

from ..blocks import ModuleBodyBlock
from ..forms import CoursePageForm, ModulePageForm
from ..periods import ValidityRule, anchor_in
from ..reading import reading_digest


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


def validity_rule_errors(months, renew_month, renew_day) -> dict:
    """What is wrong with a validity rule, by field (the page's ``clean`` and the change form share it)."""
    errors = {}
    if bool(renew_month) != bool(renew_day):
        errors["renew_day" if renew_month else "renew_month"] = _("Give both the month and the day, or neither.")
    elif renew_month and not months:
        errors["validity_months"] = _("A fixed renewal date needs a validity period in months.")
    elif renew_month and renew_day > 29 and anchor_in(2025, renew_month, renew_day).day != renew_day:
        errors["renew_day"] = _("%(month)s has no day %(day)s.") % {"month": MONTHS[renew_month], "day": renew_day}
    return errors


class CourseCataloguePage(SignInRequiredMixin, LeanPageMixin, Page):
    """The list of courses officers can take. Created by ``courses/migrations/0002_catalogue``."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import learning_for

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
    renew_month = models.PositiveSmallIntegerField(
        _("renew every (month)"),
        null=True,
        blank=True,
        choices=[(number, name) for number, name in MONTHS.items()],
        help_text=_("Optional: align renewals to a fixed date each year, e.g. 31 March."),
    )
    renew_day = models.PositiveSmallIntegerField(
        _("renew every (day)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("The day of that month. Completions then count until the first such date at least N months on."),
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
        FieldRowPanel([FieldPanel("renew_month"), FieldPanel("renew_day")], heading=_("Fixed renewal date")),
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
    base_form_class = CoursePageForm

    #: The validity rule's fields: once a course has completions they change only through the
    #: recorded "Change validity rule" action (``compliance.periods``), never in the editor.
    VALIDITY_FIELDS = ("validity_months", "renew_month", "renew_day")

    class Meta:
        verbose_name = _("course")
        permissions = [("view_content_review_report", _("Can see the content review report"))]

    @property
    def validity_rule(self) -> ValidityRule:
        return ValidityRule(months=self.validity_months, renew_month=self.renew_month, renew_day=self.renew_day)

    def clean(self):
        super().clean()
        errors = validity_rule_errors(self.validity_months, self.renew_month, self.renew_day)
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """
        A revision's copy of the page keeps the live validity rule once the course has
        completions: publishing an older draft (or reverting) never changes the rule behind
        officers' records; only the recorded action does.
        """
        obj = super().with_content_json(content)
        if self.pk and self.completions.exists():
            # From the database, not this instance: it may be an old copy held by the revision.
            stored = CoursePage.objects.filter(pk=self.pk).values(*self.VALIDITY_FIELDS).first() or {}
            for name, value in stored.items():
                setattr(obj, name, value)
        return obj

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_overview

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
        from ..views import enrol

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
        from ..selectors import module_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = overview or module_overview(module=self, user=request.user)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..views import read_module

        return read_module(request, module=self)

    @path("complete/", name="complete")
    def complete_route(self, request):
        from ..views import complete_module

        return complete_module(request, module=self)


# Learner records. Never on a page, never cascading from content.
