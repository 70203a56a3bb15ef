"""What the officer reads while answering: hints, the check-your-answers page, the time limit (issue 12)."""

import datetime

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import Attempt
from tests.quizzes.conftest import body, choice

pytestmark = pytest.mark.django_db


def attempt_page(client_as, quiz, query=""):
    return client_as("officer").get(quiz.url + "attempt/1/" + query).content.decode()


def test_select_all_that_apply_is_said_once_whether_or_not_the_question_says_it(client_as, people, quiz_course):
    says_it = QuestionFactory(
        title="Says it",
        prompt="Which steps are right? Select all that apply.",
        body=body("multiple_response", choices=[choice("A", True), choice("B", True), choice("C")]),
    )
    does_not = QuestionFactory(
        title="Does not",
        prompt="Which steps are right?",
        body=body("multiple_response", choices=[choice("D", True), choice("E", True), choice("F")]),
    )
    quiz = QuizPageFactory(parent=quiz_course, slug="hints", layout="all_on_one_page", questions=[says_it, does_not])
    services.start_attempt(user=people["officer"], quiz=quiz)

    page = attempt_page(client_as, quiz)

    assert page.lower().count("select all that apply") == 2  # once per question, never twice for one
    assert 'aria-describedby="q-2-hint"' in page and 'aria-describedby="q-1-hint"' not in page


def test_check_your_answers_shows_a_scenario_with_its_context(client_as, people, quiz):
    services.start_attempt(user=people["officer"], quiz=quiz)
    page = attempt_page(client_as, quiz, "?summary=1")
    assert "A call on a Saturday morning." in page
    assert "<p>A call on a Saturday morning.</p>" not in page  # the words, not the markup


def test_a_timed_attempt_keeps_the_clock_time_and_carries_the_countdown(client_as, people, quiz):
    quiz.time_limit_minutes = 20
    quiz.save()
    services.start_attempt(user=people["officer"], quiz=quiz)
    deadline = timezone.localtime(Attempt.objects.get(user=people["officer"]).deadline)

    page = attempt_page(client_as, quiz)

    # Without JavaScript: the clock time, the grace period, and how to ask for more time.
    assert f"Submit your answers by {deadline:%H:%M}." in page
    assert "you have 60 seconds of grace to save what you have answered" in page
    assert "ask your trainer or line manager for a reasonable adjustment" in page
    # For the script: the server's deadline, the timer (not live) and a separate polite region.
    assert f'data-deadline="{int(deadline.timestamp())}"' in page
    assert 'role="timer" aria-live="off"' in page
    assert (
        'class="govuk-body govuk-!-margin-bottom-0 app-countdown__announce" role="status" aria-live="polite"' in page
    )
    assert "quizzes/countdown" in page


def test_an_untimed_attempt_has_no_countdown(client_as, people, quiz):
    services.start_attempt(user=people["officer"], quiz=quiz)
    page = attempt_page(client_as, quiz)
    assert 'role="timer"' not in page and "countdown" not in page


def test_the_countdown_follows_the_servers_deadline(client_as, people, quiz):
    quiz.time_limit_minutes = 20
    quiz.save()
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    moved = timezone.now() + datetime.timedelta(minutes=3)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=moved)
    assert f'data-deadline="{int(moved.timestamp())}"' in attempt_page(client_as, quiz)
