import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from feedback import services
from tests.compliance.conftest import record_completion

day = datetime.timedelta(days=1)


@pytest.fixture
def course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime")
    ModulePageFactory(parent=course, title="What it is", slug="what-it-is")
    return course


@pytest.fixture
def other_course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    return CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism")


@pytest.fixture
def completion(people, course):
    """The officer (Team A) completed the course ten days ago."""
    return record_completion(people["officer"], course, on=timezone.localdate() - 10 * day)


def add_responses(course, unit, ratings, *, comment=""):
    """One new officer in ``unit`` per (usefulness, confidence) in ``ratings``, each rating ``course``."""
    made = []
    for usefulness, confidence in ratings:
        officer = UserFactory(unit=unit)
        completed = record_completion(officer, course, on=timezone.localdate() - 5 * day)
        made.append(
            services.submit_feedback(
                completion=completed, usefulness=usefulness, confidence=confidence, comment=comment
            )
        )
    return made
