"""
The quiz page: a course's assessment (a child of the course page). Trainers pick a preset
("Knowledge check" or "Mandatory assessment") that fills in the settings, and choose
questions: fixed ones in order and/or a number drawn at random from a category or tag.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page

from core.mixins import SignInRequiredMixin
from core.pages import LeanPageMixin


class Preset(models.TextChoices):
    KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check: unlimited attempts, answers straight after each attempt")
    MANDATORY = (
        "mandatory_assessment",
        _("Mandatory assessment: pass mark 80%, three attempts, answers only once passed or out of attempts"),
    )
    CUSTOM = "custom", _("Custom: use the settings below")


class Layout(models.TextChoices):
    ONE_PER_PAGE = "one_per_page", _("One question per page")
    ALL_ON_ONE_PAGE = "all_on_one_page", _("All questions on one page")


class ReviewWhat(models.TextChoices):
    SCORE_ONLY = "score_only", _("The score only")
    WHICH_RIGHT = "which_right", _("The score and which answers were right")
    FULL = "full", _("The score, the correct answers and the explanations")


class ReviewWhen(models.TextChoices):
    IMMEDIATELY = "immediately", _("Straight after each attempt")
    AFTER_PASS_OR_FINAL = "after_pass_or_final", _("Only once passed, or when no attempts are left")


class Grading(models.TextChoices):
    """Which of an officer's finished attempts is their result (decision 56)."""

    HIGHEST = "highest", _("The highest score counts")
    FIRST_PASS = "first_pass", _("The first pass counts")
    LAST = "last", _("The last attempt counts")


#: What the officer is told before starting, for each grading method.
GRADING_FOR_OFFICERS = {
    Grading.HIGHEST: _("Your highest score counts."),
    Grading.FIRST_PASS: _("Your first pass counts; until you pass, your latest attempt is shown."),
    Grading.LAST: _("Your last attempt counts."),
}


PRESET_SETTINGS = {
    Preset.KNOWLEDGE_CHECK: {
        "pass_mark": 70,
        "attempts_allowed": 0,
        "minutes_between_attempts": 0,
        "time_limit_minutes": None,
        "shuffle_questions": False,
        "shuffle_choices": True,
        "layout": Layout.ALL_ON_ONE_PAGE,
        "review_what": ReviewWhat.FULL,
        "review_when": ReviewWhen.IMMEDIATELY,
    },
    Preset.MANDATORY: {
        "pass_mark": 80,
        "attempts_allowed": 3,
        "minutes_between_attempts": 0,
        "time_limit_minutes": None,
        "shuffle_questions": True,
        "shuffle_choices": True,
        "layout": Layout.ONE_PER_PAGE,
        "review_what": ReviewWhat.FULL,
        "review_when": ReviewWhen.AFTER_PASS_OR_FINAL,
    },
}


class QuizPage(SignInRequiredMixin, LeanPageMixin, RoutablePageMixin, Page):
    """A course's assessment. Scoring happens only on the server (``quizzes.services``)."""

    introduction = models.TextField(_("introduction"), blank=True)
    preset = models.CharField(_("kind of quiz"), max_length=30, choices=Preset.choices, default=Preset.KNOWLEDGE_CHECK)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    minutes_between_attempts = models.PositiveIntegerField(_("minutes between attempts"), default=0)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle answers"), default=True)
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, default=Layout.ALL_ON_ONE_PAGE)
    review_what = models.CharField(
        _("after submitting, officers see"), max_length=20, choices=ReviewWhat.choices, default=ReviewWhat.FULL
    )
    review_when = models.CharField(
        _("and they see it"), max_length=30, choices=ReviewWhen.choices, default=ReviewWhen.IMMEDIATELY
    )
    grading = models.CharField(
        _("which attempt counts"),
        max_length=20,
        choices=Grading.choices,
        default=Grading.HIGHEST,
        help_text=_(
            "The attempt whose score is the officer's result: on their record of learning, in reports and "
            "for completing the course. Officers are told before they start."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("preset"),
        FieldPanel("grading"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Only used when the kind of quiz is “Custom”. The presets fill these in for you when you save."
                    )
                ),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("minutes_between_attempts")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("layout"),
                FieldRowPanel([FieldPanel("review_what"), FieldPanel("review_when")]),
            ],
            heading=_("Settings"),
            classname="collapsed",
        ),
        InlinePanel(
            "slots",
            heading=_("Questions"),
            label=_("Question"),
            min_num=1,
            help_text=_("Add fixed questions in the order you want them, and/or draw a number at random."),
        ),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("quiz")
        permissions = [("view_item_analysis", _("Can see item analysis of quizzes"))]

    def clean(self):
        super().clean()
        for name, value in PRESET_SETTINGS.get(self.preset, {}).items():
            setattr(self, name, value)

    @property
    def grading_for_officers(self) -> str:
        return GRADING_FOR_OFFICERS.get(self.grading, GRADING_FOR_OFFICERS[Grading.HIGHEST])

    @cached_property
    def course(self):
        """The course this quiz assesses (its parent), without a query when served from its URL."""
        from courses.models import parent_course_of

        return parent_course_of(self)

    def serve(self, request, *args, **kwargs):
        from ..views import keep_answers_posted_after_session_expired

        kept = keep_answers_posted_after_session_expired(request, quiz=self)
        return kept or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, overview=None, **kwargs):
        from ..selectors import quiz_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = overview or quiz_overview(quiz=self, user=request.user)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..views import quiz_home

        return quiz_home(request, quiz=self)

    @path("start/", name="start")
    def start_route(self, request):
        from ..views import start

        return start(request, quiz=self)

    @re_path(r"^attempt/(?P<number>\d+)/$", name="attempt")
    def attempt_route(self, request, number):
        from ..views import attempt

        return attempt(request, quiz=self, number=int(number))

    @re_path(r"^attempt/(?P<number>\d+)/save/$", name="save")
    def save_route(self, request, number):
        from ..views import autosave

        return autosave(request, quiz=self, number=int(number))

    @re_path(r"^attempt/(?P<number>\d+)/submit/$", name="submit")
    def submit_route(self, request, number):
        from ..views import submit

        return submit(request, quiz=self, number=int(number))

    @re_path(r"^attempt/(?P<number>\d+)/result/$", name="result")
    def result_route(self, request, number):
        from ..views import result

        return result(request, quiz=self, number=int(number))


class QuizQuestionSlot(Orderable):
    """
    One entry in a quiz's list of questions: either a fixed question, or "N questions drawn
    at random from a category and/or tag". Deleting a question a quiz names is refused.
    """

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(
        "quizzes.Question",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fixed question"),
    )
    draw_count = models.PositiveSmallIntegerField(
        _("or draw this many at random"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    draw_category = models.ForeignKey(
        "quizzes.QuestionCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from category"),
    )
    draw_tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("with tag")
    )

    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("draw_count"), FieldPanel("draw_category"), FieldPanel("draw_tag")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz question")

    def clean(self):
        super().clean()
        drawing = self.draw_count or self.draw_category_id or self.draw_tag_id
        if self.question_id and drawing:
            raise ValidationError(_("Choose a fixed question or a random draw, not both."))
        if not self.question_id and not drawing:
            raise ValidationError(_("Choose a question, or how many to draw at random and from where."))
        if drawing and not self.draw_count:
            raise ValidationError({"draw_count": _("Say how many questions to draw.")})
        if drawing and not (self.draw_category_id or self.draw_tag_id):
            raise ValidationError(_("Say which category or tag to draw from."))
