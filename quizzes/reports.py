"""
Item analysis: for each question a quiz has asked, how many officers were asked it and how
many answered, the facility (the share of those asked who got it fully right), how the
answers were spread, and a flag for questions most officers get wrong. Figures come from
finished attempts' frozen copies, so they describe the questions exactly as officers saw
them.
"""

from collections import Counter, defaultdict
from types import SimpleNamespace

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from core.reports import ReportPermissionMixin

from .blocks import QuestionType
from .forms import QuizChoiceFilter
from .models import AttemptQuestion, AttemptStatus, QuizPage
from .scoring import CHOICE_TYPES, normalise_text
from .selectors import quiz_label

#: Facility below this share is flagged: most officers get the question wrong.
FLAG_BELOW = 0.5
REPORT_PERMISSION = "quizzes.view_item_analysis"


class ItemAnalysisFilterSet(WagtailFilterSet):
    quiz = QuizChoiceFilter(field_name="attempt__quiz", label=_("Quiz"), empty_label=_("Choose a quiz"))

    class Meta:
        model = AttemptQuestion
        fields = []


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def distribution(question_type: str, answers: list[tuple[dict, dict | None]]) -> list[tuple[str, int, bool]]:
    """
    ``(answer, how many chose it, whether it is a correct answer)``, most chosen first.
    Choice ids differ between attempts, so answers are counted by their text.
    """
    counts: Counter = Counter()
    correct: set[str] = set()
    for content, response in answers:
        response = response or {}
        if question_type in CHOICE_TYPES:
            texts = {c["id"]: c["text"] for c in content["choices"]}
            correct |= {c["text"] for c in content["choices"] if c["correct"]}
            chosen = [response["choice"]] if "choice" in response else response.get("choices", [])
            counts.update(texts[i] for i in chosen if i in texts)
            if not chosen:
                counts[str(_("No answer"))] += 1
        elif question_type == QuestionType.TRUE_FALSE:
            correct.add(str(_("True")) if content["correct"] == "true" else str(_("False")))
            value = response.get("value")
            counts[
                str(_("True")) if value == "true" else str(_("False")) if value == "false" else str(_("No answer"))
            ] += 1
        elif question_type == QuestionType.MATCHING:
            # Each item with the option chosen for it, so common wrong matches show up.
            options = {o["id"]: o["text"] for o in content["options"]}
            matches = response.get("matches", {})
            for pair in content["pairs"]:
                correct.add(f"{pair['prompt']} → {options[pair['answer_id']]}")
                chosen = options.get(matches.get(pair["id"]), str(_("No answer")))
                counts[f"{pair['prompt']} → {chosen}"] += 1
        elif question_type == QuestionType.SHORT_TEXT:
            accepted = {normalise_text(text) for text in content["accepted"]}
            text = normalise_text(response.get("text", "")) or str(_("No answer"))
            counts[text] += 1
            if text in accepted:
                correct.add(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if question_type == QuestionType.SHORT_TEXT:
        ranked = ranked[:6]
    return [(text, count, text in correct) for text, count in ranked]


class ItemAnalysisView(ReportPermissionMixin, ReportView):
    page_title = _("Item analysis")
    header_icon = "table"
    template_name = "quizzes/admin/item_analysis.html"
    index_url_name = "quizzes_reports:item_analysis"
    index_results_url_name = "quizzes_reports:item_analysis_results"
    results_template_name = "quizzes/admin/item_analysis_results.html"
    filterset_class = ItemAnalysisFilterSet
    permission_required = REPORT_PERMISSION
    paginate_by = 100
    columns = [
        Column("title", label=_("Question")),
        Column("type_label", label=_("Type")),
        Column("asked", label=_("Asked")),
        Column("answered", label=_("Answered")),
        Column("facility", label=_("Facility (%)")),
        Column("flag", label=_("Flag")),
    ]
    list_export = ["title", "type_label", "asked", "answered", "correct", "facility", "flag", "distribution_text"]
    export_headings = {
        "title": _("Question"),
        "type_label": _("Type"),
        "asked": _("Asked"),
        "answered": _("Answered"),
        "correct": _("Fully correct"),
        "facility": _("Facility (%)"),
        "flag": _("Flag"),
        "distribution_text": _("Answers given"),
    }

    def get_filename(self):
        return f"item-analysis-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        """One row per question asked: counts aggregated in the database."""
        return (
            AttemptQuestion.objects.filter(attempt__status=AttemptStatus.FINISHED)
            .values("question_id", "question_title", "question_type")
            .annotate(
                asked=Count("id"),
                answered=Count("id", filter=Q(answered_at__isnull=False)),
                correct=Count("id", filter=Q(correct=True)),
                first_position=Min("position"),
            )
            .order_by("first_position", "question_title")
        )

    @cached_property
    def quiz(self) -> QuizPage | None:
        """The quiz chosen in the filter; the figures are per quiz, so nothing shows until one is."""
        return self.filters.form.cleaned_data.get("quiz") if self.filters and self.filters.is_valid() else None

    def filter_queryset(self, queryset):
        # django-filter skips an empty choice, which would add up every quiz's questions.
        return super().filter_queryset(queryset) if self.quiz else queryset.none()

    def decorate_paginated_queryset(self, object_list):
        rows = [SimpleNamespace(**row) for row in object_list]
        quiz = self.quiz
        answers = defaultdict(list)
        if quiz and rows:
            for question_id, title, content, response in AttemptQuestion.objects.filter(
                attempt__quiz=quiz,
                attempt__status=AttemptStatus.FINISHED,
                question_title__in=[row.question_title for row in rows],
            ).values_list("question_id", "question_title", "content", "response"):
                answers[(question_id, title)].append((content, response))
        types = dict(QuestionType.CHOICES)
        for row in rows:
            row.title = row.question_title
            row.type_label = types.get(row.question_type, row.question_type)
            row.facility = _percent(row.correct, row.asked)
            row.flag = _("Most get this wrong") if row.asked and row.correct / row.asked < FLAG_BELOW else ""
            row.distribution = [
                (text, count, _percent(count, row.asked), is_correct)
                for text, count, is_correct in distribution(
                    row.question_type, answers[(row.question_id, row.question_title)]
                )
            ]
            row.distribution_text = "; ".join(
                f"{text}: {count}{' (correct)' if is_correct else ''}"
                for text, count, _pct, is_correct in row.distribution
            )
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["flag_below"] = round(FLAG_BELOW * 100)
        # The quiz chooser on the page itself, not only in the filter drawer (issue 12 point 4).
        context["quiz_choices"] = [(str(value), label) for value, label in self.filters.form.fields["quiz"].choices]
        context["chosen_quiz"] = str(self.quiz.pk) if self.quiz else ""
        context["quiz_label"] = quiz_label(self.quiz) if self.quiz else ""
        return context
