import datetime

import pytest
from django.utils import timezone

from accounts.models import UnitMembership
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus
from courses.signals import course_completed

TODAY = datetime.date(2026, 11, 23)
day = datetime.timedelta(days=1)


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
    """
    A completed enrolment and its completion record, made directly (status tests need no
    module versions), then announced as ``courses.services.complete_course_if_done`` does,
    so that derived data (the compliance state) follows.
    """
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
    completion = CourseCompletion.objects.create(
        enrolment=enrolment,
        user=user,
        course=course,
        course_title=course.title,
        completed_at=at(on),
        valid_until=valid_until,
        score=score,
    )
    course_completed.send(sender=Enrolment, enrolment=enrolment, completion=completion)
    return completion


@pytest.fixture
def required(people, org, hate_crime, judaism):
    """
    Hate crime for the whole force, due long ago; the Judaism guide for Team A, due soon.
    The officer (Team A) completed hate crime 350 days ago (expiring); the other officer
    (Team B) never did (overdue); Team A's manager is exempt.
    """
    today = timezone.localdate()
    UnitMembership.objects.update(started_at=timezone.now() - 500 * day)  # everyone has served for a while
    hate = RequirementFactory(
        course=hate_crime,
        name="Hate crime",
        starts_on=today - 400 * day,
        due_days=90,
        targets=[unit_target(org.force)],
    )
    RequirementFactory(course=judaism, name="Judaism", starts_on=today, due_days=10, targets=[unit_target(org.team_a)])
    record_completion(people["officer"], hate_crime, on=today - 350 * day, score=90)
    ExemptionFactory(
        user=people["manager_of_unit"], requirement=hate, starts_on=today - day, granted_by=people["administrator"]
    )
    return hate
