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


def new_course_form() -> dict:
    """The admin's "add course" form, filled in as a trainer would."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {
            "title": "Disability hate crime",
            "slug": "disability-hate-crime",
            "summary": "Recognising hostility towards disabled people.",
            "learning_outcomes": streamfield([("outcome", "Recognise disability hostility")]),
            "intended_audience": "Response officers",
            "topic": "hate_crime",
            "validity_months": 12,
            "renewal_window_days": 60,
            "developed_with": "",
        }
    )
