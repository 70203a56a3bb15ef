"""
A SCORM module on the course page: listed like a module (title, the officer's status, its
minutes) and counted in the course's time, enrolled or not, in a fixed number of queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services as course_services
from courses.factories import CoursePageFactory
from courses.selectors import course_overview
from scorm import services
from scorm.factories import ScormModulePageFactory, package_from
from tests.conftest import ROLE_NAMES
from tests.fixtures.scorm import build


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Stop and search", slug="stop")
    # Minutes: the trainer's 10; the package's typical learning time (25) when left empty.
    ScormModulePageFactory(parent=course, title="The law", slug="law", package=package_from(build.scorm12()))
    ScormModulePageFactory(
        parent=course,
        title="In practice",
        slug="practice",
        estimated_minutes=None,
        package=package_from(build.multi_scorm12()),
    )
    return course


def test_each_scorm_module_is_a_line_with_its_minutes_before_enrolling(people, course):
    overview = course_overview(course=course, user=people["officer"])
    assert [(line.title, line.status, line.minutes) for line in overview.criterion_lines] == [
        ("The law", "Not started", 10),
        ("In practice", "Not started", 25),
    ]
    assert overview.total_minutes == 35


def test_the_officers_status_and_minutes_left_follow_their_attempts(people, course):
    officer = people["officer"]
    law, practice = course.get_children().specific()
    enrolment = course_services.enrol(user=officer, course=course)
    attempt = services.start_attempt(user=officer, page=law, enrolment=enrolment)
    services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"})
    services.start_attempt(user=officer, page=practice, enrolment=enrolment)
    overview = course_overview(course=course, user=officer)
    assert [(line.title, line.status, line.done) for line in overview.criterion_lines] == [
        ("The law", "Completed", True),
        ("In practice", "In progress", False),
    ]
    assert (overview.total_minutes, overview.minutes_left) == (35, 25)
    # The progress counts them as modules: 1 of 2 done, half way.
    assert (overview.modules_done, overview.module_count, overview.percent_done) == (1, 2, 50)
    # Another officer's attempts are not theirs.
    other = course_overview(course=course, user=people["other_officer"])
    assert [line.status for line in other.criterion_lines] == ["Not started", "Not started"]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_course_page_lists_the_scorm_modules_for_every_role(client_as, role, course):
    response = client_as(role).get(course.url)
    if role == "anonymous":
        assert response.status_code in (200, 302)
        return
    body = response.content.decode()
    assert response.status_code == 200
    assert "The law" in body and "In practice" in body
    assert "About 35 minutes in all" in body


def test_the_course_page_queries_do_not_grow_with_scorm_modules(client_as, people, catalogue, course):
    client = client_as("officer")
    course_services.enrol(user=people["officer"], course=course)
    client.get(course.url)
    with CaptureQueriesContext(connection) as two:
        client.get(course.url)
    for number in range(3):
        ScormModulePageFactory(
            parent=course, title=f"More {number}", slug=f"more-{number}", package=package_from(build.scorm2004())
        )
    client.get(course.url)
    with CaptureQueriesContext(connection) as five:
        response = client.get(course.url)
    assert "More 2" in response.content.decode()
    assert len(two) == len(five)
