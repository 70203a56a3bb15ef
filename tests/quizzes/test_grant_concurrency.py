"""
Two reasonable adjustments granted for the same officer at the same moment cannot pass the
cap together: the officer's row is locked before the totals are added up. Real threads,
each with its own connection (CI runs it on PostgreSQL and on SQLite).
"""

import threading

import pytest
from django.core.exceptions import ValidationError

from accounts import roles
from accounts.factories import UnitFactory, UserFactory
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from quizzes import adjustments
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import Adjustment
from tests.courses.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_simultaneous_grants_cannot_pass_the_cap_together(settings):
    settings.ADJUSTMENT_MAX_EXTRA_TIME_PERCENT = 100
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Concurrent grants course")
    quiz = QuizPageFactory(parent=course, questions=[QuestionFactory(title="Concurrent grant")])
    officer = UserFactory(unit=UnitFactory())
    trainers = iter([UserFactory(roles=[roles.TRAINER]) for _ in range(4)])
    lock = threading.Lock()
    granted, refused = [], []

    def grant():
        with lock:
            trainer = next(trainers)
        try:
            granted.append(
                adjustments.grant_adjustment(
                    person=officer,
                    quiz=quiz,
                    extra_time_percent=60,
                    extra_attempts=0,
                    reason="Dyslexia",
                    granted_by=trainer,
                )
            )
        except ValidationError as error:
            refused.append(error)

    run_together(grant)

    assert len(granted) == 1 and len(refused) == 3
    assert all("40% is left" in str(error) for error in refused)
    assert Adjustment.objects.filter(user=officer).count() == 1
