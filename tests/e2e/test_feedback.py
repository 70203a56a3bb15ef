"""Course feedback: an officer rates a course they completed; a manager reads the report; the public page."""

import re

from playwright.sync_api import expect

HATE_CRIME = "Hate crime: recognise, record, support"


def test_an_officer_rates_a_completed_course_with_the_keyboard(journey, demo):
    from courses.models import CoursePage

    course = CoursePage.objects.get(slug="hate-crime-recognise-record-support")
    page = journey.sign_in("officer")
    journey.goto(course.url)
    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()
    expect(page.get_by_role("heading", name="How was this course?")).to_be_visible()
    journey.press_enter(page.get_by_role("button", name="Rate this course"))
    expect(page.get_by_role("heading", name="Rate this course", level=1)).to_be_visible()

    # Sent with nothing chosen: the error summary names both questions and links to them.
    journey.press_enter(page.get_by_role("button", name="Send your rating"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select how useful the course was for your job")
    expect(summary).to_contain_text("Select how much confidence the course gave you")
    expect(page).to_have_title(re.compile("^Error:"))

    for name, value in (("usefulness", "5"), ("confidence", "4")):
        radio = page.locator(f'input[name="{name}"][value="{value}"]')
        radio.focus()
        page.keyboard.press("Space")
        expect(radio).to_be_checked()
    page.get_by_label(re.compile("Anything else")).fill("Clear steps for recording.")
    journey.press_enter(page.get_by_role("button", name="Send your rating"))
    expect(page.get_by_text(f"Thank you for rating “{HATE_CRIME}”.")).to_be_visible()
    expect(page.get_by_role("heading", name="How was this course?")).to_have_count(0)


def test_a_manager_reads_the_satisfaction_report_and_its_comments(journey, demo):
    page = journey.sign_in_to_admin("sergeant")
    journey.goto("/admin/reports/feedback/")
    expect(page.get_by_role("heading", name="Course satisfaction")).to_be_visible()
    expect(page.locator("table.listing tbody")).to_contain_text(HATE_CRIME)
    journey.goto("/admin/reports/feedback/?by_unit=true")
    expect(page.locator("table.listing tbody")).to_contain_text("Stamford Hill")
    journey.goto("/admin/reports/feedback/comments/")
    expect(page.get_by_role("heading", name="Course feedback comments")).to_be_visible()


def test_the_public_satisfaction_pages_on_a_phone(phone_journey, demo):
    page = phone_journey.goto("/feedback/satisfaction/")
    expect(page.get_by_role("heading", name="Satisfaction with our training", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Satisfaction by course")
    expect(table).to_contain_text(HATE_CRIME)
    expect(table).to_contain_text("Not published yet")
    expect(page.get_by_text(re.compile("rated it 4 or 5 out of 5"))).to_be_visible()
    phone_journey.submit(table.get_by_role("link", name=HATE_CRIME))
    expect(page.get_by_text(re.compile(r"^\d+% found it useful$"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
