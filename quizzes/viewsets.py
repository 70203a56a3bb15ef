"""
Wagtail admin for quizzes: the question bank (snippets), officers' attempts (read-only,
scoped to the viewer), and reasonable adjustments.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.filters import UnitTreeFilter
from accounts.grants import GrantCreateView, WithdrawView
from accounts.scoping import ScopedIndexView, ScopedInspectView, ScopedToPeopleViewSet
from core.admin_views import ProtectedDeleteMixin

from .adjustments import SEE_EVERYONE, grant_adjustment, withdraw_adjustment
from .blocks import QuestionType
from .formatting import absolute_date, percent, yes_no
from .forms import AdjustmentForm, QuizChoiceFilter
from .models import Adjustment, Attempt, AttemptStatus, Question, QuestionCategory
from .selectors import counting_attempt, course_title_of, quiz_label, reviewed_question


class QuestionFilterSet(WagtailFilterSet):
    question_type = django_filters.ChoiceFilter(choices=QuestionType.CHOICES, label=_("Type"))
    tag = django_filters.ModelChoiceFilter(
        field_name="tagged_items__tag",
        queryset=Tag.objects.filter(quizzes_questiontag_items__isnull=False).distinct().order_by("name"),
        label=_("Tag"),
        distinct=True,
    )

    class Meta:
        model = Question
        fields = ["question_type", "category", "live"]


class QuestionViewSet(SnippetViewSet):
    """The question bank: trainers write, content approvers publish (Course approval workflow)."""

    model = Question
    icon = "help"
    menu_label = _("Questions")
    filterset_class = QuestionFilterSet
    # Searched as you type through the model's own index (title and prompt). Naming
    # search_fields here would make the SQLite backend query a column its table lacks.
    list_display = [
        "title",
        Column("question_type", label=_("Type"), accessor="get_question_type_display", sort_key="question_type"),
        "category",
        "marks",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_export = ["title", "question_type", "category", "marks", "prompt", "live"]
    export_filename = "question-bank"
    inspect_view_enabled = True
    copy_view_enabled = True


class QuestionCategoryDeleteView(ProtectedDeleteMixin, SnippetDeleteView):
    protected_message = _("“%(object)s” still has questions. Move them to another category first.")


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    delete_view_class = QuestionCategoryDeleteView
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "description"]
    search_fields = ["name"]


class QuestionBankViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    menu_order = 210
    items = (QuestionViewSet, QuestionCategoryViewSet)


# Attempts: evidence, never edited; each viewer sees only the officers in their scope.


class AttemptFilterSet(WagtailFilterSet):
    quiz = QuizChoiceFilter(label=_("Quiz"))
    unit = UnitTreeFilter(field_name="user__unit")
    status = django_filters.ChoiceFilter(choices=AttemptStatus.choices, label=_("Status"))
    passed = django_filters.BooleanFilter(label=_("Passed"))
    started_at = django_filters.DateFromToRangeFilter(label=_("Started"))

    class Meta:
        model = Attempt
        fields = []


class AttemptInspectView(ScopedInspectView):
    template_name = "quizzes/admin/attempt_inspect.html"

    @staticmethod
    def _counts(attempt) -> str:
        """Whether this is the attempt that counts, under the quiz's grading method (one query)."""
        if attempt.quiz_id is None or not attempt.is_finished:
            return ""
        siblings = list(Attempt.objects.filter(user_id=attempt.user_id, quiz_id=attempt.quiz_id).order_by("number"))
        counting = counting_attempt(siblings, grading=attempt.quiz.grading)
        return yes_no(counting is not None and counting.pk == attempt.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempt"] = self.object
        context["counts"] = self._counts(self.object)
        context["questions"] = [(q, reviewed_question(q)) for q in self.object.questions.all()]
        return context


#: Exports say yes or no, as the tables do; figures stay numbers for the spreadsheet.
EXPORT_YES_NO = {"csv": yes_no, "xlsx": yes_no}


class AttemptIndexView(ScopedIndexView):
    custom_field_preprocess = {"passed": EXPORT_YES_NO}


class AttemptViewSet(ScopedToPeopleViewSet):
    """Attempts per quiz, read-only, with every answer as the officer saw it (inspect)."""

    model = Attempt
    name = "attempts"
    icon = "tasks"
    menu_label = _("Attempts")
    scope_select_related = ("user", "user__unit")
    index_view_class = AttemptIndexView
    inspect_view_class = AttemptInspectView
    form_fields = []  # never shown: attempts are not edited in the admin
    filterset_class = AttemptFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__username", "user__warrant_number", "quiz_title"]
    ordering = ["-started_at"]
    list_display = [
        Column("officer", label=_("Officer"), accessor="user.display_name"),
        Column("unit", label=_("Unit"), accessor="user.unit"),
        Column("quiz_title", label=_("Quiz"), accessor=lambda a: f"{a.quiz_title} — {a.course_title}"),
        Column("number", label=_("Attempt"), sort_key="number"),
        Column(
            "started_at",
            label=_("Started"),
            sort_key="started_at",
            accessor=lambda a: absolute_date(a.started_at, with_time=True),
        ),
        Column("finished_at", label=_("Finished"), accessor=lambda a: absolute_date(a.finished_at, with_time=True)),
        Column("score", label=_("Score"), sort_key="score", accessor=lambda a: percent(a.score)),
        Column("passed", label=_("Passed"), accessor=lambda a: yes_no(a.passed)),
    ]
    list_export = [
        "user.warrant_number",
        "user.display_name",
        "user.unit",
        "course_title",
        "quiz_title",
        "number",
        "status",
        "started_at",
        "finished_at",
        "closed_reason",
        "marks_awarded",
        "marks_available",
        "score",
        "passed",
    ]
    export_headings = {
        "user.warrant_number": _("Warrant number"),
        "user.display_name": _("Officer"),
        "user.unit": _("Unit"),
        "course_title": _("Course"),
        "quiz_title": _("Quiz"),
        "number": _("Attempt"),
        "status": _("Status"),
        "started_at": _("Started"),
        "finished_at": _("Finished"),
        "closed_reason": _("How it ended"),
        "marks_awarded": _("Marks"),
        "marks_available": _("Out of"),
        "score": _("Score (%)"),
        "passed": _("Passed"),
    }
    export_filename = "quiz-attempts"


# Reasonable adjustments: granted and listed, never edited (a new one supersedes).


class AdjustmentCreateView(GrantCreateView):
    def grant(self, form):
        data = form.cleaned_data
        return grant_adjustment(
            person=data["user"],
            quiz=data.get("quiz"),
            extra_time_percent=data["extra_time_percent"],
            extra_attempts=data["extra_attempts"],
            reason=data["reason"],
            granted_by=self.request.user,
            request=self.request,
        )


class AdjustmentWithdrawView(WithdrawView):
    def withdraw(self, instance):
        withdraw_adjustment(adjustment=instance, withdrawn_by=self.request.user, request=self.request)


def _adjustment_quiz(adjustment) -> str:
    if not adjustment.quiz_id:
        return _("Every quiz")
    return quiz_label(adjustment.quiz, getattr(adjustment, "quiz_course_title", None))


class AdjustmentIndexView(ScopedIndexView):
    def get_base_queryset(self):
        # The quiz's course, named beside it, in the same query (two quizzes may share a title).
        return super().get_base_queryset().annotate(quiz_course_title=course_title_of("quiz__path"))


class AdjustmentViewSet(ScopedToPeopleViewSet):
    model = Adjustment
    index_view_class = AdjustmentIndexView
    add_view_class = AdjustmentCreateView
    delete_view_class = AdjustmentWithdrawView
    name = "adjustments"
    icon = "time"
    menu_label = _("Reasonable adjustments")
    scope_select_related = ("user", "quiz", "granted_by")
    see_everyone_permission = SEE_EVERYONE
    search_fields = ["user__first_name", "user__last_name", "user__warrant_number", "reason"]
    list_display = [
        Column("officer", label=_("Officer"), accessor="user.display_name"),
        Column("quiz", label=_("Quiz"), accessor=_adjustment_quiz),
        Column("extra_time_percent", label=_("Extra time"), accessor=lambda a: percent(a.extra_time_percent)),
        "extra_attempts",
        Column("granted_by", label=_("Granted by"), accessor="granted_by_name"),
        Column(
            "granted_at", label=_("Granted"), sort_key="granted_at", accessor=lambda a: absolute_date(a.granted_at)
        ),
    ]
    list_export = [
        "user.display_name",
        "quiz",
        "extra_time_percent",
        "extra_attempts",
        "reason",
        "granted_by_name",
        "granted_at",
    ]
    export_headings = {"user.display_name": _("Officer")}
    export_filename = "reasonable-adjustments"

    def get_form_class(self, for_update=False):
        return AdjustmentForm


class LearnerRecordsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "tasks"
    menu_order = 220
    items = (AttemptViewSet, AdjustmentViewSet)
