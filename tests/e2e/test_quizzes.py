"""The assessment journey in a real browser, with the keyboard only, and axe on every page."""

from playwright.sync_api import expect

from accounts.models import User
from courses import services as course_services
from courses.models import CourseCompletion, CoursePage, ModulePage
from quizzes.models import Attempt, AttemptStatus
from tests.e2e.keyboard import take_attempt


def test_officer_fails_once_then_passes_the_judaism_assessment_with_the_keyboard(journey, demo):
    officer = User.objects.get(username="officer")
    course = CoursePage.objects.get(slug="guide-to-judaism")
    course_services.enrol(user=officer, course=course)
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        course_services.complete_module(user=officer, module=module)

    page = journey.sign_in("officer")
    journey.press_enter(page.get_by_role("link", name="A police officer's guide to Judaism").first)
    expect(page.get_by_text("Pass the assessment: Assessment")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="Pass the assessment: Assessment"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessment")
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))

    take_attempt(journey, 1, right=False)
    expect(page.get_by_role("heading", level=1)).to_have_text("You did not pass this time")
    expect(page.get_by_text("The answers are shown once you pass")).to_be_visible()
    expect(page.get_by_text("Correct answer")).to_have_count(0)
    first = Attempt.objects.get(user=officer, quiz__url_path__contains="/guide-to-judaism/", number=1)
    assert first.status == AttemptStatus.FINISHED and first.passed is False
    assert first.questions.first().content["explanation"] not in page.content()

    journey.press_enter(page.get_by_role("button", name="Try again"))
    take_attempt(journey, 2, right=True)
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    expect(page.get_by_text("Correct answer").first).to_be_visible()  # the answers, now the policy allows

    journey.press_enter(page.get_by_role("link", name="Back to A police officer's guide to Judaism"))
    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="My learning").first)
    completed = page.locator("dl.govuk-summary-list")
    expect(completed).to_contain_text("A police officer's guide to Judaism")
    expect(completed).to_contain_text("Completed on")
    record = CourseCompletion.objects.get(user=officer, course=course)
    assert record.module_versions.count() == 6
    assert record.evidence["assessment"]["attempt_number"] == 2
    assert record.score == 100
