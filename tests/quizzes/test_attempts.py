"""Attempt rules, through the services: freezing, answering, time limits, marking, completion."""

import datetime
import io
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services as course_services
from courses.models import CourseCompletion, Enrolment
from quizzes import selectors, services
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import Adjustment, Attempt, AttemptQuestion, AttemptStatus, ClosedReason, Question
from tests.quizzes.conftest import body, choice, form_data

pytestmark = pytest.mark.django_db


def start(people, quiz, role="officer", **kwargs):
    return services.start_attempt(user=people[role], quiz=quiz, **kwargs)


def test_starting_freezes_every_question_with_its_revision(people, quiz, bank):
    attempt = start(people, quiz)
    questions = list(attempt.questions.order_by("position"))
    assert [q.question_title for q in questions] == [q.title for q in bank.values()]
    single = questions[0]
    assert single.question_revision_id == bank["single_choice"].live_revision_id
    assert [c["text"] for c in single.content["choices"]] == ["Alpha", "Bravo", "Charlie"]
    assert [c["correct"] for c in single.content["choices"]] == [True, False, False]
    assert attempt.marks_available == Decimal(8)
    assert attempt.settings["pass_mark"] == 80
    assert attempt.enrolment.course == quiz.course  # starting enrols the officer on the course


def test_editing_or_deleting_a_question_later_changes_neither_the_attempt_nor_its_score(people, quiz, bank):
    attempt = start(people, quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=True))
    attempt.refresh_from_db()
    frozen = list(AttemptQuestion.objects.filter(attempt=attempt).values_list("content", "prompt", "marks_awarded"))

    edited = Question.objects.get(pk=bank["single_choice"].pk)
    edited.prompt = "Rewritten"
    edited.body = body("single_choice", choices=[choice("Bravo", True), choice("Alpha", False)])
    edited.save()
    edited.save_revision().publish()
    quiz.slots.filter(question=bank["true_false"]).delete()
    Question.objects.filter(pk=bank["true_false"].pk).delete()

    assert (
        list(AttemptQuestion.objects.filter(attempt=attempt).values_list("content", "prompt", "marks_awarded"))
        == frozen
    )
    assert Attempt.objects.get(pk=attempt.pk).score == Decimal("100.00")
    assert AttemptQuestion.objects.get(attempt=attempt, question_title="True or false").question is None


def test_at_most_one_attempt_in_progress_is_a_database_rule(people, quiz):
    attempt = start(people, quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            user=people["officer"], quiz=quiz, quiz_title="x", course_title="x", number=2, started_at=timezone.now()
        )
    assert start(people, quiz) == attempt  # starting again resumes


def test_attempt_numbers_are_unique_per_officer_and_quiz(people, quiz):
    first = start(people, quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1)
    second = start(people, quiz)
    other = start(people, quiz, role="other_officer")
    assert (first.number, second.number, other.number) == (1, 2, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            user=people["officer"],
            quiz=quiz,
            quiz_title="x",
            course_title="x",
            number=1,
            started_at=timezone.now(),
            status=AttemptStatus.FINISHED,
        )


def test_answers_are_saved_as_the_officer_goes_and_survive_for_the_next_visit(people, quiz):
    attempt = start(people, quiz)
    services.save_answers(
        user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, positions=[1, 2]), position=3
    )
    saved = Attempt.objects.get(pk=attempt.pk)
    assert saved.current_position == 3
    assert [bool(q.response) for q in saved.questions.order_by("position")] == [True, True, False, False, False, False]


def test_a_right_attempt_passes_and_completes_the_course_with_the_attempt_as_evidence(people, quiz):
    officer = people["officer"]
    course_services.enrol(user=officer, course=quiz.course)
    course_services.complete_module(
        user=officer,
        module=quiz.course.get_children()
        .type(__import__("courses.models", fromlist=["ModulePage"]).ModulePage)
        .first()
        .specific,
    )
    attempt = start(people, quiz)
    assert not CourseCompletion.objects.exists()

    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=True))

    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, attempt.closed_reason) == (Decimal("100.00"), True, ClosedReason.SUBMITTED)
    record = CourseCompletion.objects.get(user=officer)
    assert record.score == Decimal("100.00")
    assert record.evidence["assessment"]["attempt_id"] == attempt.pk
    assert record.evidence["assessment"]["attempt_number"] == 1


def test_passing_before_reading_the_modules_completes_the_course_when_the_last_module_is_read(people, quiz):
    from courses.models import ModulePage

    officer = people["officer"]
    attempt = start(people, quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=True))
    assert not CourseCompletion.objects.exists()
    module = ModulePage.objects.child_of(quiz.course).first()
    result = course_services.complete_module(user=officer, module=module)
    assert result.course_completion.evidence["assessment"]["attempt_id"] == attempt.pk


def test_a_wrong_attempt_fails_and_does_not_complete_the_course(people, quiz):
    attempt = start(people, quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    attempt.refresh_from_db()
    assert attempt.score == Decimal("0.00")
    assert attempt.passed is False
    assert not CourseCompletion.objects.exists()


def test_submitting_twice_marks_once(people, quiz):
    attempt = start(people, quiz)
    first = services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt))
    second = services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    assert first.finished_at == second.finished_at
    assert Attempt.objects.get(pk=attempt.pk).score == Decimal("100.00")


def test_saving_to_a_finished_attempt_is_refused_and_changes_nothing(people, quiz):
    attempt = start(people, quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    before = list(AttemptQuestion.objects.values_list("response", flat=True))
    with pytest.raises(services.AttemptFinished):
        services.save_answers(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=True))
    assert list(AttemptQuestion.objects.values_list("response", flat=True)) == before


def test_one_bad_answer_refuses_the_whole_page(people, quiz):
    attempt = start(people, quiz)
    data = form_data(attempt)
    data.setlist("q-1", ["forged-id"])
    with pytest.raises(services.BadAnswer):
        services.save_answers(user=people["officer"], quiz=quiz, number=1, data=data)
    assert not AttemptQuestion.objects.filter(response__isnull=False).exists()


def test_a_question_not_in_the_attempt_is_refused(people, quiz):
    attempt = start(people, quiz)
    data = form_data(attempt, positions=[1])
    data.appendlist("shown", "99")
    with pytest.raises(services.BadAnswer, match="not part of this attempt"):
        services.save_answers(user=people["officer"], quiz=quiz, number=1, data=data)


def test_another_officers_attempt_cannot_be_touched(people, quiz):
    attempt = start(people, quiz)
    with pytest.raises(services.AttemptNotFound):
        services.save_answers(user=people["other_officer"], quiz=quiz, number=1, data=form_data(attempt))
    with pytest.raises(services.AttemptNotFound):
        services.submit_attempt(user=people["other_officer"], quiz=quiz, number=1)
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS


@pytest.fixture
def timed_quiz(quiz):
    quiz.time_limit_minutes = 10
    quiz.save()
    return quiz


def test_the_deadline_is_stored_at_the_start(people, timed_quiz):
    now = timezone.now()
    attempt = start(people, timed_quiz, now=now)
    assert attempt.deadline == now + datetime.timedelta(minutes=10)


def test_answers_within_the_grace_period_after_the_deadline_are_accepted(people, timed_quiz):
    now = timezone.now()
    attempt = start(people, timed_quiz, now=now)
    late = now + datetime.timedelta(minutes=10, seconds=59)
    services.save_answers(user=people["officer"], quiz=timed_quiz, number=1, data=form_data(attempt), now=late)
    assert AttemptQuestion.objects.filter(response__isnull=False).count() == 6


def test_answers_after_the_grace_period_are_refused_and_the_attempt_is_marked_with_what_was_saved(people, timed_quiz):
    now = timezone.now()
    attempt = start(people, timed_quiz, now=now)
    services.save_answers(
        user=people["officer"], quiz=timed_quiz, number=1, data=form_data(attempt, positions=[1]), now=now
    )
    too_late = now + datetime.timedelta(minutes=11, seconds=1)
    with pytest.raises(services.TimeUp, match="ran out"):
        services.save_answers(user=people["officer"], quiz=timed_quiz, number=1, data=form_data(attempt), now=too_late)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.FINISHED
    assert attempt.closed_reason == ClosedReason.TIME_EXPIRED
    assert attempt.marks_awarded == Decimal("1.00")  # only question 1 was saved in time


def test_a_late_submission_is_marked_without_its_late_answers(people, timed_quiz):
    now = timezone.now()
    attempt = start(people, timed_quiz, now=now)
    late = now + datetime.timedelta(minutes=12)
    services.submit_attempt(user=people["officer"], quiz=timed_quiz, number=1, data=form_data(attempt), now=late)
    attempt.refresh_from_db()
    assert (attempt.closed_reason, attempt.score) == (ClosedReason.TIME_EXPIRED, Decimal("0.00"))


def test_overdue_attempts_are_closed_by_the_cron_command(people, timed_quiz):
    attempt = start(people, timed_quiz, now=timezone.now() - datetime.timedelta(minutes=30))
    fresh = start(people, timed_quiz, role="other_officer")
    call_command("close_overdue_attempts", stdout=io.StringIO())
    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert (attempt.status, attempt.closed_reason) == (AttemptStatus.FINISHED, ClosedReason.TIME_EXPIRED)
    assert fresh.status == AttemptStatus.IN_PROGRESS


def test_extra_time_is_a_percentage_of_the_limit(people, timed_quiz):
    Adjustment.objects.create(
        user=people["officer"], quiz=timed_quiz, extra_time_percent=50, reason="Dyslexia", granted_by=people["trainer"]
    )
    now = timezone.now()
    attempt = start(people, timed_quiz, now=now)
    assert attempt.deadline == now + datetime.timedelta(minutes=15)
    assert attempt.settings["extra_time_percent"] == 50
    # 14 minutes in: too late for others, fine for this officer.
    services.save_answers(
        user=people["officer"],
        quiz=timed_quiz,
        number=1,
        data=form_data(attempt),
        now=now + datetime.timedelta(minutes=14),
    )


def test_extra_attempts_are_added_to_the_allowance(people, quiz):
    for _ in range(3):
        attempt = start(people, quiz)
        services.submit_attempt(
            user=people["officer"], quiz=quiz, number=attempt.number, data=form_data(attempt, right=False)
        )
    with pytest.raises(services.NotAllowed, match="used all 3 attempts"):
        start(people, quiz)
    Adjustment.objects.create(
        user=people["officer"],
        quiz=None,
        extra_attempts=1,
        reason="Called to an emergency",
        granted_by=people["trainer"],
    )
    assert start(people, quiz).number == 4


def test_minimum_time_between_attempts(people, quiz):
    quiz.minutes_between_attempts = 60
    quiz.save()
    now = timezone.now()
    attempt = start(people, quiz, now=now)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False), now=now)
    with pytest.raises(services.NotAllowed, match="try again from"):
        start(people, quiz, now=now + datetime.timedelta(minutes=59))
    assert start(people, quiz, now=now + datetime.timedelta(minutes=61)).number == 2


def test_random_draws_take_live_questions_from_the_category_without_repeats(people, quiz_course, bank):
    from quizzes.factories import QuestionCategoryFactory

    category = QuestionCategoryFactory(name="Testing")
    QuestionFactory(title="Draft only", category=category, live=False, publish=False)
    quiz = QuizPageFactory(
        parent=quiz_course,
        slug="drawn",
        questions=[bank["single_choice"]],
        draws=[(10, category)],
        shuffle_questions=False,
    )
    attempt = services.start_attempt(user=people["officer"], quiz=quiz, rng=random.Random(5))
    titles = list(attempt.questions.order_by("position").values_list("question_title", flat=True))
    assert titles[0] == "Single"
    assert len(titles) == len(set(titles)) == 6  # every live question in the category, each once
    assert "Draft only" not in titles


def test_shuffling_questions_and_choices_follows_the_quiz_settings_and_still_marks_right(people, quiz_course, bank):
    fixed = list(bank.values())
    titles = [question.title for question in fixed]

    in_order = QuizPageFactory(parent=quiz_course, slug="in-order", questions=fixed, shuffle_questions=False)
    attempt = services.start_attempt(user=people["officer"], quiz=in_order, rng=random.Random(3))
    assert list(attempt.questions.order_by("position").values_list("question_title", flat=True)) == titles

    shuffled = QuizPageFactory(
        parent=quiz_course, slug="shuffled", questions=fixed, shuffle_questions=True, shuffle_choices=True
    )
    expected = list(titles)
    random.Random(3).shuffle(expected)  # the same draw the service makes with this seed
    assert expected != titles
    attempt = services.start_attempt(user=people["other_officer"], quiz=shuffled, rng=random.Random(3))
    frozen = list(attempt.questions.order_by("position"))
    assert [question.question_title for question in frozen] == expected

    # Choices are frozen in the shuffled order the officer sees; some moved, none lost.
    moved = False
    for question in frozen:
        original = question.question.body[0].value
        if "choices" in original:
            texts = [choice["text"] for choice in original["choices"]]
            seen = [choice["text"] for choice in question.content["choices"]]
            assert sorted(seen) == sorted(texts)
            moved = moved or seen != texts
    assert moved
    marked = services.submit_attempt(
        user=people["other_officer"], quiz=shuffled, number=1, data=form_data(attempt, right=True)
    )
    assert marked.score == 100


def test_a_quiz_without_questions_cannot_be_started(people, quiz_course):
    empty = QuizPageFactory(parent=quiz_course, slug="empty", questions=[])
    with pytest.raises(services.NotAllowed, match="no questions"):
        services.start_attempt(user=people["officer"], quiz=empty)
    assert not Attempt.objects.exists()


def test_review_is_held_back_until_passed_or_out_of_attempts_when_the_quiz_says_so(people, quiz):
    quiz.review_when = "after_pass_or_final"
    quiz.attempts_allowed = 2
    quiz.save()
    officer = people["officer"]
    first = start(people, quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(first, right=False))
    review = selectors.review_for(
        attempt=Attempt.objects.get(pk=first.pk), allowed=selectors.eligibility(user=officer, quiz=quiz)
    )
    assert review.level == "score_only"

    second = start(people, quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=2, data=form_data(second, right=False))
    allowed = selectors.eligibility(user=officer, quiz=quiz)
    assert allowed.attempts_left == 0
    assert selectors.review_for(attempt=Attempt.objects.get(pk=first.pk), allowed=allowed).level == "full"


def test_enrolments_are_not_duplicated_by_starting(people, quiz):
    course_services.enrol(user=people["officer"], course=quiz.course)
    start(people, quiz)
    assert Enrolment.objects.filter(user=people["officer"]).count() == 1


def test_a_new_officer_has_no_attempts(quiz):
    officer = UserFactory()
    allowed = selectors.eligibility(user=officer, quiz=quiz)
    assert allowed.can_start and allowed.attempts == [] and allowed.attempts_left == 3
