"""
Two submits (or skips) at once, as from a double click or two tabs, count once. Separate
threads, each with its own database connection (CI runs it on PostgreSQL and on SQLite).
"""

import pytest
from django.utils import timezone

from accounts.factories import UnitFactory, UserFactory
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from feedback import services
from feedback.models import FeedbackAsk, FeedbackResponse
from tests.compliance.conftest import record_completion
from tests.courses.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def completion():
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Concurrent feedback")
    return record_completion(UserFactory(unit=UnitFactory()), course, on=timezone.localdate())


def test_concurrent_submits_of_the_same_completion_count_once(completion):
    outcomes = []

    def submit():
        try:
            services.submit_feedback(completion=completion, usefulness=5, confidence=5)
            outcomes.append("saved")
        except services.AlreadyAnswered:
            outcomes.append("already")

    run_together(submit)

    assert FeedbackResponse.objects.filter(completion=completion).count() == 1
    assert sorted(outcomes) == ["already"] * 3 + ["saved"]


def test_concurrent_skips_never_count_more_than_two(completion):
    run_together(lambda: services.skip_feedback(completion=completion))

    assert FeedbackAsk.objects.get(completion=completion).skips == 2
