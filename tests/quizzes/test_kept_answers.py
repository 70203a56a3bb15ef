"""
Answers posted after a session ended are kept only for the officer whose session it was,
only for a short while, and only up to a sensible size (issue 11, finding 7).
"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from quizzes import kept_answers, services
from quizzes.models import AttemptQuestion
from tests.quizzes.conftest import form_data, kept_for, post_data

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # noqa: S105 - the test people's password


def url(quiz, *parts):
    return quiz.url + "".join(f"{part}/" for part in parts)


def short_text_position(attempt) -> int:
    return attempt.questions.get(question_type="short_text").position


def words_of(attempt, position):
    return AttemptQuestion.objects.get(attempt=attempt, position=position).response


def expire_session_and_post(client, people, quiz, attempt, words="the officer's own words", route="page"):
    """The officer opens their attempt, their session ends, and they send an answer anyway."""
    client.force_login(people["officer"])
    owner = kept_for(client, quiz)
    client.logout()
    position = short_text_position(attempt)
    data = {"shown": [str(position)], f"q-{position}": [words], "kept_for": owner}
    if route == "page":
        return client.post(url(quiz, "attempt", attempt.number), {**data, "action": "save", "position": "1"})
    return client.post(f"/quizzes/{quiz.pk}/attempts/{attempt.number}/save/", data)


@pytest.mark.parametrize("route", ["page", "background"])
def test_another_person_signing_in_on_the_same_browser_does_not_get_the_kept_answers(client, people, quiz, route):
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    theirs = services.start_attempt(user=people["other_officer"], quiz=quiz)
    assert short_text_position(mine) == short_text_position(theirs)  # same question, same place
    expire_session_and_post(client, people, quiz, mine, route=route)

    client.post("/account/sign-in/", {"username": "other_officer", "password": PASSWORD})
    page = client.get(url(quiz, "attempt", 1)).content.decode()

    assert "the answers you sent were kept" not in page
    assert words_of(theirs, short_text_position(theirs)) is None
    assert kept_answers.SESSION_KEY not in client.session
    # The officer signing in later on that browser does not get them either: they were discarded.
    client.logout()
    client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
    client.get(url(quiz, "attempt", 1))
    assert words_of(mine, short_text_position(mine)) is None


@pytest.mark.parametrize("route", ["page", "background"])
def test_the_same_person_signing_in_again_gets_their_kept_answers(client, people, quiz, route):
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    response = expire_session_and_post(client, people, quiz, mine, route=route)
    assert response.status_code == (302 if route == "page" else 401)

    client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
    page = client.get(url(quiz, "attempt", 1)).content.decode()

    assert "the answers you sent were kept and are now saved" in page
    assert "the officer's own words" in str(words_of(mine, short_text_position(mine)))
    assert kept_answers.SESSION_KEY not in client.session


def test_kept_answers_are_discarded_after_the_window(client, people, quiz, settings):
    settings.QUIZ_KEPT_ANSWERS_MINUTES = 15
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    posted_at = timezone.now()
    with time_machine.travel(posted_at, tick=False):
        expire_session_and_post(client, people, quiz, mine)
    with time_machine.travel(posted_at + datetime.timedelta(minutes=16), tick=False):
        client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
        page = client.get(url(quiz, "attempt", 1)).content.decode()

    assert "the answers you sent were kept" not in page
    assert words_of(mine, short_text_position(mine)) is None
    assert kept_answers.SESSION_KEY not in client.session


def test_kept_answers_within_the_window_are_saved(client, people, quiz, settings):
    settings.QUIZ_KEPT_ANSWERS_MINUTES = 15
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    posted_at = timezone.now()
    with time_machine.travel(posted_at, tick=False):
        expire_session_and_post(client, people, quiz, mine)
    with time_machine.travel(posted_at + datetime.timedelta(minutes=14), tick=False):
        client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
        client.get(url(quiz, "attempt", 1))
    assert "the officer's own words" in str(words_of(mine, short_text_position(mine)))


@pytest.mark.parametrize("route", ["page", "background"])
@pytest.mark.parametrize(
    "oversized",
    [
        {"padding": ["x"] * (kept_answers.MAX_VALUES + 1)},  # too many values
        {"q-9": ["x" * (kept_answers.MAX_CHARS + 1)]},  # one value longer than any answer
        {"x" * (kept_answers.MAX_CHARS + 1): ["1"]},  # a field name longer than any
    ],
    ids=["too_many_values", "value_too_long", "name_too_long"],
)
def test_an_oversized_anonymous_post_is_refused_with_a_clear_message_and_keeps_nothing(
    client, people, quiz, route, oversized
):
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    client.force_login(people["officer"])
    owner = kept_for(client, quiz)
    client.logout()
    data = {**post_data(form_data(mine)), "kept_for": owner, **oversized}
    if route == "page":
        response = client.post(url(quiz, "attempt", 1), {**data, "action": "save"})
        message = response.content.decode()
    else:
        response = client.post(f"/quizzes/{quiz.pk}/attempts/1/save/", data)
        message = response.json()["message"]

    assert response.status_code == 413
    assert "larger than any set of answers, so it was not kept" in message
    assert kept_answers.SESSION_KEY not in client.session


@pytest.mark.parametrize("token", ["", "forged", "other_attempt", "other_quiz"])
def test_answers_posted_without_a_token_for_this_attempt_are_not_kept(client, people, quiz, token):
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    tokens = {
        "": "",
        "forged": "eyJ1c2VyIjoxfQ:forged:signature",
        "other_attempt": kept_answers.token_for(user=people["officer"], quiz_id=quiz.pk, number=2),
        "other_quiz": kept_answers.token_for(user=people["officer"], quiz_id=quiz.pk + 1000, number=1),
    }
    response = client.post(url(quiz, "attempt", 1), {**post_data(form_data(mine)), "kept_for": tokens[token]})
    assert response.status_code == 302 and response.url.startswith("/account/sign-in/")
    assert kept_answers.SESSION_KEY not in client.session


@pytest.mark.parametrize("route", ["page", "background"])
def test_the_officer_is_told_their_answers_are_kept_before_and_after_signing_in(client, people, quiz, route):
    mine = services.start_attempt(user=people["officer"], quiz=quiz)
    response = expire_session_and_post(client, people, quiz, mine, route=route)
    if route == "page":
        sign_in_page = client.get(response.url).content.decode()
        assert "You were signed out, but the answers you sent are kept. Sign in again within 15 minutes" in (
            sign_in_page
        )
    else:
        assert "the answers you sent are kept" in response.json()["message"]

    client.post("/account/sign-in/", {"username": "officer", "password": PASSWORD})
    page = client.get(url(quiz, "attempt", 1)).content.decode()
    assert "Your session had ended, but the answers you sent were kept and are now saved." in page


def test_nothing_is_said_to_be_kept_when_nothing_was(client, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    position = short_text_position(attempt)
    response = client.post(
        url(quiz, "attempt", 1), {"shown": [str(position)], f"q-{position}": ["words"], "kept_for": "forged"}
    )
    assert "answers you sent are kept" not in client.get(response.url).content.decode()
