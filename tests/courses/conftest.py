import pytest

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage


@pytest.fixture
def catalogue(db):
    """The catalogue page the courses migration creates."""
    return CourseCataloguePage.objects.get(slug="courses")


@pytest.fixture
def course(catalogue):
    """A published course with three published modules."""
    course = CoursePageFactory(parent=catalogue, title="Hate crime awareness", slug="hate-crime")
    for number in range(1, 4):
        ModulePageFactory(parent=course, title=f"Module {number}", slug=f"module-{number}")
    return course


@pytest.fixture
def modules(course):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(course).order_by("path"))


def make_course(catalogue, *, modules: int, title: str = "Course", quiz: bool = False):
    course = CoursePageFactory(parent=catalogue, title=title)
    for number in range(1, modules + 1):
        ModulePageFactory(parent=course, title=f"{title} module {number}")
    if quiz:
        from quizzes.factories import QuestionFactory, QuizPageFactory

        QuizPageFactory(parent=course, questions=[QuestionFactory(title=f"{title} question")])
    return course
