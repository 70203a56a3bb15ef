"""
Browser tests: Playwright for Python driving Debian's Chromium against Django's live
server. Every page a test visits is checked with axe-core, and the test fails if any
visited page went unchecked or broke a WCAG 2.x A/AA rule, or if the browser blocked anything
under the enforced Content-Security-Policy (the admin's report-only policy is only recorded).
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page, sync_playwright

from tests.e2e import demo_copy

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DEMO_PASSWORD = "training-demo-2026"  # noqa: S105 - the documented demo password


@pytest.fixture(scope="session", autouse=True)
def browser():
    """
    Started before anything touches the database (autouse, session scope): Playwright's
    sync API runs the test in a greenlet of its own, and the database connection Django
    sets up for the tests must belong to that same context.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. `make test` installs it (apt-get install chromium); "
            "browser tests never download a browser."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Journey:
    """
    A browser tab that remembers every page it lands on. ``check()`` runs axe-core on the
    current page; at the end of the test every page visited must have been checked.
    """

    axe = Axe()

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.visited: list[str] = []
        self.checked: set[str] = set()
        # What the browser says it blocked or would have blocked under the CSP ("[Report Only]").
        self.csp_messages: list[str] = []
        page.on("framenavigated", self._remember)
        page.on("console", self._listen)

    def _listen(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.csp_messages.append(f"{self.page.url}: {message.text}")

    def csp_violations(self) -> list[str]:
        """Everything the enforced policy blocked (report-only messages are not violations)."""
        return [text for text in self.csp_messages if "[Report Only]" not in text]

    def _remember(self, frame):
        if frame == self.page.main_frame and not frame.url.startswith(("about:", "data:")):
            self.visited.append(self._key(frame.url))

    @staticmethod
    def _key(url: str) -> str:
        return url.split("#", 1)[0]

    def check(self) -> None:
        """Run axe-core on the page as it stands; fail on any WCAG A/AA violation."""
        self.page.wait_for_load_state("load")
        # Let finite CSS animations and transitions finish (a message fading in is not a contrast failure).
        self.page.evaluate(
            "Promise.all(document.getAnimations()"
            ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
            ".map(a => a.finished.catch(() => null)))"
        )
        results = self.axe.run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            pytest.fail(f"axe-core found accessibility violations on {self.page.url}:\n{results.generate_report()}")
        self.checked.add(self._key(self.page.url))

    def goto(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def submit(self, locator) -> Page:
        """Click something that loads a new page, wait for it, and check it."""
        with self.page.expect_navigation():
            locator.click()
        self.check()
        return self.page

    def press_enter(self, locator) -> Page:
        """Keyboard-only submission: focus the control and press Enter."""
        locator.focus()
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        self.check()
        return self.page

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> Page:
        self.goto("/account/sign-in/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        return self.press_enter(self.page.get_by_role("button", name="Sign in"))

    def sign_in_to_admin(self, username: str, password: str = DEMO_PASSWORD) -> Page:
        self.goto("/admin/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password)
        return self.submit(self.page.get_by_role("button", name=re.compile("Sign in", re.IGNORECASE)))

    def unchecked_pages(self) -> list[str]:
        return [url for url in dict.fromkeys(self.visited) if url not in self.checked]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    Load the demo once, after migrating, and make it what every browser test starts from:
    ``django_db_serialized_rollback`` puts it back after ``live_server`` flushes the database,
    by copying it inside the engine (``demo_copy``), which is much faster than loading the demo
    for each test or re-saving it row by row.
    """
    from django.db import connections
    from django.test.utils import override_settings

    with django_db_blocker.unblock():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                if demo_copy.take(connection):
                    _put_back_the_copy(connection)
                else:
                    connection._test_serialized_contents = connection.creation.serialize_db_to_string()
                    _restore_snapshots_too(connection)


def _put_back_the_copy(connection):
    """Django's serialized rollback calls this after each flush; the copy replaces the rows it would re-save."""
    connection._test_serialized_contents = ""
    connection.creation.deserialize_db_from_string = lambda data: demo_copy.put_back(connection)
    demo_copy.skip_flush(connection)


def _restore_snapshots_too(connection):
    """
    Where the engine cannot copy (a PostgreSQL role that is not a superuser), the serialized demo
    is re-saved row by row, compliance snapshots included, which the database refuses to change
    (``compliance.snapshot_guard``). Putting the test database back as it was is, like ``flush``,
    the one deliberate exception: it runs inside ``erasing``.
    """
    from compliance.snapshot_guard import erasing

    creation = connection.creation
    restore = creation.deserialize_db_from_string

    def deserialize_db_from_string(data):
        with erasing(connection):
            return restore(data)

    creation.deserialize_db_from_string = deserialize_db_from_string


@pytest.fixture
def demo(transactional_db):
    """The demo force, people, courses, quizzes and training records, as `make run` loads them."""


def _journey(browser, live_server, request, **context_options):
    context = browser.new_context(base_url=live_server.url, reduced_motion="reduce", **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    journey = Journey(page, live_server.url)
    yield journey
    context.close()
    if getattr(request.node, "rep_call_failed", False):
        return
    unchecked = journey.unchecked_pages()
    if unchecked:
        pytest.fail(f"These pages were visited but never checked with axe-core: {unchecked}")
    if journey.csp_violations() and not getattr(journey, "expects_csp_violations", False):
        pytest.fail("The Content-Security-Policy blocked something:\n" + "\n".join(journey.csp_violations()))


@pytest.fixture
def journey(browser, live_server, django_db_serialized_rollback, request):
    """
    A fresh browser context against the live server. ``django_db_serialized_rollback``
    restores what migrations created (Wagtail's root page, the home page, the Site and
    the role groups) after ``live_server`` flushes the database between tests.
    """
    yield from _journey(browser, live_server, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_journey(browser, live_server, django_db_serialized_rollback, request):
    """The same, on a 360 px wide phone screen."""
    yield from _journey(
        browser, live_server, request, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.rep_call_failed = True
    return report


def pytest_collection_modifyitems(config, items):
    """
    Every browser test starts from the demo, put back before it runs (``demo_copy``): one that
    did not ask for the put-back would see what the test before it left.
    """
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "e2e" in item.nodeid.split("/") and "django_db_serialized_rollback" not in fixtures:
            raise pytest.UsageError(f"{item.nodeid} must use the journey or phone_journey fixture")
