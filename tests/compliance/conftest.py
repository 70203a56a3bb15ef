import datetime

import pytest
from django.utils import timezone

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def hate_crime(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime", validity_months=12)
    ModulePageFactory(parent=course, title="What it is", slug="what-it-is")
    return course


@pytest.fixture
def judaism(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism", validity_months=24)
    ModulePageFactory(parent=course, title="Community", slug="community")
    return course


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def record_completion(user, course, *, on: datetime.date, valid_until: datetime.date | None = "auto", score=None):
    """A completed enrolment and its completion record, made directly (status tests need no module versions)."""
    if valid_until == "auto":
        valid_until = CourseCompletion.valid_until_for(on, course.validity_months)
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        course_title=course.title,
        status=EnrolmentStatus.COMPLETED,
        enrolled_at=at(on),
        started_at=at(on),
        completed_at=at(on),
    )
    return CourseCompletion.objects.create(
        enrolment=enrolment,
        user=user,
        course=course,
        course_title=course.title,
        completed_at=at(on),
        valid_until=valid_until,
        score=score,
    )
