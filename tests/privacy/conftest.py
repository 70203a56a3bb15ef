import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from compliance.factories import ExemptionFactory, RequirementFactory, person_target
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus
from quizzes.models import Adjustment, Attempt, AttemptQuestion, AttemptStatus


@pytest.fixture
def course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime", validity_months=12)
    ModulePageFactory(parent=course, title="What it is", slug="what-it-is")
    return course


def failed_attempt(person, *, answer: str, when: datetime.datetime) -> Attempt:
    """A finished attempt at a quiz, not passed, with one free-text answer."""
    attempt = Attempt.objects.create(
        user=person,
        quiz_title="Assessment",
        course_title="Hate crime",
        number=1,
        status=AttemptStatus.FINISHED,
        started_at=when,
        finished_at=when + datetime.timedelta(minutes=9),
        closed_reason="submitted",
        marks_awarded=Decimal("1.00"),
        marks_available=Decimal("4.00"),
        score=Decimal("25.00"),
        passed=False,
    )
    AttemptQuestion.objects.create(
        attempt=attempt,
        position=1,
        question_title="Definition",
        question_type="short_text",
        prompt="Define a hate crime.",
        content={"answers": ["secret answer key"]},
        marks=Decimal("1.00"),
        response={"text": answer},
        answered_at=when,
        marks_awarded=Decimal("0.00"),
        correct=False,
    )
    return attempt


def completed(person, course, *, when: datetime.datetime) -> CourseCompletion:
    enrolment = Enrolment.objects.create(
        user=person,
        course=course,
        course_title=course.title,
        status=EnrolmentStatus.COMPLETED,
        enrolled_at=when,
        started_at=when,
        completed_at=when,
    )
    return CourseCompletion.objects.create(
        enrolment=enrolment, user=person, course=course, course_title=course.title, completed_at=when, score=90
    )


@pytest.fixture
def records(people, course):
    """
    The officer: a completion, an exemption, an adjustment, a failed attempt. The other officer:
    the same kinds of record, each with text that must never appear in the officer's export.
    """
    now = timezone.now()
    for person, tag in ((people["officer"], "OFFICER"), (people["other_officer"], "OTHER")):
        requirement = RequirementFactory(course=course, name=f"Requirement for {tag}", targets=[person_target(person)])
        completed(person, course, when=now - datetime.timedelta(days=30))
        ExemptionFactory(
            user=person,
            requirement=requirement,
            reason=f"Reason {tag}",
            starts_on=timezone.localdate(),
            granted_by=people["administrator"],
        )
        Adjustment.objects.create(
            user=person, extra_time_percent=25, reason=f"Adjustment {tag}", granted_by=people["administrator"]
        )
        failed_attempt(person, answer=f"Answer {tag}", when=now - datetime.timedelta(days=2))
    return people
