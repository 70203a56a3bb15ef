"""
Single sign-on in the browser (issue 14): an officer of the demo force chooses "Sign in with …",
signs in on the local OpenID Connect provider's own sign-in page (tests/oidc_provider) and lands
on My learning; signing out goes through the provider's sign-out and back to our sign-in page.
axe-core checks every page of ours; the provider's pages stand for the force's and are not ours
to check.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from tests.oidc_provider import start_provider

DEMO_ACCOUNTS = Path(django_settings.BASE_DIR) / "demo" / "sso_accounts.json"


@pytest.fixture(scope="module")
def oidc_provider():
    provider = start_provider(json.loads(DEMO_ACCOUNTS.read_text()))
    yield provider
    provider.stop()


@pytest.fixture
def single_sign_on(settings, oidc_provider):
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    settings.OIDC_PROVIDER_NAME = "Example Police Service account"
    settings.OIDC_MATCH_CLAIM = "employeeid"
    settings.OIDC_MATCH_FIELD = "staff_number"
    settings.OIDC_ROLE_MAPPING = "demo-managers=Manager;demo-trainers=Trainer"
    # As base.py sets it when OIDC_OP_LOGOUT_ENDPOINT is set: signing out may be redirected there.
    policy = settings.CONTENT_SECURITY_POLICY
    directives = policy["DIRECTIVES"] | {"form-action": [*policy["DIRECTIVES"]["form-action"], oidc_provider.issuer]}
    settings.CONTENT_SECURITY_POLICY = policy | {"DIRECTIVES": directives}
    return oidc_provider


def at_the_provider(journey, oidc_provider, login: str):
    """The force's sign-in page (the provider's own): any password is accepted there."""
    page = journey.page
    page.wait_for_url(f"{oidc_provider.issuer}/**")
    journey.checked.add(journey._key(page.url))  # the provider's page, not ours
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    with page.expect_navigation(url=lambda url: not url.startswith(oidc_provider.issuer)):
        page.get_by_role("button", name="Sign-in").click()
    journey.check()
    return page


def test_an_officer_signs_in_through_the_forces_provider_and_signs_out(journey, demo, single_sign_on):
    journey.goto("/account/sign-in/")
    page = journey.page
    page.get_by_role("button", name="Sign in with Example Police Service account").click()
    at_the_provider(journey, single_sign_on, "officer")
    expect(page).to_have_url(journey.base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Alex Morgan")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{single_sign_on.issuer}/**")
    for url in journey.visited:
        if url.startswith(single_sign_on.issuer):
            journey.checked.add(url)
    with page.expect_navigation(url=lambda url: url.startswith(journey.base_url)):
        page.get_by_role("button", name="Yes, sign me out").click()
    journey.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_someone_not_yet_imported_is_told_whom_to_contact(journey, demo, single_sign_on):
    journey.goto("/account/sign-in/")
    journey.page.get_by_role("button", name="Sign in with Example Police Service account").click()
    page = at_the_provider(journey, single_sign_on, "newstarter")
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find you")
    expect(page.get_by_text("Contact your force's training team")).to_be_visible()
