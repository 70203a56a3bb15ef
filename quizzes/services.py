"""
Writes and rules for attempts: starting (freezing the questions), saving answers, the time
limit, submitting and marking. Scoring happens here and only here.

Every write locks the attempt row (or, to start one, the officer's row) so that two tabs,
a double click or a retried request cannot start two attempts or mark one twice; database
constraints (one attempt in progress, unique attempt numbers) back the locks up.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import services as course_services

from . import scoring
from .models import Attempt, AttemptQuestion, AttemptStatus, ClosedReason, Question, QuizPage
from .selectors import eligibility
from .signals import attempt_finished, attempt_started

#: Answers arriving up to this long after the deadline still count (a slow connection).
GRACE = timedelta(seconds=60)


class QuizError(Exception):
    """A request that cannot be carried out; ``status`` is the HTTP status to answer with."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(QuizError):
    status = 403


class AttemptNotFound(QuizError):
    status = 404


class AttemptFinished(QuizError):
    status = 409


class TimeUp(QuizError):
    status = 409


class BadAnswer(QuizError):
    status = 400


# Starting


def draw_questions(*, quiz: QuizPage, rng: random.Random) -> list[Question]:
    """The quiz's fixed questions in order, plus its random draws, without repeats; live only."""
    chosen: list[Question] = []
    for slot in quiz.slots.select_related("question").order_by("sort_order"):
        if slot.question_id:
            if slot.question.live and slot.question not in chosen:
                chosen.append(slot.question)
            continue
        pool = Question.objects.filter(live=True).exclude(pk__in=[q.pk for q in chosen])
        if slot.draw_category_id:
            pool = pool.filter(category_id=slot.draw_category_id)
        if slot.draw_tag_id:
            pool = pool.filter(tagged_items__tag_id=slot.draw_tag_id)
        pool = list(pool.distinct().order_by("pk"))
        chosen += rng.sample(pool, min(slot.draw_count or 0, len(pool)))
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def start_attempt(*, user, quiz: QuizPage, now: datetime | None = None, rng: random.Random | None = None) -> Attempt:
    """
    Start an attempt, freezing a copy of every question it asks. If one is already in
    progress, return it (a double click or a second tab starts nothing new).
    """
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        current = Attempt.objects.filter(user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS).first()
        if current:
            return current
        allowed = eligibility(user=user, quiz=quiz, now=now)
        if not allowed.can_start:
            raise NotAllowed(allowed.reason)
        questions = draw_questions(quiz=quiz, rng=rng)
        if not questions:
            raise NotAllowed(_("This quiz has no questions yet. Tell your training team."))
        enrolment = course_services.enrol(user=user, course=quiz.course)
        deadline = None
        if quiz.time_limit_minutes:
            deadline = now + timedelta(minutes=allowed.allowance.minutes_for(quiz.time_limit_minutes))
        attempt = Attempt.objects.create(
            user=user,
            quiz=quiz,
            quiz_title=quiz.title,
            course_title=quiz.course.title,
            enrolment=enrolment,
            number=max((a.number for a in allowed.attempts), default=0) + 1,
            started_at=now,
            deadline=deadline,
            settings={
                "pass_mark": quiz.pass_mark,
                "attempts_allowed": allowed.allowance.attempts_allowed,
                "time_limit_minutes": quiz.time_limit_minutes,
                "extra_time_percent": allowed.allowance.extra_time_percent,
                "layout": quiz.layout,
                "review_what": quiz.review_what,
                "review_when": quiz.review_when,
                "quiz_revision_id": quiz.live_revision_id,
            },
        )
        frozen = []
        for position, question in enumerate(questions, start=1):
            block = question.body[0]
            frozen.append(
                AttemptQuestion(
                    attempt=attempt,
                    position=position,
                    question=question,
                    question_revision_id=question.live_revision_id,
                    question_title=question.title,
                    question_type=block.block_type,
                    prompt=question.prompt,
                    content=scoring.freeze(
                        question_type=block.block_type,
                        value=block.value,
                        explanation=str(question.explanation),
                        shuffle=quiz.shuffle_choices,
                        rng=rng,
                    ),
                    marks=Decimal(question.marks),
                )
            )
        AttemptQuestion.objects.bulk_create(frozen)
        attempt.marks_available = sum((q.marks for q in frozen), Decimal(0))
        attempt.save(update_fields=["marks_available"])
        attempt_started.send(sender=Attempt, attempt=attempt)
        return attempt


# Answering


def _locked_attempt(*, user, quiz, number: int) -> Attempt:
    attempt = Attempt.objects.select_for_update().filter(user=user, quiz=quiz, number=number).first()
    if attempt is None:
        raise AttemptNotFound(_("There is no such attempt for you on this quiz."))
    return attempt


def is_overdue(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


#: Positions are small numbers (a PositiveSmallIntegerField); anything else is not a question.
_LARGEST_POSITION = 32767


def _positions_in(data) -> list[int]:
    raw = data.getlist("shown")
    try:
        positions = sorted({int(value) for value in raw})
    except ValueError as error:
        raise BadAnswer(_("That question is not part of this attempt.")) from error
    if any(p < 1 or p > _LARGEST_POSITION for p in positions):
        raise BadAnswer(_("That question is not part of this attempt."))
    return positions


def _parse_all(questions: dict[int, AttemptQuestion], data, positions: list[int]) -> dict[int, dict | None]:
    """Validate every submitted answer before anything is written."""
    responses: dict[int, dict | None] = {}
    for position in positions:
        question = questions.get(position)
        if question is None:
            raise BadAnswer(_("That question is not part of this attempt."))
        prefix = f"q-{position}"
        field_values = {
            key[len(prefix) + 1 :] if key != prefix else "": data.getlist(key)
            for key in data
            if key == prefix or key.startswith(prefix + "-")
        }
        try:
            responses[position] = scoring.parse_response(
                question_type=question.question_type, content=question.content, field_values=field_values
            )
        except scoring.InvalidResponse as error:
            raise BadAnswer(str(error)) from error
    return responses


def _store(questions: dict[int, AttemptQuestion], responses: dict[int, dict | None], now: datetime) -> None:
    changed = []
    for position, response in responses.items():
        question = questions[position]
        if response != question.response:
            question.response = response
            question.answered_at = now if response else None
            changed.append(question)
    if len(changed) == 1:
        # The background save's usual case: one question. A plain UPDATE spares the ORM
        # compiling bulk_update's CASE WHEN, which showed in the exam burst's profile.
        [question] = changed
        AttemptQuestion.objects.filter(pk=question.pk).update(
            response=question.response, answered_at=question.answered_at
        )
    elif changed:
        AttemptQuestion.objects.bulk_update(changed, ["response", "answered_at"])


def save_answers(*, user, quiz, number: int, data, now: datetime | None = None, position=None) -> Attempt:
    """
    Save the answers shown on one page of the attempt (``data`` is the submitted form).
    Refuses, changing nothing, if the attempt is finished, the time is up, or any answer
    could not be an answer to its question. ``quiz`` is the page or its id (the background
    save knows only the id).
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(user=user, quiz=quiz, number=number)
        if attempt.is_finished:
            raise AttemptFinished(_("This attempt has already been submitted, so its answers cannot change."))
        timed_out = is_overdue(attempt, now)
        if timed_out:
            # Close it (committed with this block), then refuse the late answers below.
            _finish(attempt, reason=ClosedReason.TIME_EXPIRED, now=now)
        else:
            _save_page(attempt, data, now)
            moved = position is not None and position != attempt.current_position
            if moved and 1 <= position <= attempt.questions.count():
                attempt.current_position = position
                attempt.save(update_fields=["current_position"])
    if timed_out:
        raise TimeUp(
            _(
                "The time allowed ran out at %(time)s, so this answer could not be saved. "
                "Your attempt has been marked with the answers saved before then."
            )
            % {"time": timezone.localtime(attempt.deadline).strftime("%H:%M")}
        )
    return attempt


def _save_page(attempt: Attempt, data, now: datetime) -> None:
    """Check and store the answers on one submitted page (the attempt row is locked): one read, one write."""
    positions = _positions_in(data)
    questions = {q.position: q for q in attempt.questions.filter(position__in=positions)}
    _store(questions, _parse_all(questions, data, positions), now)


def submit_attempt(*, user, quiz: QuizPage, number: int, data=None, now: datetime | None = None) -> Attempt:
    """
    Save any answers sent with the submission and mark the attempt, once. Submitting again
    (a second tab, a double click) returns the attempt as marked the first time.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(user=user, quiz=quiz, number=number)
        if attempt.is_finished:
            return attempt
        if is_overdue(attempt, now):
            _finish(attempt, reason=ClosedReason.TIME_EXPIRED, now=now)
            return attempt
        if data is not None and data.getlist("shown"):
            _save_page(attempt, data, now)
        _finish(attempt, reason=ClosedReason.SUBMITTED, now=now)
    return attempt


def _finish(attempt: Attempt, *, reason: str, now: datetime) -> None:
    """Mark every question, total the score and close the attempt (the row is locked)."""
    questions = list(attempt.questions.all())
    for question in questions:
        result = scoring.mark(
            question_type=question.question_type,
            content=question.content,
            response=question.response,
            marks=question.marks,
        )
        question.marks_awarded, question.correct = result.awarded, result.correct
    AttemptQuestion.objects.bulk_update(questions, ["marks_awarded", "correct"])
    attempt.marks_awarded = sum((q.marks_awarded for q in questions), Decimal(0))
    attempt.marks_available = sum((q.marks for q in questions), Decimal(0))
    attempt.score = scoring.percentage(attempt.marks_awarded, attempt.marks_available)
    attempt.passed = attempt.score >= Decimal(attempt.settings.get("pass_mark", 0))
    attempt.status = AttemptStatus.FINISHED
    attempt.closed_reason = reason
    attempt.finished_at = now
    attempt.save()
    attempt_finished.send(sender=Attempt, attempt=attempt, questions=questions)
    if attempt.passed and attempt.enrolment_id:
        course_services.complete_course_if_done(enrolment=attempt.enrolment, when=now)


def close_if_overdue(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Close and mark an attempt whose time ran out (on the officer's next visit, or from cron)."""
    now = now or timezone.now()
    if attempt.status != AttemptStatus.IN_PROGRESS or not is_overdue(attempt, now):
        return False
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != AttemptStatus.IN_PROGRESS:
            return False
        _finish(locked, reason=ClosedReason.TIME_EXPIRED, now=now)
    return True


def close_overdue_attempts(*, now: datetime | None = None) -> int:
    """Close every attempt whose time (plus the grace period) has run out. For cron."""
    now = now or timezone.now()
    overdue = Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lt=now - GRACE)
    return sum(close_if_overdue(attempt=attempt, now=now) for attempt in overdue.iterator())
