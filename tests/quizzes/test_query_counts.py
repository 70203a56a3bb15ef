"""
Query counts for the quiz page and the background save of answers, pinned within the
budget of issue 10 (quiz page ≤ 10, background save ≤ 8). They must not grow with the
number of questions, the questions answered or the officers who took the quiz.

The quiz page: the rest of the URL in one query (the site and its home page come from the
cache, ``core.sites``; the privacy check too, where no page on the branch is restricted),
the session and the user; the quiz's own fields, its question count with the officer's
adjustments (one query), the officer's attempts, the header. The background save
is a plain URL (``quizzes:save_in_background``): the session, the user, then the attempt
locked, its questions on the page, one update (SAVEPOINT and RELEASE inside a test).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from quizzes import kept_answers, scoring, services
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import AttemptQuestion
from tests.quizzes.conftest import form_data, post_data

pytestmark = pytest.mark.django_db

QUIZ_PAGE_QUERIES = 6
SAVE_QUERIES = 7


def make_quiz(course, questions: int, slug: str, layout: str = "all_on_one_page"):
    bank = [QuestionFactory(title=f"{slug} q{n}") for n in range(questions)]
    return QuizPageFactory(parent=course, slug=slug, questions=bank, layout=layout)


def count(client, method, path, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data or {})
    assert response.status_code == 200, response.content[:500]
    return len(queries)


def take_quiz(officers, quiz):
    for officer in officers:
        services.submit_attempt(user=officer, quiz=quiz, number=services.start_attempt(user=officer, quiz=quiz).number)


@pytest.mark.parametrize(("questions", "crowd"), [(3, 0), (30, 0), (3, 200)])
def test_quiz_page_queries_do_not_grow(client_as, people, quiz_course, questions, crowd):
    quiz = make_quiz(quiz_course, questions, slug=f"q{questions}-{crowd}")
    take_quiz(UserFactory.create_batch(crowd), quiz)
    client = client_as("officer")
    client.get(quiz.url)  # warm the per-process caches
    assert count(client, "get", quiz.url) == QUIZ_PAGE_QUERIES
    # With an attempt of their own in progress and two finished before it.
    take_quiz([people["officer"]] * 2, quiz)
    services.start_attempt(user=people["officer"], quiz=quiz)
    assert count(client, "get", quiz.url) == QUIZ_PAGE_QUERIES


@pytest.mark.parametrize(("questions", "answered", "crowd"), [(3, 1, 0), (30, 1, 0), (30, 30, 0), (3, 3, 200)])
def test_background_save_queries_do_not_grow(client_as, people, quiz_course, questions, answered, crowd):
    quiz = make_quiz(quiz_course, questions, slug=f"q{questions}-{answered}-{crowd}")
    take_quiz(UserFactory.create_batch(crowd), quiz)
    client = client_as("officer")
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    save = reverse("quizzes:save_in_background", args=[quiz.pk, attempt.number])
    shown = list(range(1, answered + 1))
    client.post(save, post_data(form_data(attempt, right=False, positions=shown)))
    # The questions shown answered again at once, every answer changed.
    assert count(client, "post", save, post_data(form_data(attempt, right=True, positions=shown))) == SAVE_QUERIES
    for question in AttemptQuestion.objects.filter(attempt=attempt, position__in=shown):
        assert scoring.mark(
            question_type=question.question_type,
            content=question.content,
            response=question.response,
            marks=question.marks,
        ).correct


def test_the_attempt_page_sends_answers_to_the_background_save(client_as, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    content = client_as("officer").get(quiz.url + "attempt/1/").content.decode()
    assert f'data-autosave-url="{reverse("quizzes:save_in_background", args=[quiz.pk, attempt.number])}"' in content


@pytest.mark.parametrize("role", ["other_officer", "trainer", "administrator"])
def test_the_background_save_touches_only_the_officers_own_attempt(client_as, people, quiz, role):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    save = reverse("quizzes:save_in_background", args=[quiz.pk, attempt.number])
    response = client_as(role).post(save, post_data(form_data(attempt, right=True)))
    assert response.status_code == 404 and response.json()["saved"] is False
    assert not AttemptQuestion.objects.filter(attempt=attempt, response__isnull=False).exists()


def test_the_background_save_keeps_the_answers_of_a_signed_out_officer(client_as, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    client = client_as("anonymous")
    save = reverse("quizzes:save_in_background", args=[quiz.pk, attempt.number])
    # The page the officer had open says whose attempt it is (quizzes/kept_answers.py).
    owner = kept_answers.token_for(user=people["officer"], quiz_id=quiz.pk, number=attempt.number)
    response = client.post(save, post_data(form_data(attempt, right=True), kept_for=owner))
    assert response.status_code == 401 and response.json()["saved"] is False
    client.force_login(people["officer"])
    client.get(quiz.url + "attempt/1/")  # the attempt page saves what was kept
    assert AttemptQuestion.objects.filter(attempt=attempt, response__isnull=False).count() == attempt.questions.count()


def test_the_background_save_refuses_get(client_as, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    save = reverse("quizzes:save_in_background", args=[quiz.pk, attempt.number])
    assert client_as("officer").get(save).status_code == 405


#: One question of an attempt (one question per page): the session, the user, the rest of the
#: URL, the attempt, its questions (the header and the privacy check come from the cache).
QUESTION_PAGE_QUERIES = 5


@pytest.mark.parametrize(("questions", "answered", "crowd"), [(3, 0, 0), (30, 0, 0), (30, 30, 0), (3, 3, 200)])
def test_question_page_queries_do_not_grow(client_as, people, quiz_course, questions, answered, crowd):
    """Ten of an exam sitting's 23 requests are this page (benchmarks/exam_burst.py)."""
    quiz = make_quiz(quiz_course, questions, slug=f"p{questions}-{answered}-{crowd}", layout="one_per_page")
    take_quiz(UserFactory.create_batch(crowd), quiz)
    client = client_as("officer")
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    if answered:
        services.save_answers(
            user=people["officer"],
            quiz=quiz,
            number=attempt.number,
            data=form_data(attempt, right=True, positions=range(1, answered + 1)),
        )
    page = f"{quiz.url}attempt/{attempt.number}/?q={questions}"
    client.get(page)  # warm the per-process caches
    assert count(client, "get", page) == QUESTION_PAGE_QUERIES
