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


def test_staff_set_up_a_second_factor_at_first_sign_in_and_then_reach_the_admin(journey, demo, settings):
    import base64

    from django_otp.oath import totp

    settings.STAFF_REQUIRE_SECOND_FACTOR = True
    page = journey.sign_in("admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.locator("svg.app-qr-code")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
    journey.press_enter(page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    expect(page.locator(".app-backup-codes li")).to_have_count(10)
    journey.submit(page.get_by_role("link", name="I have saved my codes"))
    journey.goto("/admin/")
    expect(page).to_have_url(journey.base_url + "/admin/")

    journey.goto("/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    journey.submit(page.get_by_role("link", name="Manage second factor"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Second factor")
    journey.goto("/account/email/")
    expect(page.get_by_label("Your current password")).to_have_attribute("autocomplete", "current-password")


def test_too_many_wrong_passwords_show_how_long_to_wait(journey, demo):
    for _ in range(4):
        journey.sign_in("officer", password="not-the-password")
    page = journey.sign_in("officer", password="not-the-password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many attempts to sign in")
    expect(page.get_by_text("Wait 15 minutes, then try again.")).to_be_visible()
