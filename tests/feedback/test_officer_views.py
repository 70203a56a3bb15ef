"""Asking an officer to rate a course they completed, the form, and skipping it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback.models import COMMENT_MAX_LENGTH, FeedbackAsk, FeedbackResponse

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)

VALID = {"usefulness": "5", "confidence": "4", "comment": "Useful examples."}


def rate_url(completion):
    return reverse("feedback:rate", args=[completion.pk])


def skip_url(completion):
    return reverse("feedback:skip", args=[completion.pk])


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 200),
        ("other_officer", 404),
        ("trainer", 404),
        ("manager_of_other_unit", 404),
        ("manager_of_unit", 404),
        ("administrator", 404),
    ],
)
def test_only_the_officer_may_rate_their_own_completion(client_as, completion, role, status):
    client = client_as(role)
    response = client.get(rate_url(completion))
    assert response.status_code == status
    if role == "anonymous":
        assert "/sign-in/" in response["Location"] or "login" in response["Location"]
    response = client.post(rate_url(completion), VALID)
    assert response.status_code == (302 if role in {"anonymous", "officer"} else 404)
    response = client.post(skip_url(completion))
    assert response.status_code == (302 if role in {"anonymous", "officer"} else 404)
    assert FeedbackResponse.objects.filter(user__username=role).count() == (1 if role == "officer" else 0)
    if role != "officer":
        assert not FeedbackResponse.objects.exists()
        assert not FeedbackAsk.objects.exists()


def test_the_form_has_radios_in_fieldsets_with_legends(client_as, completion):
    content = client_as("officer").get(rate_url(completion)).content.decode()
    assert content.count('<fieldset class="govuk-fieldset"') == 2
    assert "How useful was this course for your job?</legend>" in content
    assert content.count('class="govuk-radios__input"') == 10
    assert f'maxlength="{COMMENT_MAX_LENGTH}"' in content


def test_rating_saves_once_and_returns_to_the_course(client_as, people, course, completion, org):
    client = client_as("officer")
    response = client.post(rate_url(completion), VALID)
    assert response.status_code == 302
    assert response["Location"] == course.url
    saved = FeedbackResponse.objects.get()
    assert (saved.usefulness, saved.confidence, saved.comment, saved.unit_id) == (
        5,
        4,
        "Useful examples.",
        org.team_a.pk,
    )
    again = client.post(rate_url(completion), {"usefulness": "1", "confidence": "1"})
    assert again.status_code == 302
    assert FeedbackResponse.objects.get().usefulness == 5
    assert client.get(rate_url(completion)).status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select how useful the course was for your job"),
        ({"usefulness": "5"}, "Select how much confidence the course gave you"),
        ({"usefulness": "6", "confidence": "3"}, "Select a number from 1 to 5 for how useful"),
        ({"usefulness": "0", "confidence": "-1"}, "Select a number from 1 to 5 for the confidence"),
        ({"usefulness": "abc", "confidence": "3"}, "Select a number from 1 to 5 for how useful"),
        ({"usefulness": "3", "confidence": "3", "comment": "x" * (COMMENT_MAX_LENGTH + 1)}, "characters or fewer"),
    ],
)
def test_invalid_answers_are_refused_with_an_error_summary_and_nothing_written(client_as, completion, data, message):
    response = client_as("officer").post(rate_url(completion), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "govuk-error-summary" in content and message in content
    assert "<title>Error:" in content
    assert not FeedbackResponse.objects.exists()


def test_a_comment_with_a_nul_character_is_refused_and_nothing_written(client_as, completion):
    response = client_as("officer").post(rate_url(completion), {**VALID, "comment": "bad\x00byte"})
    assert response.status_code == 400
    assert not FeedbackResponse.objects.exists()


def test_an_error_links_to_the_first_radio_of_its_group(client_as, completion):
    content = client_as("officer").post(rate_url(completion), {}).content.decode()
    assert 'href="#id_usefulness_0"' in content and 'id="id_usefulness_0"' in content


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    usefulness=st.one_of(st.text(max_size=8), st.integers(-(2**70), 2**70).map(str)),
    confidence=st.one_of(st.text(max_size=8), st.integers(-10, 10).map(str)),
    comment=st.text(max_size=1200),
)
def test_fuzzed_answers_never_fail_and_never_half_write(client_as, completion, usefulness, confidence, comment):
    FeedbackResponse.objects.all().delete()
    response = client_as("officer").post(
        rate_url(completion), {"usefulness": usefulness, "confidence": confidence, "comment": comment}
    )
    assert response.status_code in {302, 400}
    saved = list(FeedbackResponse.objects.all())
    if response.status_code == 400:
        assert saved == []
    else:
        assert len(saved) == 1 and 1 <= saved[0].usefulness <= 5 and 1 <= saved[0].confidence <= 5


def test_the_course_page_asks_after_completion_then_once_more_after_a_skip(client_as, course, completion):
    client = client_as("officer")
    assert "How was this course?" in client.get(course.url).content.decode()
    assert client.post(skip_url(completion)).status_code == 302
    assert "How was this course?" not in client.get(course.url).content.decode()
    # A week later (moved back in the record: the signed-in session would not last a week).
    FeedbackAsk.objects.update(last_skipped_at=timezone.now() - 7 * day - datetime.timedelta(minutes=1))
    content = client.get(course.url).content.decode()
    assert "How was this course?" in content and "We will not ask again after this time" in content
    client.post(skip_url(completion))
    FeedbackAsk.objects.update(last_skipped_at=timezone.now() - 100 * day)
    assert "How was this course?" not in client.get(course.url).content.decode()
    assert FeedbackAsk.objects.get().skips == 2


def test_the_course_page_stops_asking_once_rated(client_as, course, completion):
    client = client_as("officer")
    client.post(rate_url(completion), VALID)
    assert "How was this course?" not in client.get(course.url).content.decode()


def test_skipping_needs_a_post(client_as, completion):
    assert client_as("officer").get(skip_url(completion)).status_code == 405
    assert not FeedbackAsk.objects.exists()


def test_own_record_download_includes_the_ratings(client_as, completion):
    client = client_as("officer")
    client.post(rate_url(completion), VALID)
    response = client.get(reverse("compliance:my_record"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Course rated" in content and "Useful examples." in content
