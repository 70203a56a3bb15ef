"""
The Content-Security-Policy in a real browser (issue 11, finding 6): officer pages run under
the enforced policy with nothing blocked, the one inline script runs by its nonce, anything
injected is blocked, and the admin works under its report-only copy.
"""

import pytest
from playwright.sync_api import expect

from courses.models import CoursePage, ModulePage
from quizzes.models import Attempt
from tests.e2e.keyboard import answer_with_the_keyboard


def officer_pages_visited(journey):
    """Sign in as an officer and walk the officer's pages, recording each page's response headers."""
    headers = {}
    journey.page.on(
        "response",
        lambda response: (
            headers.setdefault(response.url, response.headers)
            if response.request.resource_type == "document" and response.status == 200
            else None
        ),
    )
    page = journey.sign_in("officer")
    course = CoursePage.objects.get(slug="guide-to-judaism")
    modules = ModulePage.objects.live().child_of(course).order_by("path")
    journey.goto(course.url)
    for module in modules:
        journey.goto(module.url)
    journey.goto("/record/")
    journey.goto("/search/?q=shabbat")
    journey.goto(course.url + "assessment/")
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))
    # The questions are drawn at random: answer the first, whatever its kind, with the keyboard;
    # leaving the field makes a typed answer "changed", which the background save listens for.
    attempt = Attempt.objects.get(user__username="officer", quiz__url_path__contains="/guide-to-judaism/")
    answer_with_the_keyboard(page, attempt.questions.order_by("position").first(), right=True)
    page.keyboard.press("Tab")  # autosave posts the answer in the background (connect-src)
    expect(page.locator(".app-autosave-status")).to_contain_text("Answers saved at")
    return page, headers


def test_officer_pages_run_under_the_enforced_policy_with_nothing_blocked(journey, demo):
    page, headers = officer_pages_visited(journey)

    assert headers, "no page was recorded"
    for url, sent in headers.items():
        policy = sent.get("content-security-policy", "")
        assert "script-src 'self' 'nonce-" in policy, url
        assert "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com" in policy, url
        assert "content-security-policy-report-only" not in sent, url
        assert "camera=()" in sent.get("permissions-policy", ""), url
    # The one inline script (GOV.UK Frontend's "js-enabled") ran: its nonce matched.
    assert page.evaluate("document.body.classList.contains('js-enabled')")
    assert journey.csp_violations() == []


def test_an_injected_inline_script_is_blocked_and_reported(journey, demo):
    page = journey.sign_in("officer")
    journey.expects_csp_violations = True
    page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation", e => resolve(e.violatedDirective), {once: true});
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        })"""
    )
    assert page.evaluate("window.injected === undefined")
    assert any("script-src" in text for text in journey.csp_violations())


def test_a_style_attribute_in_stored_content_is_blocked(journey, demo):
    page = journey.sign_in("officer")
    journey.expects_csp_violations = True
    directive = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation", e => resolve(e.effectiveDirective), {once: true});
            document.querySelector("main").insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
        })"""
    )
    assert directive.startswith("style-src")


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/users/"])
def test_the_admin_works_under_a_report_only_policy(journey, demo, path):
    responses = []
    journey.page.on("response", lambda r: responses.append(r) if r.request.resource_type == "document" else None)
    page = journey.sign_in_to_admin("admin")
    journey.goto(path)
    sent = responses[-1].headers
    assert "content-security-policy" not in sent
    assert "script-src 'self' 'nonce-" in sent["content-security-policy-report-only"] or (
        "script-src 'self'" in sent["content-security-policy-report-only"]
    )
    # Wagtail's own scripts ran: the sidebar is drawn by JavaScript.
    expect(page.locator("[data-wagtail-sidebar]").first).to_be_attached()
    assert journey.csp_violations() == []
