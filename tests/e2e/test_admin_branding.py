"""
Issue 12, points 5 and 6 in the browser: the admin is branded with the platform's and the
force's names and never names Wagtail; a trainer's dashboard shows their work; a manager's
shows only what a manager can use. At 1280 and 360 px, every page checked with axe-core.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from courses.models import ModulePage

pytestmark = pytest.mark.e2e


def assert_no_wagtail(page):
    text = page.locator("body").inner_text()
    assert "Wagtail" not in text
    assert "editor guide" not in text.lower()
    assert "localhost" not in text


def assert_fits_the_screen(page):
    overflow = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def give_the_trainer_a_draft():
    module = ModulePage.objects.get(slug="death-and-bereavement")
    module.title = "Death and bereavement (draft)"
    module.save_revision(user=User.objects.get(username="trainer"))


def test_the_trainer_signs_in_to_a_branded_admin_and_sees_their_work(journey, demo):
    give_the_trainer_a_draft()
    page = journey.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Police training")
    assert_no_wagtail(page)

    page = journey.sign_in_to_admin("trainer")
    assert page.title() == "Dashboard - Police training"
    expect(page.get_by_role("heading", level=1)).to_have_text("Police training")
    expect(page.locator(".app-dashboard-force")).to_have_text("Example Police Service")
    headings = ("Your drafts", "Sent for approval", "Content due for review", "most often get wrong")
    for heading in headings:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("link", name="Death and bereavement (draft)")).to_be_visible()
    expect(page.get_by_placeholder("Search all pages…")).to_be_visible()
    assert_no_wagtail(page)

    # The Help menu holds the keyboard shortcuts only: no editor guide, no release notes, no "new items".
    page.get_by_role("button", name=re.compile("^Help")).click()
    expect(page.get_by_role("button", name="Shortcuts")).to_be_visible()
    assert "new item" not in page.locator("#wagtail-sidebar").inner_text()
    journey.check()
    assert_no_wagtail(page)


def test_the_trainers_dashboard_fits_a_phone(phone_journey, demo):
    give_the_trainer_a_draft()
    page = phone_journey.sign_in_to_admin("trainer")
    expect(page.get_by_role("heading", level=1)).to_have_text("Police training")
    expect(page.get_by_role("heading", name="Your drafts")).to_be_visible()
    assert_no_wagtail(page)
    assert_fits_the_screen(page)


def a_manager_sees_their_units_and_no_page_tools(journey):
    page = journey.sign_in_to_admin("sergeant")
    expect(page.get_by_role("heading", level=1)).to_have_text("Police training")
    expect(page.get_by_role("heading", name="Training in your units")).to_be_visible()
    expect(page.get_by_placeholder("Search all pages…")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your drafts")).to_have_count(0)
    assert_no_wagtail(page)
    return page


def test_a_manager_sees_their_units_and_no_page_tools(journey, demo):
    page = a_manager_sees_their_units_and_no_page_tools(journey)
    sidebar = page.locator("#wagtail-sidebar")
    expect(sidebar.get_by_role("link", name="Pages", exact=True)).to_have_count(0)
    expect(sidebar.get_by_role("button", name="Pages", exact=True)).to_have_count(0)


def test_a_managers_dashboard_fits_a_phone(phone_journey, demo):
    assert_fits_the_screen(a_manager_sees_their_units_and_no_page_tools(phone_journey))
