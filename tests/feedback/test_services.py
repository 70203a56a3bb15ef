"""One answer per completion, the unit kept as it was, and asking again at most once."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback import selectors, services
from feedback.models import FeedbackAsk, FeedbackResponse
from feedback.selectors import Prompt
from tests.compliance.conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def test_an_officer_rates_a_completion_once(completion):
    services.submit_feedback(completion=completion, usefulness=5, confidence=4, comment="  Clear and practical.  ")
    with pytest.raises(services.AlreadyAnswered):
        services.submit_feedback(completion=completion, usefulness=1, confidence=1)
    response = FeedbackResponse.objects.get()
    assert (response.usefulness, response.confidence, response.comment) == (5, 4, "Clear and practical.")
    assert response.course_title == "Hate crime"


def test_the_database_refuses_a_second_answer_for_the_same_completion(completion):
    services.submit_feedback(completion=completion, usefulness=5, confidence=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackResponse.objects.create(
            completion=completion,
            user=completion.user,
            course_title="x",
            usefulness=3,
            confidence=3,
            submitted_at=timezone.now(),
        )


@pytest.mark.parametrize("field", ["usefulness", "confidence"])
@pytest.mark.parametrize("value", [0, 6])
def test_the_database_refuses_a_rating_outside_1_to_5(completion, field, value):
    ratings = {"usefulness": 3, "confidence": 3, field: value}
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackResponse.objects.create(
            completion=completion, user=completion.user, course_title="x", submitted_at=timezone.now(), **ratings
        )


def test_a_renewal_is_a_new_cycle_with_its_own_answer(people, course, completion):
    services.submit_feedback(completion=completion, usefulness=2, confidence=2)
    renewal = record_completion(people["officer"], course, on=timezone.localdate())
    services.submit_feedback(completion=renewal, usefulness=4, confidence=5)
    assert FeedbackResponse.objects.filter(user=people["officer"]).count() == 2


def test_the_unit_at_the_time_is_kept_when_the_officer_moves(people, org, completion):
    services.submit_feedback(completion=completion, usefulness=4, confidence=4)
    officer = people["officer"]
    officer.unit = org.team_b
    officer.save()
    org.team_a.name = "Team A (renamed)"
    org.team_a.save()
    response = FeedbackResponse.objects.get()
    assert response.unit_id == org.team_a.pk
    assert response.unit_name == "Team A"


def test_skip_then_asked_once_more_after_a_week_then_never(completion):
    start = timezone.now()
    assert selectors.prompt_for(completion=completion, now=start) == Prompt.FIRST
    services.skip_feedback(completion=completion, now=start)
    assert selectors.prompt_for(completion=completion, now=start + 6 * day) is None
    assert selectors.prompt_for(completion=completion, now=start + 7 * day) == Prompt.AGAIN
    services.skip_feedback(completion=completion, now=start + 7 * day)
    for later in (8, 30, 400):
        assert selectors.prompt_for(completion=completion, now=start + later * day) is None
    services.skip_feedback(completion=completion, now=start + 9 * day)
    ask = FeedbackAsk.objects.get()
    assert ask.skips == 2
    assert ask.first_skipped_at == start
    assert ask.last_skipped_at == start + 9 * day


def test_an_answer_ends_the_asking(completion):
    services.submit_feedback(completion=completion, usefulness=3, confidence=3)
    assert selectors.prompt_for(completion=completion) is None


def test_the_prompt_uses_the_clock_when_not_told(completion):
    with time_machine.travel(datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.UTC), tick=False):
        services.skip_feedback(completion=completion)
    with time_machine.travel(datetime.datetime(2027, 3, 5, 12, tzinfo=datetime.UTC), tick=False):
        assert selectors.prompt_for(completion=completion) is None
    with time_machine.travel(datetime.datetime(2027, 3, 9, 12, tzinfo=datetime.UTC), tick=False):
        assert selectors.prompt_for(completion=completion) == Prompt.AGAIN


@pytest.mark.parametrize(
    ("count", "text"), [(0, "fewer than 5 responses"), (4, "fewer than 5 responses"), (5, "5 responses")]
)
def test_counts_below_five_are_suppressed(count, text):
    assert selectors.responses_text(count) == text
