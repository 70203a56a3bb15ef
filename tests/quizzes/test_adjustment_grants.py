"""
Reasonable adjustments as grants (docs/security.md §1): nobody adjusts for themselves, an
officer's total on any quiz is capped, the granter is named as they were, and every grant
and withdrawal is in the audit trail.
"""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from accounts import roles
from accounts.factories import UserFactory
from accounts.models import Rank
from audit.models import Action, AuditEvent
from quizzes import adjustments
from quizzes.factories import QuizPageFactory
from quizzes.models import Adjustment

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspector(org):
    """An inspector managing North Command (Team A is below it), himself in North."""
    return UserFactory(
        username="inspector",
        first_name="Ian",
        last_name="Price",
        rank=Rank.INSPECTOR,
        unit=org.north,
        roles=[roles.OFFICER, roles.MANAGER],
        manages=[org.north],
    )


def form(person, quiz, **overrides):
    return {
        "user": person.pk,
        "quiz": quiz.pk if quiz else "",
        "extra_time_percent": 25,
        "extra_attempts": 1,
        "reason": "Dyslexia",
        **overrides,
    }


def grant(person, granted_by, quiz, time=0, attempts=0):
    return adjustments.grant_adjustment(
        person=person,
        quiz=quiz,
        extra_time_percent=time,
        extra_attempts=attempts,
        reason="Dyslexia",
        granted_by=granted_by,
    )


# Nobody adjusts for themselves


@pytest.mark.parametrize("granter", ["manager_of_unit", "inspector", "administrator", "trainer"])
def test_nobody_grants_themselves_an_adjustment_in_the_admin(client_as, people, inspector, quiz, granter):
    me = inspector if granter == "inspector" else people[granter]
    client = client_as("officer")
    client.force_login(me)
    response = client.post(reverse("adjustments:add"), form(me, quiz, extra_time_percent=300, extra_attempts=10))
    assert response.status_code == 200
    assert "Nobody can grant themselves an adjustment" in response.content.decode()
    assert not Adjustment.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.ADJUSTMENT_GRANTED).exists()


@pytest.mark.parametrize("granter", ["manager_of_unit", "administrator"])
def test_the_service_refuses_an_adjustment_to_oneself_too(people, quiz, granter):
    me = people[granter]
    with pytest.raises(ValidationError) as refused:
        grant(me, me, quiz, time=25)
    assert "Nobody can grant themselves an adjustment" in str(refused.value)
    assert not Adjustment.objects.exists()


def test_an_existing_adjustment_cannot_be_pointed_at_its_granter(people, quiz):
    adjustment = grant(people["officer"], people["manager_of_unit"], quiz, time=25)
    adjustment.user = people["manager_of_unit"]
    with pytest.raises(ValidationError, match="Nobody can grant themselves"):
        adjustment.full_clean()


def test_a_manager_still_adjusts_for_the_officers_in_their_unit(client_as, people, quiz):
    response = client_as("manager_of_unit").post(reverse("adjustments:add"), form(people["officer"], quiz))
    assert response.status_code == 302
    assert Adjustment.objects.get().user == people["officer"]


def test_the_service_refuses_a_manager_an_officer_outside_their_units(people, quiz):
    with pytest.raises(ValidationError, match="only to the people in your units"):
        grant(people["other_officer"], people["manager_of_unit"], quiz, time=25)


# The cap


@pytest.fixture
def limits(settings):
    settings.ADJUSTMENT_MAX_EXTRA_TIME_PERCENT = 100
    settings.ADJUSTMENT_MAX_EXTRA_ATTEMPTS = 3
    return settings


def test_a_second_adjustment_past_the_cap_is_refused_with_what_is_left(client_as, people, quiz, limits):
    client = client_as("trainer")
    assert (
        client.post(reverse("adjustments:add"), form(people["officer"], quiz, extra_time_percent=60)).status_code
        == 302
    )
    response = client.post(
        reverse("adjustments:add"), form(people["officer"], quiz, extra_time_percent=50, extra_attempts=3)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert escape("at most 100%") in page and escape("40% is left") in page
    assert "Extra attempts on any quiz may add up to at most 3 for one officer; 2 is left" in page
    assert Adjustment.objects.count() == 1
    # Up to the cap exactly is allowed.
    assert (
        client.post(reverse("adjustments:add"), form(people["officer"], quiz, extra_time_percent=40)).status_code
        == 302
    )
    assert adjustments.headroom(person=people["officer"], quiz=quiz) == adjustments.Headroom(0, 1)


def test_adjustments_for_every_quiz_count_against_each_quiz(people, quiz, quiz_course, bank, limits):
    other = QuizPageFactory(parent=quiz_course, slug="other", questions=[bank["single_choice"]])
    trainer, officer = people["trainer"], people["officer"]
    grant(officer, trainer, None, time=50)  # every quiz
    grant(officer, trainer, quiz, time=30)
    assert adjustments.headroom(person=officer, quiz=quiz).extra_time_percent == 20
    assert adjustments.headroom(person=officer, quiz=other).extra_time_percent == 50
    # Another every-quiz adjustment is limited by the quiz with the most already.
    assert adjustments.headroom(person=officer, quiz=None).extra_time_percent == 20
    with pytest.raises(ValidationError, match="20% is left"):
        grant(officer, trainer, None, time=25)
    grant(officer, trainer, other, time=50)
    # The officer's allowance on each quiz stays within the cap.
    from quizzes.selectors import allowance_for

    assert allowance_for(user=officer, quiz=quiz).extra_time_percent == 80
    assert allowance_for(user=officer, quiz=other).extra_time_percent == 100


def test_the_cap_is_an_operator_setting(people, quiz, settings):
    settings.ADJUSTMENT_MAX_EXTRA_ATTEMPTS = 1
    grant(people["officer"], people["trainer"], quiz, attempts=1)
    with pytest.raises(ValidationError, match="at most 1 for one officer; 0 is left"):
        grant(people["officer"], people["trainer"], quiz, attempts=1)


# Attributable


def test_the_granters_name_is_kept_as_it_was_when_they_granted_it(client_as, people, quiz):
    manager = people["manager_of_unit"]
    named_then = manager.display_name
    client_as("manager_of_unit").post(reverse("adjustments:add"), form(people["officer"], quiz))
    adjustment = Adjustment.objects.get()
    assert adjustment.granted_by_name == named_then
    assert manager.warrant_number and manager.warrant_number in named_then
    assert named_then.startswith("Sergeant ")

    manager.first_name, manager.last_name = "Renamed", "Person"
    manager.save()
    adjustment.refresh_from_db()
    assert adjustment.granted_by_name == named_then
    client = client_as("administrator")
    listing = client.get(reverse("adjustments:index")).content.decode()
    assert escape(named_then) in listing and "Renamed" not in listing
    inspect = client.get(reverse("adjustments:inspect", args=[adjustment.pk])).content.decode()
    assert escape(named_then) in inspect


def test_the_export_names_the_granter_as_they_were(client_as, people, quiz):
    grant(people["officer"], people["trainer"], quiz, time=25)
    response = client_as("administrator").get(reverse("adjustments:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-2:] == ["Granted by (as named then)", "Granted"]
    assert rows[1][-2] == people["trainer"].display_name


# The audit trail


def test_grants_and_withdrawals_are_in_the_audit_trail_without_the_reason(client_as, people, quiz):
    client = client_as("administrator")
    client.post(reverse("adjustments:add"), form(people["officer"], quiz, reason="Dyslexia assessment 2024"))
    adjustment = Adjustment.objects.get()
    granted = AuditEvent.objects.get(action=Action.ADJUSTMENT_GRANTED)
    assert (granted.actor, granted.subject, granted.target) == (
        people["administrator"],
        people["officer"],
        f"adjustment:{adjustment.pk}",
    )
    assert granted.data == {"quiz_id": quiz.pk, "extra_time_percent": 25, "extra_attempts": 1}
    assert granted.ip_address == "127.0.0.1"

    assert client.post(reverse("adjustments:delete", args=[adjustment.pk])).status_code == 302
    assert not Adjustment.objects.exists()
    withdrawn = AuditEvent.objects.get(action=Action.ADJUSTMENT_WITHDRAWN)
    assert (withdrawn.actor, withdrawn.subject) == (people["administrator"], people["officer"])
    assert withdrawn.data["granted_by"] == people["administrator"].display_name
    assert "Dyslexia" not in str(granted.data) + str(withdrawn.data)


def test_a_refused_grant_leaves_no_event_and_no_history(people, quiz):
    from wagtail.models import ModelLogEntry

    with pytest.raises(ValidationError):
        grant(people["officer"], people["officer"], quiz, time=25)
    assert not AuditEvent.objects.filter(action__startswith="adjustment.").exists()
    assert not ModelLogEntry.objects.get_for_model(Adjustment).exists()


# Labels


def test_an_adjustments_label_names_neither_the_officer_nor_the_figures(people, quiz):
    adjustment = grant(people["officer"], people["trainer"], quiz, time=25)
    assert str(adjustment) == f"Adjustment #{adjustment.pk}"
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.get_for_model(Adjustment).get().label == f"Adjustment #{adjustment.pk}"


def test_the_adjustments_data_migration_relabels_their_history(people, quiz):
    adjustment = Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_time_percent=25, reason="x", granted_by=people["trainer"]
    )
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.log_action(adjustment, "wagtail.create", user=people["trainer"])
    ModelLogEntry.objects.filter(pk=entry.pk).update(label="Alex Morgan: +25% time, +0 attempts")
    module = importlib.import_module("quizzes.migrations.0003_adjustment_granter_name")

    module.backfill_granter_names(apps, None)
    module.relabel_history(apps, None)

    adjustment.refresh_from_db()
    assert adjustment.granted_by_name == people["trainer"].display_name
    assert ModelLogEntry.objects.get(pk=entry.pk).label == f"Adjustment #{adjustment.pk}"
