"""
Sessions end after SESSION_IDLE_TIMEOUT_MINUTES without a request, and SESSION_COOKIE_AGE
(12 hours) after signing in however active the person is (issue 11, finding 3).
"""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.sessions import LAST_SEEN
from audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
RECORD = "/record/"


def minutes(n: float) -> datetime.timedelta:
    return datetime.timedelta(minutes=n)


@pytest.fixture
def start():
    return timezone.now().replace(microsecond=0)


def sign_in(client, username="officer"):
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_a_session_idle_for_more_than_thirty_minutes_is_signed_out_with_a_message(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client)
    with time_machine.travel(start + minutes(31), tick=False):
        response = client.get(RECORD)
        assert response.status_code == 302
        assert response.url == f"{reverse('accounts:login')}?next=%2Frecord%2F"
        assert "_auth_user_id" not in client.session
        page = client.get(response.url)
    content = page.content.decode()
    assert "You were signed out because you had not used the site for 30 minutes." in content
    assert page.status_code == 200
    event = AuditEvent.objects.get(action=Action.SIGN_OUT)
    assert event.subject == people["officer"]
    assert event.data["reason"] == "idle"


def test_activity_keeps_the_session_alive(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client)
    for step in range(1, 5):
        with time_machine.travel(start + minutes(25 * step), tick=False):
            assert client.get(RECORD).status_code == 200
    assert "_auth_user_id" in client.session


def test_the_absolute_limit_ends_even_an_active_session(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client)
    for step in range(1, 30):  # every 25 minutes; the 29th request is 12 hours 5 minutes in
        with time_machine.travel(start + minutes(25 * step), tick=False):
            response = client.get(RECORD)
            if step * 25 <= 12 * 60:
                assert response.status_code == 200, step
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert "had been signed in for 12 hours" in page.content.decode()
    assert AuditEvent.objects.get(action=Action.SIGN_OUT).data["reason"] == "absolute"


def test_the_idle_limit_is_a_setting(client, people, start, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 10
    with time_machine.travel(start, tick=False):
        sign_in(client)
    with time_machine.travel(start + minutes(11), tick=False):
        assert client.get(RECORD).status_code == 302


def test_the_session_is_written_at_most_once_a_minute(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client)
        stored = Session.objects.get().session_data
        client.get(RECORD)
        assert Session.objects.get().session_data == stored
    with time_machine.travel(start + datetime.timedelta(seconds=59), tick=False):
        client.get(RECORD)
        assert Session.objects.get().session_data == stored
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        client.get(RECORD)
        assert Session.objects.get().session_data != stored
        assert client.session[LAST_SEEN] == int((start + datetime.timedelta(seconds=61)).timestamp())


def test_the_background_save_counts_as_activity(client, people, start):
    """Sent only when the officer changes an answer (quizzes/static/quizzes/autosave.js)."""
    with time_machine.travel(start, tick=False):
        sign_in(client)
    with time_machine.travel(start + minutes(20), tick=False):
        client.post("/quizzes/999999/attempts/1/save/", {})
    with time_machine.travel(start + minutes(45), tick=False):
        assert client.get(RECORD).status_code == 200


def test_an_expired_background_save_is_answered_as_signed_out_not_redirected(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client)
    with time_machine.travel(start + minutes(31), tick=False):
        response = client.post("/quizzes/999999/attempts/1/save/", {})
    assert response.status_code == 401
    assert response.json()["saved"] is False
    assert "_auth_user_id" not in client.session


def test_a_session_from_before_the_limits_is_given_a_clock_not_ended(client, people, start):
    with time_machine.travel(start, tick=False):
        client.force_login(people["officer"])
        session = client.session
        for key in list(session.keys()):
            if key.startswith("accounts."):
                del session[key]
        session.save()
        assert client.get(RECORD).status_code == 200
        assert LAST_SEEN in client.session


def test_the_page_editors_presence_pings_do_not_keep_a_session_alive(client, people, start):
    with time_machine.travel(start, tick=False):
        sign_in(client, "trainer")
    for step in range(1, 4):
        with time_machine.travel(start + minutes(10 * step), tick=False):
            client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    with time_machine.travel(start + minutes(31), tick=False):
        assert client.get(RECORD).status_code == 302
    assert "_auth_user_id" not in client.session
