"""The foundation's journeys: an officer reaches their home page; an administrator the units."""

from playwright.sync_api import expect


def test_officer_signs_in_and_sees_their_home_page(journey, demo):
    page = journey.sign_in("officer")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Alex Morgan")
    expect(page.get_by_text("Stamford Hill Safer Neighbourhood Team")).to_be_visible()
    # The skip link is the first thing a keyboard user reaches, and it moves focus to the content.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    journey.submit(page.get_by_role("link", name="Accessibility statement"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")

    journey.goto("/")
    journey.submit(page.get_by_role("button", name="Sign out"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_wrong_password_shows_an_error_summary(journey, demo):
    page = journey.sign_in("officer", password="not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("Enter a correct username and password")


def test_home_page_works_on_a_360px_phone(phone_journey, demo):
    page = phone_journey.sign_in("officer")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    phone_journey.page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_administrator_signs_in_to_the_admin_and_opens_the_units(journey, demo):
    page = journey.sign_in_to_admin("admin")
    journey.goto("/admin/units/")
    expect(page.get_by_role("link", name="Stamford Hill Safer Neighbourhood Team")).to_be_visible()
    journey.submit(page.get_by_role("link", name="Stamford Hill Safer Neighbourhood Team"))
    expect(page.get_by_label("Name")).to_have_value("Stamford Hill Safer Neighbourhood Team")
