"""Course journeys in a real browser, with axe-core on every page visited."""

import re

from playwright.sync_api import expect

from courses.models import CourseCompletion, CoursePage, ModulePage, ModuleProgress
from tests.e2e.keyboard import take_attempt


def test_officer_completes_the_judaism_course_end_to_end_with_the_keyboard(journey, demo):
    page = journey.sign_in("officer")
    expect(page.get_by_role("heading", name="Courses you can start")).to_be_visible()

    journey.press_enter(page.get_by_role("link", name="A police officer's guide to Judaism").first)
    expect(page.get_by_role("heading", level=1)).to_have_text("A police officer's guide to Judaism")
    expect(page.get_by_text("Reviewed with Community Security Trust (CST) on")).to_be_visible()
    journey.press_enter(page.get_by_role("button", name="Enrol and start"))

    course = CoursePage.objects.get(slug="guide-to-judaism")
    module_titles = list(ModulePage.objects.live().child_of(course).order_by("path").values_list("title", flat=True))
    assert len(module_titles) == 6
    for number, title in enumerate(module_titles, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_text(f"Module {number} of 6")).to_be_visible()
        if title == "Shabbat and festivals":
            expect(page.get_by_role("heading", name="Festival dates in the next year")).to_be_visible()
            festivals = page.get_by_role("table", name=re.compile("Computed from the Hebrew calendar"))
            expect(festivals.get_by_role("row", name=re.compile("^Purim"))).to_contain_text("Begins at sunset")
        # Check-your-understanding questions work from the keyboard: reveal the first answer.
        page.locator("summary", has_text="Show the answer").first.focus()
        page.keyboard.press("Enter")
        expect(page.locator("details[open]").first).to_be_visible()
        journey.press_enter(page.get_by_role("button", name="I have read and understood this module"))

    # Every module read: the course now needs its assessment, and the officer is taken to it.
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessment")
    read = ModuleProgress.objects.filter(
        user__username="officer", enrolment__course=course, completed_at__isnull=False
    )
    assert read.count() == 6
    assert not CourseCompletion.objects.filter(user__username="officer", course=course).exists()
    journey.press_enter(page.get_by_role("link", name="A police officer's guide to Judaism").first)
    expect(page.get_by_text("6 of 6 modules completed")).to_be_visible()
    expect(page.locator(".govuk-task-list")).to_contain_text("Pass the assessment: Assessment")

    # The assessment, passed first time, completes the course.
    journey.press_enter(page.get_by_role("link", name="Pass the assessment: Assessment"))
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))
    take_attempt(journey, 1, right=True)
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="My learning").first)
    completed = page.locator("dl.govuk-summary-list")
    expect(completed).to_contain_text("A police officer's guide to Judaism")
    expect(completed).to_contain_text("Completed on")
    record = CourseCompletion.objects.get(user__username="officer", course=course)
    assert record.module_versions.count() == 6


def test_a_module_reads_well_on_a_360px_phone(phone_journey, demo):
    page = phone_journey.sign_in("officer2")
    phone_journey.goto("/courses/guide-to-judaism/shabbat-and-festivals/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Shabbat and festivals")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    phone_journey.submit(page.get_by_role("button", name="Enrol on this course"))
    expect(page.get_by_role("button", name="I have read and understood this module")).to_be_visible()


PHONE_PAGES = [
    ("/", "Welcome, Alex Morgan"),
    ("/courses/", None),
    ("/courses/guide-to-judaism/", "A police officer's guide to Judaism"),
    ("/courses/guide-to-judaism/food-custody-dress-and-contact/", "Food, custody, dress and contact"),
    ("/courses/guide-to-judaism/assessment/", "Assessment"),
    ("/record/", None),
    ("/search/?q=shabbat", None),
]


def test_every_officer_page_fits_a_360px_phone(phone_journey, demo):
    """No sideways scrolling on any officer page (WCAG 1.4.10 reflow), and axe on each."""
    page = phone_journey.sign_in("officer")
    for path, heading in PHONE_PAGES:
        phone_journey.goto(path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide on a 360px screen"


def test_search_finds_a_module(journey, demo):
    journey.sign_in("officer")
    page = journey.goto("/search/?q=kosher")
    expect(page.get_by_role("link", name="Food, custody, dress and contact")).to_be_visible()


def test_trainer_edits_a_module_and_submits_it_for_approval(journey, demo):
    module = ModulePage.objects.get(slug="death-and-bereavement")
    page = journey.sign_in_to_admin("trainer")
    journey.goto(f"/admin/pages/{module.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("Death and bereavement (revised)")

    page.get_by_role("button", name="More actions").click()
    journey.submit(page.get_by_role("button", name="Submit to Course review"))

    expect(page.get_by_role("status")).to_contain_text("has been submitted for moderation")
    module.refresh_from_db()
    assert module.title == "Death and bereavement"  # still the published version
    assert module.get_latest_revision_as_object().title == "Death and bereavement (revised)"
    assert module.workflow_in_progress
