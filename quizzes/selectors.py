"""
Read queries, read rules and template data for quiz pages: an officer's allowance (the
quiz's limits with any reasonable adjustments), whether they may start an attempt
(``eligibility``) and what they may see of a finished one (``review_for``). ``services``
builds on these; nothing here writes or imports ``services``. While an attempt is open, templates get
``QuestionForm`` objects built from ``scoring.display``: texts, ids and the officer's own
answers, never which answer is right. Review data is built only when the review policy
allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import scoring
from .blocks import QuestionType
from .models import Adjustment, Attempt, AttemptQuestion, AttemptStatus, QuizPage, QuizQuestionSlot
from .models.pages import Grading, ReviewWhat, ReviewWhen

# Allowances and eligibility


@dataclass(frozen=True)
class Allowance:
    attempts_allowed: int  # 0 means unlimited
    extra_time_percent: int
    extra_attempts: int

    def minutes_for(self, time_limit_minutes: int) -> float:
        """The quiz's time limit with this officer's extra time added."""
        return time_limit_minutes * (100 + self.extra_time_percent) / 100


def allowance_for(*, user, quiz: QuizPage) -> Allowance:
    """The quiz's limits for this officer, with any reasonable adjustments added."""
    totals = Adjustment.objects.filter(Q(quiz=quiz) | Q(quiz__isnull=True), user=user).aggregate(
        time=Sum("extra_time_percent"), attempts=Sum("extra_attempts")
    )
    return allowance_with(quiz=quiz, extra_time_percent=totals["time"], extra_attempts=totals["attempts"])


def allowance_with(*, quiz: QuizPage, extra_time_percent: int | None, extra_attempts: int | None) -> Allowance:
    """The quiz's limits with the officer's adjustments added (their totals, already summed)."""
    extra_attempts = extra_attempts or 0
    allowed = quiz.attempts_allowed + extra_attempts if quiz.attempts_allowed else 0
    return Allowance(
        attempts_allowed=allowed, extra_time_percent=extra_time_percent or 0, extra_attempts=extra_attempts
    )


def counting_attempt(attempts, *, grading: str) -> Attempt | None:
    """
    The finished attempt that is the officer's result under the quiz's grading method
    (``attempts`` oldest first; unfinished ones are ignored):

    - highest score: the highest score, the earliest of equals (the default: before the
      setting existed, a course was complete with any pass and recorded the highest);
    - first pass: the first attempt that passed; until one has, the latest;
    - last attempt: the latest.
    """
    finished = [a for a in attempts if a.status == AttemptStatus.FINISHED]
    if not finished:
        return None
    if grading == Grading.LAST:
        return finished[-1]
    if grading == Grading.FIRST_PASS:
        return next((a for a in finished if a.passed), finished[-1])
    return max(finished, key=lambda a: (a.score or 0, -a.number))


@dataclass
class Eligibility:
    attempts: list[Attempt]
    allowance: Allowance
    can_start: bool
    reason: str = ""
    grading: str = Grading.HIGHEST
    #: The officer has passed, and the pass stands (no renewal is open): no more attempts.
    pass_stands: bool = False
    #: When the wait between attempts ends, if the officer is waiting.
    next_start_at: datetime | None = None

    @property
    def in_progress(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == AttemptStatus.IN_PROGRESS), None)

    @property
    def finished(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status == AttemptStatus.FINISHED]

    @property
    def has_passed(self) -> bool:
        return any(a.passed for a in self.finished)

    @property
    def attempts_left(self) -> int | None:
        if not self.allowance.attempts_allowed:
            return None
        return max(0, self.allowance.attempts_allowed - len(self.attempts))

    @property
    def counting(self) -> Attempt | None:
        """The attempt that is the officer's result (``counting_attempt``)."""
        return counting_attempt(self.attempts, grading=self.grading)


def _pass_stands(attempts: list[Attempt], *, quiz: QuizPage, now: datetime) -> bool:
    """
    Whether the officer's latest pass still stands: its enrolment is open, or completed and
    not yet due for renewal (then a new cycle, and a new attempt, may start).
    """
    passed = [a for a in attempts if a.status == AttemptStatus.FINISHED and a.passed]
    if not passed:
        return False
    enrolment = passed[-1].enrolment
    if enrolment is None or enrolment.completed_at is None:
        return True
    record = getattr(enrolment, "completion", None)
    if record is None or record.valid_until is None:
        return True
    # The renewal rule of courses.services.enrol: renewable once within the window.
    return (record.valid_until - timezone.localdate(now)).days > quiz.course.renewal_window_days


def eligibility(
    *, user, quiz: QuizPage, now: datetime | None = None, allowance: Allowance | None = None
) -> Eligibility:
    """
    Whether the officer may start an attempt now; ``allowance`` if already known. A pass
    that stands closes the quiz (decision 56): another attempt could only use up an
    attempt, or under "last attempt counts" undo the pass.
    """
    now = now or timezone.now()
    attempts = list(
        Attempt.objects.filter(user=user, quiz=quiz).select_related("enrolment__completion").order_by("number")
    )
    allowance = allowance or allowance_for(user=user, quiz=quiz)
    result = Eligibility(attempts=attempts, allowance=allowance, can_start=True, grading=quiz.grading)
    if result.in_progress:
        result.can_start, result.reason = False, _("You have an attempt in progress.")
    elif _pass_stands(attempts, quiz=quiz, now=now):
        result.can_start, result.pass_stands = False, True
        result.reason = _(
            "You have passed this assessment and your pass is recorded, so there is nothing more to take."
        )
    elif allowance.attempts_allowed and len(attempts) >= allowance.attempts_allowed:
        result.can_start = False
        result.reason = _("You have used all %(count)s attempts.") % {"count": allowance.attempts_allowed}
    elif quiz.minutes_between_attempts and result.finished:
        next_allowed = result.finished[-1].finished_at + timedelta(minutes=quiz.minutes_between_attempts)
        if next_allowed > now:
            result.can_start, result.next_start_at = False, next_allowed
            result.reason = _("You can try again from %(time)s.") % {
                "time": timezone.localtime(next_allowed).strftime("%H:%M on %-d %B")
            }
    return result


# Review


@dataclass
class Review:
    """What the officer may see of a finished attempt, under the quiz's review policy."""

    level: str  # a ReviewWhat value
    reason: str = ""

    @property
    def shows_which_right(self) -> bool:
        return self.level in {ReviewWhat.WHICH_RIGHT, ReviewWhat.FULL}

    @property
    def shows_answers(self) -> bool:
        return self.level == ReviewWhat.FULL


def review_for(*, attempt: Attempt, allowed: Eligibility) -> Review:
    settings = attempt.settings
    if settings.get("review_when") == ReviewWhen.IMMEDIATELY:
        return Review(level=settings.get("review_what", ReviewWhat.SCORE_ONLY))
    # Never while an attempt is open: the answers to an earlier one would answer it too.
    if allowed.in_progress is None and (allowed.has_passed or allowed.attempts_left == 0):
        return Review(level=settings.get("review_what", ReviewWhat.SCORE_ONLY))
    return Review(
        level=ReviewWhat.SCORE_ONLY,
        reason=_("The answers are shown once you pass, or when you have no attempts left."),
    )


# Quizzes as trainers and managers pick them


def course_title_of(path_ref: str = "path") -> Subquery:
    """The title of the course above the page whose path is ``path_ref`` (a quiz's parent)."""
    parent_path = Substr(OuterRef(path_ref), 1, Length(OuterRef(path_ref)) - Page.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


def quizzes_with_courses():
    """
    Every quiz with its course's title (``course_title``), in one query, for pickers: two
    courses may each have a quiz called "Knowledge check".
    """
    return QuizPage.objects.annotate(course_title=course_title_of()).order_by("title", "course_title", "pk")


def quiz_label(quiz, course_title: str | None = None) -> str:
    """ "Knowledge check — A Police Officer's Guide to Judaism"."""
    course_title = course_title or getattr(quiz, "course_title", None)
    return f"{quiz.title} — {course_title}" if course_title else quiz.title


def _total(queryset, group_by: str, expression) -> Subquery:
    """One number from ``queryset`` as a scalar subquery (``None`` when it has no rows)."""
    return Subquery(queryset.order_by().values(group_by).annotate(total=expression).values("total")[:1])


@dataclass
class QuizFacts:
    question_count: int
    allowance: Allowance | None


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
        allowance = allowance_with(
            quiz=quiz, extra_time_percent=row["extra_time"], extra_attempts=row["extra_attempts"]
        )
    return QuizFacts(question_count=(row["fixed"] or 0) + (row["draws"] or 0), allowance=allowance)


@dataclass
class QuizOverview:
    quiz: QuizPage
    question_count: int
    eligibility: Eligibility | None = None
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
        allowed = eligibility(user=user, quiz=quiz, allowance=facts.allowance)
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

    @property
    def says_select_all(self) -> bool:
        """Whether to add the hint "Select all that apply.": not when the question already says it."""
        return self.is_multiple and "select all that apply" not in self.prompt.lower()


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
