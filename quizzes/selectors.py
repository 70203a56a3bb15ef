"""
Read queries and template data for quiz pages. While an attempt is open, templates get
``QuestionForm`` objects built from ``scoring.display``: texts, ids and the officer's own
answers, never which answer is right. Review data is built only when the review policy
allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import scoring, services
from .blocks import QuestionType
from .models import Adjustment, Attempt, AttemptQuestion, QuizPage, QuizQuestionSlot


def _total(queryset, group_by: str, expression) -> Subquery:
    """One number from ``queryset`` as a scalar subquery (``None`` when it has no rows)."""
    return Subquery(queryset.order_by().values(group_by).annotate(total=expression).values("total")[:1])


@dataclass
class QuizFacts:
    question_count: int
    allowance: services.Allowance | None


def quiz_facts(*, quiz: QuizPage, user) -> QuizFacts:
    """
    How many questions an attempt asks and the officer's limits (reasonable adjustments
    added), in one query.
    """
    slots = QuizQuestionSlot.objects.filter(quiz_id=OuterRef("pk"))
    totals = {
        "draws": _total(slots, "quiz_id", Sum("draw_count")),
        "fixed": _total(slots.filter(question__isnull=False), "quiz_id", Count("pk")),
    }
    if user.is_authenticated:
        adjustments = Adjustment.objects.filter(Q(quiz_id=OuterRef("pk")) | Q(quiz__isnull=True), user_id=user.pk)
        totals["extra_time"] = _total(adjustments, "user_id", Sum("extra_time_percent"))
        totals["extra_attempts"] = _total(adjustments, "user_id", Sum("extra_attempts"))
    row = Page.objects.filter(pk=quiz.pk).annotate(**totals).values(*totals).get()
    allowance = None
    if user.is_authenticated:
        allowance = services.allowance_with(
            quiz=quiz, extra_time_percent=row["extra_time"], extra_attempts=row["extra_attempts"]
        )
    return QuizFacts(question_count=(row["fixed"] or 0) + (row["draws"] or 0), allowance=allowance)


@dataclass
class QuizOverview:
    quiz: QuizPage
    question_count: int
    eligibility: services.Eligibility | None = None
    attempts: list[Attempt] = field(default_factory=list)  # finished, oldest first

    @property
    def in_progress(self) -> Attempt | None:
        return self.eligibility.in_progress if self.eligibility else None

    @property
    def time_allowed_minutes(self) -> int | None:
        if not self.quiz.time_limit_minutes:
            return None
        if not self.eligibility:
            return self.quiz.time_limit_minutes
        return round(self.eligibility.allowance.minutes_for(self.quiz.time_limit_minutes))


def quiz_overview(*, quiz: QuizPage, user) -> QuizOverview:
    """Two queries: the quiz's facts (``quiz_facts``) and the officer's attempts."""
    facts = quiz_facts(quiz=quiz, user=user)
    overview = QuizOverview(quiz=quiz, question_count=facts.question_count)
    if user.is_authenticated:
        allowed = services.eligibility(user=user, quiz=quiz, allowance=facts.allowance)
        overview.eligibility = allowed
        overview.attempts = allowed.finished
    return overview


# Questions as the officer answers them


@dataclass
class Option:
    id: str
    text: str
    selected: bool = False


@dataclass
class MatchRow:
    id: str
    prompt: str
    selected: str = ""


@dataclass
class QuestionForm:
    """One question as shown in an open attempt: no correct answers anywhere in here."""

    position: int
    prompt: str
    question_type: str
    marks: object
    options: list[Option] = field(default_factory=list)
    rows: list[MatchRow] = field(default_factory=list)
    match_options: list[Option] = field(default_factory=list)
    vignette: str = ""
    text: str = ""
    answered: bool = False

    @property
    def field_name(self) -> str:
        return f"q-{self.position}"

    @property
    def is_multiple(self) -> bool:
        return self.question_type == QuestionType.MULTIPLE_RESPONSE


def question_form(question: AttemptQuestion) -> QuestionForm:
    shown = scoring.display(question_type=question.question_type, content=question.content)
    response = question.response or {}
    form = QuestionForm(
        position=question.position,
        prompt=question.prompt,
        question_type=question.question_type,
        marks=question.marks,
        vignette=shown.get("vignette", ""),
        answered=bool(question.response),
    )
    selected = {response.get("choice"), response.get("value"), *response.get("choices", [])}
    form.options = [
        Option(id=c["id"], text=str(c["text"]), selected=c["id"] in selected) for c in shown.get("choices", [])
    ]
    matches = response.get("matches", {})
    form.rows = [
        MatchRow(id=p["id"], prompt=p["prompt"], selected=matches.get(p["id"], "")) for p in shown.get("pairs", [])
    ]
    form.match_options = [Option(id=o["id"], text=o["text"]) for o in shown.get("options", [])]
    form.text = response.get("text", "")
    return form


# Questions as the officer reviews them


@dataclass
class ReviewedQuestion:
    position: int
    prompt: str
    vignette: str
    question_type: str
    marks: object
    marks_awarded: object
    correct: bool | None
    your_answer: list[str]
    correct_answer: list[str]
    feedback: list[str]
    explanation: str
    #: What was on screen, in the order the officer saw it: (text, chosen, correct) for each
    #: choice, or each option of a matching question's lists (chosen: picked for some item).
    shown: list[tuple[str, bool, bool]] = field(default_factory=list)


def _texts(content: dict, ids) -> list[str]:
    by_id = {c["id"]: c["text"] for c in content.get("choices", [])}
    return [by_id[i] for i in ids if i in by_id]


def reviewed_question(question: AttemptQuestion) -> ReviewedQuestion:
    content, response, kind = question.content, question.response or {}, question.question_type
    your, right, feedback, shown = [], [], [], []
    if kind in scoring.CHOICE_TYPES:
        chosen = [response["choice"]] if "choice" in response else response.get("choices", [])
        your = _texts(content, chosen)
        right = [c["text"] for c in content["choices"] if c["correct"]]
        shown = [(c["text"], c["id"] in chosen, bool(c["correct"])) for c in content["choices"]]
        feedback = [c["feedback"] for c in content["choices"] if c["id"] in chosen and c.get("feedback")]
    elif kind == QuestionType.TRUE_FALSE:
        labels = {"true": str(_("True")), "false": str(_("False"))}
        if "value" in response:
            your = [labels[response["value"]]]
            chosen_feedback = content.get(f"feedback_{response['value']}")
            feedback = [chosen_feedback] if chosen_feedback else []
        right = [labels[content["correct"]]]
    elif kind == QuestionType.MATCHING:
        options = {o["id"]: o["text"] for o in content["options"]}
        matches = response.get("matches", {})
        your = [f"{p['prompt']} → {options.get(matches.get(p['id']), '—')}" for p in content["pairs"]]
        right = [f"{p['prompt']} → {options[p['answer_id']]}" for p in content["pairs"]]
        picked, answers = set(matches.values()), {p["answer_id"] for p in content["pairs"]}
        shown = [(o["text"], o["id"] in picked, o["id"] in answers) for o in content["options"]]
    elif kind == QuestionType.SHORT_TEXT:
        your = [response["text"]] if response.get("text") else []
        right = list(content["accepted"][:1])
    return ReviewedQuestion(
        position=question.position,
        prompt=question.prompt,
        vignette=content.get("vignette", ""),
        question_type=kind,
        marks=question.marks,
        marks_awarded=question.marks_awarded,
        correct=question.correct,
        your_answer=your,
        correct_answer=right,
        feedback=feedback,
        explanation=content.get("explanation", ""),
        shown=shown,
    )


@dataclass(frozen=True)
class HardQuestion:
    """A question officers most often get wrong, in one quiz (the trainer's dashboard)."""

    quiz_id: int
    quiz_title: str
    course_title: str
    question_title: str
    asked: int
    correct: int

    @property
    def facility(self) -> int:
        """The share of those asked who got it fully right, in per cent (as the item analysis)."""
        return round(100 * self.correct / self.asked) if self.asked else 0


def lowest_facility(*, limit: int, min_asked: int) -> list[HardQuestion]:
    """
    The ``limit`` questions with the lowest facility across every quiz, from finished attempts'
    frozen copies as the item analysis counts them, among those asked at least ``min_asked``
    times (fewer says little). One aggregate query; the quiz's and course's titles are the
    attempts' own snapshots.
    """
    from django.db.models import FloatField, Max
    from django.db.models.functions import Cast

    from .models import AttemptStatus

    rows = (
        AttemptQuestion.objects.filter(attempt__status=AttemptStatus.FINISHED, attempt__quiz__isnull=False)
        .values("attempt__quiz_id", "question_id", "question_title")
        .annotate(
            asked=Count("id"),
            correct=Count("id", filter=Q(correct=True)),
            quiz_title=Max("attempt__quiz_title"),
            course_title=Max("attempt__course_title"),
        )
        .filter(asked__gte=min_asked)
        .annotate(share=Cast("correct", FloatField()) / Cast("asked", FloatField()))
        .order_by("share", "-asked", "question_title")[:limit]
    )
    return [
        HardQuestion(
            quiz_id=row["attempt__quiz_id"],
            quiz_title=row["quiz_title"],
            course_title=row["course_title"],
            question_title=row["question_title"],
            asked=row["asked"],
            correct=row["correct"],
        )
        for row in rows
    ]
