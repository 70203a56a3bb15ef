import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from courses import services as course_services
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, ModulePage

#: A fixed moment: every date below is computed from it, never from today.
COMPLETED = datetime.datetime(2026, 3, 14, 11, 0, tzinfo=datetime.UTC)


@pytest.fixture
def course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism", validity_months=24)
    for number in (1, 2):
        ModulePageFactory(parent=course, title=f"Festivals {number}", slug=f"festivals-{number}")
    return course


def complete(user, course, when=COMPLETED):
    """The officer reads every module of ``course`` at ``when``, completing it as the site does."""
    with time_machine.travel(when, tick=False):
        course_services.enrol(user=user, course=course)
        for module in ModulePage.objects.child_of(course).order_by("path"):
            course_services.complete_module(user=user, module=module)
    return user.course_completions.get(course=course)


@pytest.fixture
def certificate(people, course):
    """Alex Morgan (the officer, Team A) completed the Judaism guide on 14 March 2026."""
    people["officer"].warrant_number = "TC4417"
    people["officer"].save()
    return complete(people["officer"], course).certificate


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def today():
    return timezone.localdate()


ROLES = [
    "anonymous",
    "officer",
    "other_officer",
    "trainer",
    "manager_of_other_unit",
    "manager_of_unit",
    "administrator",
]
