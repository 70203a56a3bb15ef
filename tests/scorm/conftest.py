import pytest

from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from scorm.factories import ScormModulePageFactory, package_from
from tests.fixtures.scorm import build


@pytest.fixture
def catalogue(db):
    return CourseCataloguePage.objects.get(slug="courses")


@pytest.fixture
def package12(db):
    return package_from(build.scorm12(), title="Hate crime 1.2")


@pytest.fixture
def package2004(db):
    return package_from(build.scorm2004(), title="Recording 2004")


@pytest.fixture
def course12(catalogue, package12):
    course = CoursePageFactory(parent=catalogue, title="SCORM 1.2 course", slug="scorm-12")
    page = ScormModulePageFactory(parent=course, title="Recognising hate crime", slug="recognising", package=package12)
    return course, page


@pytest.fixture
def course2004(catalogue, package2004):
    course = CoursePageFactory(parent=catalogue, title="SCORM 2004 course", slug="scorm-2004")
    page = ScormModulePageFactory(parent=course, title="Recording hate crime", slug="recording", package=package2004)
    return course, page
