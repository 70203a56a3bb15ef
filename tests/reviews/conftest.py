import pytest

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from reviews.factories import PartnerOrganisationFactory, course_review_workflow, partner_reviewer


@pytest.fixture
def catalogue(db):
    return CourseCataloguePage.objects.get(slug="courses")


@pytest.fixture
def cst(db):
    return PartnerOrganisationFactory(name="Community Security Trust (CST)")


@pytest.fixture
def other_organisation(db):
    return PartnerOrganisationFactory(name="Tell MAMA")


@pytest.fixture
def partner(cst):
    return partner_reviewer(cst, username="partner", first_name="Miriam", last_name="Adler")


@pytest.fixture
def other_partner(other_organisation):
    return partner_reviewer(other_organisation, username="other_partner", first_name="Iman", last_name="Atta")


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="A guide to Judaism", slug="judaism")
    ModulePageFactory(parent=course, title="Shabbat", slug="shabbat")
    return course


@pytest.fixture
def other_course(catalogue):
    """A course sent to another organisation for review."""
    return CoursePageFactory(parent=catalogue, title="A guide to Islam", slug="islam")


@pytest.fixture
def workflow(cst, course):
    return course_review_workflow(cst, course)


@pytest.fixture
def submit(people):
    """``submit(course, title=...)``: the trainer changes the course and submits it; returns the workflow state."""

    def submit_change(course, title=None):
        course = course.specific.__class__.objects.get(pk=course.pk)
        if title:
            course.title = title
        course.save_revision(user=people["trainer"])
        workflow = course.get_workflow()
        return workflow.start(course, people["trainer"])

    return submit_change


@pytest.fixture
def in_review(workflow, course, submit):
    """The course, changed by the trainer and waiting for CST's review."""
    return submit(course, title="A guide to Judaism, revised")
