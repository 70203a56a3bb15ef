"""Course journeys in a real browser, with axe-core on every page visited."""

import datetime
import re

from django.utils import timezone
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
    # The guide is required of the Stamford Hill team: listed once, under "Required training".
    required = page.locator(".govuk-task-list__item", has_text="A police officer's guide to Judaism")
    expect(required).to_have_count(1)
    expect(required).to_contain_text("Valid until")
    expect(required.locator(".govuk-tag")).to_have_text("Completed")
    expect(page.get_by_role("link", name="A police officer's guide to Judaism", exact=True)).to_have_count(1)
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


HATE_CRIME = "hate-crime-recognise-record-support"


def _republish(module: ModulePage, *, needs_rereading: bool, new_words: str | None = None) -> None:
    """Publish a new revision of a module as the admin would save it (with Draftail's block keys)."""
    page = module.get_latest_revision_as_object()
    blocks = [dict(block) for block in page.body.raw_data]
    for block in blocks:
        if block["type"] == "paragraph":
            block["value"] = block["value"].replace("<p>", '<p data-block-key="k3x9q">')
    if new_words:
        blocks.insert(0, {"type": "paragraph", "value": f'<p data-block-key="n3w1d">{new_words}</p>'})
    page.body = blocks
    page.review_by = (page.review_by or timezone.localdate()) + datetime.timedelta(days=365)
    page.needs_rereading = needs_rereading
    page.save_revision().publish()


def test_only_a_change_that_needs_rereading_tells_the_officer_the_module_changed(journey, demo):
    """The demo officer completed the hate crime course; one module is rewritten, another re-saved."""
    course = CoursePage.objects.get(slug=HATE_CRIME)
    rewritten, resaved = list(ModulePage.objects.live().child_of(course).order_by("path"))[:2]
    _republish(rewritten, needs_rereading=True, new_words="New national guidance applies from April.")
    _republish(resaved, needs_rereading=False)

    page = journey.sign_in("officer")
    journey.goto(course.url)
    changed_row = page.locator(".govuk-task-list__item", has_text=rewritten.title)
    expect(changed_row.locator(".govuk-tag")).to_have_text("Changed since you completed it")
    expect(page.locator(".govuk-task-list__item", has_text=resaved.title)).to_contain_text("Completed")
    expect(page.locator(".govuk-task-list__item", has_text=resaved.title).locator(".govuk-tag")).to_have_count(0)

    journey.press_enter(page.get_by_role("link", name=rewritten.title))
    banner = page.get_by_role("region", name="Important")
    expect(banner).to_contain_text("This module has changed since you completed it")
    expect(page.get_by_text("New national guidance applies from April.")).to_be_visible()

    journey.goto(resaved.url)
    expect(page.get_by_text("This module has changed since you completed it")).to_have_count(0)
    expect(page.get_by_text("You completed this module on")).to_be_visible()


def test_finishing_a_module_is_confirmed(journey, demo):
    page = journey.sign_in("officer2")
    journey.goto("/courses/guide-to-judaism/")
    journey.press_enter(page.get_by_role("button", name="Enrol and start"))
    first = page.get_by_role("heading", level=1).inner_text()
    journey.press_enter(page.get_by_role("button", name="I have read and understood this module"))
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Success")
    expect(banner).to_contain_text(f"You have completed “{first}”.")
    expect(page.get_by_text("Module 2 of 6")).to_be_visible()


def test_an_officer_who_opens_the_admin_lands_on_my_learning(journey, demo):
    page = journey.goto("/admin/")
    # Signed out: the site's own sign-in page, not Wagtail's.
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert page.url.endswith("/account/sign-in/?next=/admin/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("training-demo-2026")
    journey.press_enter(page.get_by_role("button", name="Sign in"))
    assert page.url == journey.base_url + "/"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    expect(page.get_by_text("The admin is for trainers and managers")).to_be_visible()
    expect(page.get_by_text("You do not have permission")).to_have_count(0)


def test_my_learning_on_a_phone_lists_a_required_course_once_with_its_tag_on_one_line(phone_journey, demo):
    page = phone_journey.sign_in("officer")
    tag = page.locator(".govuk-task-list__status .govuk-tag", has_text="Expiring soon")
    expect(tag).to_be_visible()
    line_height = tag.evaluate("t => parseFloat(getComputedStyle(t).lineHeight)")
    box = tag.bounding_box()
    assert box["height"] < 2 * line_height, f"the tag wraps: {box['height']}px for {line_height}px lines"
    assert page.get_by_role("link", name="Hate crime: recognise, record, support", exact=True).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_wide_table_on_a_phone_says_it_scrolls_and_scrolls_from_the_keyboard(phone_journey, demo):
    page = phone_journey.sign_in("officer2")
    phone_journey.goto("/courses/guide-to-judaism/shabbat-and-festivals/")
    region = page.get_by_role("region", name="Festival dates", exact=True)
    expect(region).to_be_visible()
    overflows = region.evaluate("r => r.scrollWidth > r.clientWidth")
    assert overflows, "the festival table fits a 360px screen: this test needs a wider table"
    hint = region.locator("xpath=preceding-sibling::p[1]")
    expect(hint).to_have_text("Scroll sideways to see the whole table")
    expect(hint).to_be_visible()
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Festival dates"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
