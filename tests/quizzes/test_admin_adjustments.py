"""Reasonable adjustments in the Wagtail admin: who grants them to whom, listing, never edited."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.models import Adjustment

pytestmark = pytest.mark.django_db

QUESTIONS = "wagtailsnippets_quizzes_question"


def adjustment_form(user, quiz, **overrides):
    return {
        "user": user.pk,
        "quiz": quiz.pk,
        "extra_time_percent": 25,
        "extra_attempts": 1,
        "reason": "Dyslexia",
        **overrides,
    }


def test_a_manager_adjusts_for_an_officer_in_their_unit_and_is_recorded_as_granting_it(client_as, people, quiz):
    response = client_as("manager_of_unit").post(reverse("adjustments:add"), adjustment_form(people["officer"], quiz))
    assert response.status_code == 302
    adjustment = Adjustment.objects.get()
    assert (adjustment.user, adjustment.granted_by) == (people["officer"], people["manager_of_unit"])


def test_a_manager_cannot_adjust_for_an_officer_outside_their_units(client_as, people, quiz):
    response = client_as("manager_of_unit").post(
        reverse("adjustments:add"), adjustment_form(people["other_officer"], quiz)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Adjustment.objects.exists()


def test_a_trainer_adjusts_for_anyone(client_as, people, quiz):
    assert (
        client_as("trainer")
        .post(reverse("adjustments:add"), adjustment_form(people["other_officer"], quiz))
        .status_code
        == 302
    )
    assert Adjustment.objects.get().granted_by == people["trainer"]


def test_an_adjustment_must_adjust_something(client_as, people, quiz):
    data = adjustment_form(people["officer"], quiz, extra_time_percent=0, extra_attempts=0)
    response = client_as("trainer").post(reverse("adjustments:add"), data)
    assert "Give extra time, extra attempts or both." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 200),
        ("manager_of_other_unit", 200),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_adjustments_list_per_role(client_as, people, quiz, role, status):
    Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_attempts=1, reason="x", granted_by=people["trainer"]
    )
    response = client_as(role).get(reverse("adjustments:index"))
    assert response.status_code == status
    if role == "manager_of_other_unit":
        assert escape(people["officer"].display_name) not in response.content.decode()


def test_adjustments_are_never_edited(client_as, people, quiz):
    adjustment = Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_attempts=1, reason="x", granted_by=people["trainer"]
    )
    assert client_as("administrator").get(reverse("adjustments:edit", args=[adjustment.pk])).status_code == 302


def test_the_adjustment_list_and_picker_read_as_people_say_them(client_as, people, quiz):
    import datetime

    from django.utils import timezone

    Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_time_percent=50, reason="x", granted_by=people["trainer"]
    )
    Adjustment.objects.create(user=people["officer"], extra_attempts=1, reason="y", granted_by=people["trainer"])
    future = timezone.now() + datetime.timedelta(days=437)
    Adjustment.objects.filter(extra_time_percent=50).update(granted_at=future)
    client = client_as("trainer")

    listing = client.get(reverse("adjustments:index")).content.decode()
    assert "Assessment — Faith awareness" in listing  # the quiz, with its course
    assert "Every quiz" in listing
    assert "50 %" in listing
    assert timezone.localtime(future).strftime("%-d %B %Y") in listing  # a date, never "in 1 year"
    assert " ago" not in listing and "Just now" not in listing

    picker = client.get(reverse("adjustments:add")).content.decode()
    assert f'<option value="{quiz.pk}">Assessment — Faith awareness</option>' in picker
