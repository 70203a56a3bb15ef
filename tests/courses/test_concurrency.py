"""
Concurrent requests cannot complete a course twice or duplicate rows. Runs against the
real database in separate threads, each with its own connection (CI runs it on
PostgreSQL and on SQLite).
"""

import threading

import pytest
from django.db import close_old_connections, connection

from accounts.factories import UnitFactory, UserFactory
from courses import services
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, ModuleProgress, ModuleVersion

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 4


def run_together(target, count=THREADS):
    """Run ``target`` in ``count`` threads released at the same moment; re-raise any error."""
    barrier = threading.Barrier(count)
    errors = []

    def worker():
        try:
            barrier.wait(timeout=10)
            target()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors


@pytest.fixture
def setup_course():
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Concurrency course")
    modules = [ModulePageFactory(parent=course, title=f"Module {n}") for n in range(2)]
    officer = UserFactory(unit=UnitFactory())
    return course, modules, officer


def test_concurrent_completions_of_the_last_module_complete_the_course_once(setup_course):
    course, modules, officer = setup_course
    services.enrol(user=officer, course=course)
    services.complete_module(user=officer, module=modules[0])

    run_together(lambda: services.complete_module(user=officer, module=modules[1]))

    assert CourseCompletion.objects.filter(user=officer).count() == 1
    assert ModuleProgress.objects.filter(user=officer, completed_at__isnull=False).count() == 2
    assert ModuleVersion.objects.count() == 2
    assert Enrolment.objects.get(user=officer).status == "completed"


def test_completing_two_different_last_modules_at_once_still_completes_the_course(setup_course):
    """Two tabs, each finishing a different module: neither may miss the other's progress."""
    course, modules, officer = setup_course
    services.enrol(user=officer, course=course)
    pending = list(modules)
    lock = threading.Lock()

    def complete_one():
        with lock:
            module = pending.pop()
        services.complete_module(user=officer, module=module)

    run_together(complete_one, count=2)

    assert CourseCompletion.objects.filter(user=officer).count() == 1


def test_concurrent_enrolments_create_one(setup_course):
    course, _, officer = setup_course
    run_together(lambda: services.enrol(user=officer, course=course))
    assert Enrolment.objects.filter(user=officer, course=course).count() == 1


def test_concurrent_first_visits_create_one_progress_row(setup_course):
    course, modules, officer = setup_course
    services.enrol(user=officer, course=course)
    run_together(lambda: services.start_module(user=officer, module=modules[0]))
    assert ModuleProgress.objects.filter(user=officer, module=modules[0]).count() == 1
