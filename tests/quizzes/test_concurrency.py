"""Two tabs, or a double click, at the same moment: one attempt, one mark."""

import pytest

from accounts.factories import UnitFactory, UserFactory
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from quizzes import services
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import Attempt, AttemptStatus
from tests.courses.test_concurrency import run_together
from tests.quizzes.conftest import form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def setup_quiz():
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Concurrent quiz course")
    quiz = QuizPageFactory(parent=course, questions=[QuestionFactory(title=f"Concurrent {n}") for n in range(3)])
    return quiz, UserFactory(unit=UnitFactory())


def test_submitting_from_two_tabs_at_once_gives_one_graded_result(setup_quiz):
    quiz, officer = setup_quiz
    attempt = services.start_attempt(user=officer, quiz=quiz)
    right, wrong = form_data(attempt, right=True), form_data(attempt, right=False)
    forms = iter([right, wrong, right, wrong])

    results = []
    run_together(lambda: results.append(services.submit_attempt(user=officer, quiz=quiz, number=1, data=next(forms))))

    marked = Attempt.objects.get(pk=attempt.pk)
    assert marked.status == AttemptStatus.FINISHED
    assert {(r.finished_at, r.score) for r in results} == {(marked.finished_at, marked.score)}
    assert Attempt.objects.filter(user=officer).count() == 1


def test_starting_from_two_tabs_at_once_gives_one_attempt(setup_quiz):
    quiz, officer = setup_quiz
    run_together(lambda: services.start_attempt(user=officer, quiz=quiz))
    assert Attempt.objects.filter(user=officer).count() == 1


def test_two_tabs_posting_submit_at_once_give_one_graded_result_over_http(setup_quiz):
    """
    The same race through the real views, four requests with the officer's session at once:
    none fails, every tab is sent to the one result. (That only one of them marks the attempt
    is proven by the service-level test above, which fails without the row lock.)
    """
    from django.test import Client

    from tests.quizzes.conftest import post_data

    quiz, officer = setup_quiz
    attempt = services.start_attempt(user=officer, quiz=quiz)
    signed_in = Client()
    signed_in.force_login(officer)
    submit_url = f"{quiz.url}attempt/1/submit/"
    forms = iter([post_data(form_data(attempt, right=right)) for right in (True, False, True, False)])
    responses = []

    def submit():
        client = Client()
        client.cookies = signed_in.cookies
        responses.append(client.post(submit_url, next(forms)))

    run_together(submit)

    marked = Attempt.objects.get(pk=attempt.pk)
    assert marked.status == AttemptStatus.FINISHED
    assert marked.score in (0, 100)
    assert Attempt.objects.filter(user=officer).count() == 1
    # Every tab lands on the one result; none is an error.
    assert len(responses) == 4
    assert {response.status_code for response in responses} == {302}
    assert len({response["Location"] for response in responses}) == 1
