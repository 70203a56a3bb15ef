"""
Which attempt counts (the quiz's grading method), and what a pass or a fail leaves the officer
able to do next (issue 12 points 8 and 9; decision 56).
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from courses import services as course_services
from courses.models import CourseCompletion, ModulePage
from quizzes import selectors, services
from quizzes.completion import AssessmentPassedCriterion
from quizzes.models import Attempt, AttemptStatus, Grading, QuizPage
from tests.quizzes.conftest import form_data

pytestmark = pytest.mark.django_db


def finished(quiz, user, number, score, *, enrolment=None, pass_mark=80):
    """A finished attempt as an older release could leave it (before a pass closed the quiz)."""
    when = timezone.now() - datetime.timedelta(hours=10 - number)
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        quiz_title=quiz.title,
        course_title=quiz.course.title,
        enrolment=enrolment,
        number=number,
        status=AttemptStatus.FINISHED,
        started_at=when,
        finished_at=when + datetime.timedelta(minutes=5),
        score=Decimal(score),
        passed=Decimal(score) >= pass_mark,
        settings={"pass_mark": pass_mark},
    )


def unsaved(number, score, pass_mark=80):
    return Attempt(number=number, score=Decimal(score), passed=score >= pass_mark, status=AttemptStatus.FINISHED)


# The rule itself


@pytest.mark.parametrize(
    "grading, scores, counts",
    [
        (Grading.HIGHEST, [60, 90, 85], 2),
        (Grading.HIGHEST, [90, 90], 1),  # the earliest of equals
        (Grading.HIGHEST, [40, 70, 50], 2),  # none passed: still the highest
        (Grading.FIRST_PASS, [60, 85, 95], 2),
        (Grading.FIRST_PASS, [40, 70, 50], 3),  # none passed yet: the latest
        (Grading.LAST, [90, 60], 2),
        (Grading.LAST, [60, 85], 2),
    ],
)
def test_the_attempt_that_counts_under_each_grading_method(grading, scores, counts):
    attempts = [unsaved(number, score) for number, score in enumerate(scores, start=1)]
    assert selectors.counting_attempt(attempts, grading=grading).number == counts


def test_unfinished_attempts_never_count_and_no_attempt_means_no_result():
    open_attempt = Attempt(number=2, status=AttemptStatus.IN_PROGRESS)
    assert selectors.counting_attempt([unsaved(1, 50), open_attempt], grading=Grading.LAST).number == 1
    assert selectors.counting_attempt([open_attempt], grading=Grading.HIGHEST) is None


def test_a_quiz_counts_the_highest_score_unless_told_otherwise(quiz_course):
    # The migration's default: before the setting, any pass completed and the highest was recorded.
    assert QuizPage._meta.get_field("grading").default == Grading.HIGHEST
    assert QuizPage().grading == Grading.HIGHEST


# Completion, the record of learning and compliance follow the attempt that counts


@pytest.mark.parametrize(
    "grading, met, score, number",
    [
        (Grading.HIGHEST, True, "95.00", 3),
        (Grading.FIRST_PASS, True, "85.00", 2),
        (Grading.LAST, False, None, None),
    ],
)
def test_completion_follows_the_grading_method(people, quiz, grading, met, score, number):
    officer = people["officer"]
    QuizPage.objects.filter(pk=quiz.pk).update(grading=grading)
    enrolment = course_services.enrol(user=officer, course=quiz.course)
    for attempt_number, attempt_score in enumerate([60, 85, 95, 70], start=1):
        finished(quiz, officer, attempt_number, attempt_score, enrolment=enrolment)

    result = AssessmentPassedCriterion().evaluate_many([enrolment])[enrolment.pk]

    assert result.met is met
    assert result.score == (Decimal(score) if score else None)
    assert result.evidence.get("attempt_number") == number


def test_the_course_completion_records_the_score_of_the_attempt_that_counts(people, quiz):
    officer = people["officer"]
    QuizPage.objects.filter(pk=quiz.pk).update(grading=Grading.FIRST_PASS)
    enrolment = course_services.enrol(user=officer, course=quiz.course)
    finished(quiz, officer, 1, 85, enrolment=enrolment)
    finished(quiz, officer, 2, 100, enrolment=enrolment)
    course_services.complete_module(user=officer, module=ModulePage.objects.child_of(quiz.course).first())

    record = CourseCompletion.objects.get(user=officer)
    assert record.score == Decimal("85.00")
    assert record.evidence["assessment"]["attempt_number"] == 1


# After a pass, and after a fail


def test_after_a_pass_the_server_refuses_another_attempt(people, quiz):
    officer = people["officer"]
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=True))

    allowed = selectors.eligibility(user=officer, quiz=quiz)
    assert (allowed.can_start, allowed.pass_stands) == (False, True)
    with pytest.raises(services.NotAllowed, match="your pass is recorded"):
        services.start_attempt(user=officer, quiz=quiz)
    assert Attempt.objects.filter(user=officer).count() == 1


def test_after_a_pass_the_page_offers_no_attempt_and_a_forged_start_changes_nothing(client_as, people, quiz):
    officer = people["officer"]
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=True))
    client = client_as("officer")

    page = client.get(quiz.url).content.decode()
    assert "Start another attempt" not in page
    assert "You passed with 100% (attempt 1). Your pass is recorded" in page
    assert "This one counts" in page

    response = client.post(quiz.url + "start/", follow=True)
    assert "your pass is recorded" in response.content.decode()
    assert Attempt.objects.filter(user=officer).count() == 1


def test_once_the_pass_is_due_for_renewal_a_new_attempt_may_start(people, quiz):
    officer = people["officer"]
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=True))
    course_services.complete_module(user=officer, module=ModulePage.objects.child_of(quiz.course).first())
    record = CourseCompletion.objects.get(user=officer)
    assert not selectors.eligibility(user=officer, quiz=quiz).can_start

    record.valid_until = timezone.localdate() + datetime.timedelta(days=quiz.course.renewal_window_days)
    record.save(update_fields=["valid_until"])

    assert selectors.eligibility(user=officer, quiz=quiz).can_start


def test_a_failed_result_says_how_many_attempts_are_left(client_as, people, quiz):
    officer = people["officer"]
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=False))

    page = client_as("officer").get(quiz.url + "attempt/1/result/").content.decode()
    assert "You have 2 attempts left." in page
    assert "You can start the next one now." in page
    assert "Try again" in page


def test_a_failed_result_says_when_the_next_attempt_may_start(client_as, people, quiz):
    officer = people["officer"]
    QuizPage.objects.filter(pk=quiz.pk).update(minutes_between_attempts=60)
    quiz.refresh_from_db()
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt, right=False))
    next_start = timezone.localtime(Attempt.objects.get(pk=attempt.pk).finished_at + datetime.timedelta(hours=1))

    page = client_as("officer").get(quiz.url + "attempt/1/result/").content.decode()
    assert "You have 2 attempts left." in page
    assert f"You can start the next one from {next_start:%H:%M} on {next_start.day} {next_start:%B %Y}." in page
    assert "Try again" not in page


def test_the_last_failed_attempt_says_none_are_left(client_as, people, quiz):
    officer = people["officer"]
    for number in (1, 2, 3):
        attempt = services.start_attempt(user=officer, quiz=quiz)
        services.submit_attempt(user=officer, quiz=quiz, number=number, data=form_data(attempt, right=False))

    page = client_as("officer").get(quiz.url + "attempt/3/result/").content.decode()
    assert "You have no attempts left." in page
    assert "Try again" not in page


@pytest.mark.parametrize(
    "grading, text",
    [
        (Grading.HIGHEST, "Your highest score counts."),
        (Grading.FIRST_PASS, "Your first pass counts"),
        (Grading.LAST, "Your last attempt counts."),
    ],
)
def test_the_officer_is_told_which_attempt_counts_before_starting(client_as, quiz, grading, text):
    QuizPage.objects.filter(pk=quiz.pk).update(grading=grading)
    page = client_as("officer").get(quiz.url).content.decode()
    assert "Which attempt counts" in page
    assert text in page
