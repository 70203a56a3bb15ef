"""Quiz pages from every role's point of view, tampering, leaks and lost sessions."""

import re

import pytest

from quizzes import services
from quizzes.models import Attempt, AttemptQuestion, AttemptStatus
from tests.quizzes.conftest import (
    SECRET_ACCEPTED,
    SECRET_EXPLANATION,
    SECRET_FEEDBACK,
    form_data,
    kept_for,
    post_data,
)

pytestmark = pytest.mark.django_db

SIGNED_IN = ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]


def url(quiz, *parts):
    return quiz.url + "".join(f"{part}/" for part in parts)


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
def test_the_quiz_page_is_for_signed_in_people(client_as, quiz, role):
    response = client_as(role).get(quiz.url)
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/account/sign-in/")
    else:
        assert response.status_code == 200
        assert "Start the assessment" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
def test_starting_creates_an_attempt_for_the_person_signed_in_only(client_as, people, quiz, role):
    response = client_as(role).post(url(quiz, "start"))
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/account/sign-in/")
        assert not Attempt.objects.exists()
    else:
        assert response.url == url(quiz, "attempt", 1) + "?q=1"
        assert list(Attempt.objects.values_list("user__username", flat=True)) == [people[role].username]


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
@pytest.mark.parametrize("view", ["attempt", "result"])
def test_only_the_officer_sees_their_attempt(client_as, people, quiz, role, view):
    services.start_attempt(user=people["officer"], quiz=quiz)
    if view == "result":
        services.submit_attempt(user=people["officer"], quiz=quiz, number=1)
    response = client_as(role).get(url(quiz, "attempt", 1, *([view] if view == "result" else [])))
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "officer":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", SIGNED_IN)
def test_nobody_else_can_answer_or_submit_an_officers_attempt(client_as, people, quiz, role):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    client = client_as(role)
    data = post_data(form_data(attempt))
    save = client.post(url(quiz, "attempt", 1), data)
    autosave = client.post(url(quiz, "attempt", 1, "save"), data)
    submit = client.post(url(quiz, "attempt", 1, "submit"), data)
    attempt.refresh_from_db()
    if role == "officer":
        assert save.status_code == 302 and submit.status_code == 302 and autosave.status_code == 200
        assert attempt.status == AttemptStatus.FINISHED
    else:
        assert (save.status_code, autosave.status_code, submit.status_code) == (404, 404, 404)
        assert attempt.status == AttemptStatus.IN_PROGRESS
        assert not AttemptQuestion.objects.filter(response__isnull=False).exists()


def test_no_response_during_an_attempt_contains_a_correct_answer_or_explanation(client_as, people, quiz):
    """Every page and JSON response sent while the attempt is open is searched for the answers."""
    client = client_as("officer")
    bodies = [client.get(quiz.url).content, client.post(url(quiz, "start"), follow=True).content]
    attempt = Attempt.objects.get()
    correct_texts = set()
    for question in attempt.questions.all():
        correct_texts |= {c["text"] for c in question.content.get("choices", []) if c["correct"]}
    data = post_data(form_data(attempt))
    bodies.append(client.post(url(quiz, "attempt", 1, "save"), data).content)
    bodies.append(client.post(url(quiz, "attempt", 1), {**data, "action": "finish"}, follow=True).content)
    bodies.append(client.get(url(quiz, "attempt", 1)).content)
    bodies.append(client.get(url(quiz, "attempt", 1) + "?summary=1").content)
    page = b"\n".join(bodies).decode()

    for marker in (SECRET_FEEDBACK, SECRET_EXPLANATION):
        assert marker not in page
    assert page.count(SECRET_ACCEPTED) == 1  # only in the officer's own typed answer, echoed back
    assert '"correct"' not in page and "answer_id" not in page
    # Every correct choice text is shown exactly as often as the wrong ones: as an option, never marked.
    for text in correct_texts:
        assert f">{text}</label>" in page
    assert "govuk-tag--green" not in page


def test_one_question_per_page_and_error_responses_leak_nothing_either(client_as, people, quiz):
    """The layout the mandatory demo uses: every question page, each save, and the 4xx bodies."""
    quiz.layout = "one_per_page"
    quiz.shuffle_choices = True
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    client = client_as("officer")
    bodies = [client.post(url(quiz, "start"), follow=True).content]
    attempt = Attempt.objects.get()
    total = attempt.questions.count()
    for position in range(1, total + 1):
        bodies.append(client.get(url(quiz, "attempt", 1) + f"?q={position}").content)
        answer = post_data(form_data(attempt, positions=[position]), position=str(position), action="next")
        bodies.append(client.post(url(quiz, "attempt", 1), answer, follow=True).content)
        bodies.append(client.post(url(quiz, "attempt", 1, "save"), answer).content)
    # Tampered and oversized answers: clear 4xx messages that reveal nothing either.
    tampered = post_data(form_data(attempt, positions=[1]))
    tampered["q-1"] = ["999999"]
    bad = client.post(url(quiz, "attempt", 1, "save"), tampered)
    assert bad.status_code == 400
    bodies.append(bad.content)
    bodies.append(client.post(url(quiz, "attempt", 1), {**tampered, "position": "1"}).content)
    bodies.append(client.get(url(quiz, "attempt", 1) + "?summary=1").content)
    page = b"\n".join(bodies).decode()

    assert total == len(quiz.slots.all()) == 6  # every question's page was fetched and answered
    for marker in (SECRET_FEEDBACK, SECRET_EXPLANATION):
        assert marker not in page
    assert '"correct"' not in page and "answer_id" not in page
    assert "govuk-tag--green" not in page
    assert Attempt.objects.get().status == AttemptStatus.IN_PROGRESS


def test_the_result_page_shows_answers_and_explanations_when_the_policy_allows(client_as, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    content = client_as("officer").get(url(quiz, "attempt", 1, "result")).content.decode()
    assert "You did not pass this time" in content
    assert SECRET_EXPLANATION in content
    assert "Correct answer" in content and "Alpha" in content
    assert f"{SECRET_FEEDBACK} bravo" in content  # feedback for the wrong choice the officer made


def test_a_mandatory_assessment_shows_only_the_score_until_passed_or_out_of_attempts(client_as, people, quiz):
    quiz.review_when = "after_pass_or_final"
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    content = client_as("officer").get(url(quiz, "attempt", 1, "result")).content.decode()
    assert "Your score: 0%" in content
    assert "The answers are shown once you pass" in content
    assert SECRET_EXPLANATION not in content and SECRET_FEEDBACK not in content
    assert "Correct answer" not in content and "Your answers" not in content


def test_an_earlier_attempts_answers_stay_hidden_while_the_last_attempt_is_open(client_as, people, quiz):
    quiz.review_when = "after_pass_or_final"
    quiz.attempts_allowed = 2
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    officer = people["officer"]
    first = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(first, right=False))
    second = services.start_attempt(user=officer, quiz=quiz)  # the last attempt: none left once started
    client = client_as("officer")

    content = client.get(url(quiz, "attempt", 1, "result")).content.decode()
    assert SECRET_EXPLANATION not in content and "Correct answer" not in content

    services.submit_attempt(user=officer, quiz=quiz, number=2, data=form_data(second, right=False))
    content = client.get(url(quiz, "attempt", 1, "result")).content.decode()
    assert SECRET_EXPLANATION in content and "Correct answer" in content  # out of attempts: now shown


@pytest.mark.parametrize(
    ("tamper", "status", "message"),
    [
        ("unknown_choice", 400, "not one of the choices"),
        ("question_not_in_attempt", 400, "not part of this attempt"),
        ("huge_question_number", 400, "not part of this attempt"),
        ("oversized_text", 400, "at most 200 characters"),
        ("finished_attempt", 409, "already been submitted"),
    ],
)
def test_tampered_submissions_get_a_clear_4xx_and_change_nothing(client_as, people, quiz, tamper, status, message):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    services.save_answers(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    data = form_data(attempt, right=True)
    if tamper == "unknown_choice":
        data.setlist("q-1", ["deadbeef00"])
    elif tamper == "question_not_in_attempt":
        data.appendlist("shown", "42")
    elif tamper == "huge_question_number":
        data.setlist("shown", ["1", "9" * 25])  # too big for the database's integers
    elif tamper == "oversized_text":
        short = AttemptQuestion.objects.get(attempt=attempt, question_type="short_text").position
        data.setlist(f"q-{short}", ["x" * 5000])
    elif tamper == "finished_attempt":
        services.submit_attempt(user=people["officer"], quiz=quiz, number=1)
    before = list(AttemptQuestion.objects.order_by("pk").values_list("response", "marks_awarded"))
    attempt_before = Attempt.objects.values("status", "score", "finished_at").get()

    client = client_as("officer")
    page = client.post(url(quiz, "attempt", 1), post_data(data))
    background = client.post(url(quiz, "attempt", 1, "save"), post_data(data))

    assert page.status_code == status and message in page.content.decode()
    assert background.status_code == status and message in background.json()["message"]
    assert list(AttemptQuestion.objects.order_by("pk").values_list("response", "marks_awarded")) == before
    assert Attempt.objects.values("status", "score", "finished_at").get() == attempt_before


def test_one_question_per_page_saves_as_the_officer_moves_and_resumes_where_they_were(client_as, people, quiz):
    quiz.layout = "one_per_page"
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    client = client_as("officer")
    client.post(url(quiz, "start"))
    attempt = Attempt.objects.get()
    first = form_data(attempt, positions=[1])
    response = client.post(url(quiz, "attempt", 1), post_data(first, position="1", action="next"))
    assert response.url == url(quiz, "attempt", 1) + "?q=2"
    second = form_data(attempt, positions=[2])
    client.post(url(quiz, "attempt", 1), post_data(second, position="2", action="next"))

    # A new session on another device resumes at question 3 with the answers kept.
    client.logout()
    client.force_login(people["officer"])
    content = client.get(quiz.url).content.decode()
    assert f'href="{url(quiz, "attempt", 1)}?q=3"' in content
    assert AttemptQuestion.objects.filter(response__isnull=False).count() == 2
    page = client.get(url(quiz, "attempt", 1) + "?q=1").content.decode()
    saved = first.getlist("q-1")[0]
    assert re.search(rf'value="{saved}"[^>]*\bchecked', page)  # the saved answer is shown selected


def test_answers_posted_after_the_session_expired_are_kept_through_sign_in(client, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    client.force_login(people["officer"])
    owner = kept_for(client, quiz)
    client.logout()  # the session ends while the page is open
    data = post_data(form_data(attempt, positions=[1, 2]), action="finish", kept_for=owner)
    response = client.post(url(quiz, "attempt", 1), data)  # nobody signed in
    assert response.status_code == 302 and response.url.startswith("/account/sign-in/")
    assert not AttemptQuestion.objects.filter(response__isnull=False).exists()

    client.post("/account/sign-in/", {"username": "officer", "password": "correct-horse-battery"})
    page = client.get(url(quiz, "attempt", 1), follow=True).content.decode()

    assert "the answers you sent were kept and are now saved" in page
    assert AttemptQuestion.objects.filter(response__isnull=False).count() == 2


def test_kept_answers_are_never_applied_to_someone_elses_attempt(client, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    client.post(url(quiz, "attempt", 1), post_data(form_data(attempt), action="save"))
    client.post("/account/sign-in/", {"username": "other_officer", "password": "correct-horse-battery"})
    assert client.get(url(quiz, "attempt", 1)).status_code == 404
    assert not AttemptQuestion.objects.filter(response__isnull=False).exists()


def test_an_overdue_attempt_is_closed_on_the_officers_next_visit(client_as, people, quiz):
    import datetime

    from django.utils import timezone

    quiz.time_limit_minutes = 5
    quiz.save()
    services.start_attempt(user=people["officer"], quiz=quiz, now=timezone.now() - datetime.timedelta(minutes=10))
    content = client_as("officer").get(quiz.url).content.decode()
    assert Attempt.objects.get().closed_reason == "time_expired"
    assert "Your attempts" in content


def test_a_page_posted_after_the_time_ran_out_says_so_and_marks_what_was_saved(client_as, people, quiz):
    import datetime

    from django.utils import timezone

    quiz.time_limit_minutes = 5
    quiz.save()
    attempt = services.start_attempt(
        user=people["officer"], quiz=quiz, now=timezone.now() - datetime.timedelta(minutes=7)
    )
    page = client_as("officer").post(url(quiz, "attempt", 1), {**post_data(form_data(attempt)), "position": "1"})
    assert page.status_code == 409
    assert "The time allowed ran out at" in page.content.decode()
    assert Attempt.objects.get().closed_reason == "time_expired"


def test_answers_sent_after_the_time_ran_out_get_a_clear_message_in_the_page_and_from_autosave(
    client_as, people, quiz
):
    import datetime

    from django.utils import timezone

    quiz.time_limit_minutes = 5
    quiz.save()
    started = timezone.now() - datetime.timedelta(minutes=7)  # past the deadline and the minute's grace
    attempt = services.start_attempt(user=people["officer"], quiz=quiz, now=started)
    client = client_as("officer")
    data = post_data(form_data(attempt))

    # Autosave in the background is told first, in words the page shows.
    autosave = client.post(url(quiz, "attempt", 1, "save"), data)
    assert autosave.status_code == 409
    assert autosave.json()["saved"] is False
    assert "The time allowed ran out at" in autosave.json()["message"]

    # The attempt is now closed: a form posted from another tab is told so, and changes nothing.
    page = client.post(url(quiz, "attempt", 1), {**data, "position": "1"})
    assert page.status_code == 409
    assert "already been submitted" in page.content.decode()

    marked = Attempt.objects.get()
    assert (marked.status, marked.closed_reason) == (AttemptStatus.FINISHED, "time_expired")
    assert marked.score == 0  # nothing was saved in time, and nothing late was kept
    assert not AttemptQuestion.objects.filter(response__isnull=False).exists()
    result = client.get(url(quiz, "attempt", 1, "result"))
    assert result.status_code == 200 and "Your score: 0%" in result.content.decode()


def test_get_on_post_only_routes_is_refused(client_as, people, quiz):
    services.start_attempt(user=people["officer"], quiz=quiz)
    client = client_as("officer")
    for route in (url(quiz, "start"), url(quiz, "attempt", 1, "save"), url(quiz, "attempt", 1, "submit")):
        assert client.get(route).status_code == 405


def test_course_page_lists_the_assessment_as_a_task(client_as, people, quiz):
    from courses import services as course_services

    course_services.enrol(user=people["officer"], course=quiz.course)
    content = client_as("officer").get(quiz.course.url).content.decode()
    assert "Pass the assessment: Assessment" in content
    assert f'href="{quiz.url}"' in content
