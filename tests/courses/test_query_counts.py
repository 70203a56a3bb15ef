"""
Query counts for the officer pages, pinned. They must not grow with the number of modules
in a course, courses in the catalogue or officers enrolled.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services
from courses.models import Enrolment, EnrolmentStatus, ModulePage, ModuleProgress
from tests.courses.conftest import make_course

pytestmark = pytest.mark.django_db

# Pinned, with a quiz in every course (the assessment criterion adds two); "My learning" also
# lists required training (three more: the site, its compliance settings, the assignments). If a change makes a page
# need more queries, look for a query per row first.
COURSE_PAGE_QUERIES = 20
MODULE_PAGE_QUERIES = 27
MY_LEARNING_QUERIES = 22


def enrol_crowd(course, count: int):
    """``count`` other officers enrolled, each part-way through the course."""
    officers = UserFactory.create_batch(count)
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=o, course=course, course_title=course.title, enrolled_at=now, status=EnrolmentStatus.IN_PROGRESS
        )
        for o in officers
    )
    first = ModulePage.objects.child_of(course).first()
    ModuleProgress.objects.bulk_create(
        ModuleProgress(enrolment=e, user_id=e.user_id, module=first, module_title=first.title, started_at=now)
        for e in enrolments
    )


def count_queries(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, site root paths) and record "started"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def officer_part_way(people, course):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    services.complete_module(user=officer, module=modules[0])
    services.start_module(user=officer, module=modules[1])
    return modules


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_course_page_queries_do_not_grow(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    officer_part_way(people, course)
    enrol_crowd(course, crowd)
    assert count_queries(client_as("officer"), course.url) == COURSE_PAGE_QUERIES


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_module_page_queries_do_not_grow(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    modules = officer_part_way(people, course)
    enrol_crowd(course, crowd)
    assert count_queries(client_as("officer"), modules[1].url) == MODULE_PAGE_QUERIES


@pytest.mark.parametrize(("course_count", "module_count", "crowd"), [(1, 3, 1), (10, 3, 1), (3, 30, 1), (3, 3, 200)])
def test_my_learning_queries_do_not_grow(client_as, people, catalogue, course_count, module_count, crowd):
    courses = [
        make_course(catalogue, modules=module_count, title=f"Course {n}", quiz=True) for n in range(course_count)
    ]
    officer_part_way(people, courses[0])
    for course in courses[1::2]:
        services.enrol(user=people["officer"], course=course)
    enrol_crowd(courses[0], crowd)
    assert count_queries(client_as("officer"), "/") == MY_LEARNING_QUERIES
