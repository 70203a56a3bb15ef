"""
LTI 1.3 in a real browser: a force's Moodle (the test platform of tests/lti, on its own
loopback port, so a different site from ours) launches the demo's Judaism guide for PC Alex
Morgan. The browser walks the launch as it does from a real platform: the platform's page posts
the login initiation to us, we send it to the platform's authentication endpoint, whose page
posts the signed id_token to our launch URL. The officer lands on the course, passes the
assessment, and the grade reaches the platform's line item when the task queue is worked as in
production (the database queue and ``manage.py db_worker``). A replayed launch and a launch for
someone we do not know each get a clear page. axe-core checks every page of ours; the
platform's pages stand for Moodle's and are not ours to check.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from courses import services as course_services
from courses.models import CoursePage, ModulePage
from demo.lti_platform import PreparedLaunch
from lti.models import IdentifyBy, LinkedAccount, Platform, ScorePost, ScoreStatus
from tests.e2e.keyboard import take_attempt
from tests.lti.conftest import CLIENT_ID, DEPLOYMENT_ID, TestPlatform

COURSE = "guide-to-judaism"


@pytest.fixture
def moodle(live_server, demo):
    """The platform on 127.0.0.1 (we are served on localhost): it fetches our JWKS as Moodle does."""
    server = TestPlatform(tool_login_url=live_server.url + "/lti/login/", tool_jwks_url=live_server.url + "/lti/jwks/")
    Platform.objects.create(
        name="Example Police Service Moodle",
        issuer=server.issuer,
        client_id=CLIENT_ID,
        deployment_ids=DEPLOYMENT_ID,
        auth_login_url=server.login_url,
        auth_token_url=server.token_url,
        key_set_url=server.jwks_url,
        identify_by=IdentifyBy.EMAIL,
    )
    yield server
    server.stop()


@pytest.fixture
def production_queue(settings):
    """Tasks go to the database queue, worked by `manage.py db_worker`, as docs/deployment.md runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def launch_from_the_platform(journey, moodle, launch: PreparedLaunch, *, lands_on: str):
    """Open the platform's activity link and follow its pages until the browser is back with us."""
    page = journey.page
    page.goto(moodle.prepare_launch(launch))
    page.wait_for_url(journey.base_url + lands_on)
    for url in journey.visited:
        if url.startswith(moodle.base):
            journey.checked.add(url)  # the platform's own pages, not ours
    journey.check()
    return page


def fits_a_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width}px wide on a 360px screen"


def test_a_launch_from_the_platform_opens_the_course_and_the_grade_goes_back(journey, moodle, production_queue):
    officer = User.objects.get(username="officer")
    course = CoursePage.objects.get(slug=COURSE)
    # The officer has read the six modules; the assessment is what is left.
    course_services.enrol(user=officer, course=course)
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        course_services.complete_module(user=officer, module=module)

    launch = PreparedLaunch(sub="moodle-1001", email=officer.email, name="Alex Morgan", page_id=course.pk)
    page = launch_from_the_platform(journey, moodle, launch, lands_on=course.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("A police officer's guide to Judaism")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()  # signed in by the launch

    journey.press_enter(page.get_by_role("link", name="Pass the assessment: Assessment"))
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))
    take_attempt(journey, 1, right=True)
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()

    # Owed in the completion's transaction, queued for the worker; nothing sent yet.
    post = ScorePost.objects.get(target__user=officer)
    assert post.status == ScoreStatus.PENDING
    assert moodle.scores == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    (received,) = moodle.scores
    assert received["path"] == "/lineitems/7/lineitem/scores"
    score = received["score"]
    assert score["userId"] == "moodle-1001"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (100, 100)
    assert (score["activityProgress"], score["gradingProgress"]) == ("Completed", "FullyGraded")
    post.refresh_from_db()
    assert (post.status, post.attempts) == (ScoreStatus.SENT, 1)
    call_command("post_lti_scores", stdout=open("/dev/null", "w"))  # noqa: SIM115 - cron's run sends nothing again
    assert len(moodle.scores) == 1


def test_a_launch_of_a_module_on_a_phone_opens_the_module(phone_journey, moodle):
    officer = User.objects.get(username="officer")
    module = ModulePage.objects.get(slug="shabbat-and-festivals")
    launch = PreparedLaunch(sub="moodle-1001", email=officer.email, page_id=module.pk)
    page = launch_from_the_platform(phone_journey, moodle, launch, lands_on=module.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Shabbat and festivals")
    fits_a_phone(page)


def test_a_replayed_launch_is_refused_with_a_clear_page(phone_journey, moodle):
    officer = User.objects.get(username="officer")
    course = CoursePage.objects.get(slug=COURSE)
    launch = PreparedLaunch(sub="moodle-1001", email=officer.email, page_id=course.pk)
    launch_from_the_platform(phone_journey, moodle, launch, lands_on=course.url)

    # The same signed launch, posted again from the platform's page (as a copied form would be).
    page = phone_journey.page
    page.goto(moodle.base + "/repost")
    page.wait_for_url(phone_journey.base_url + "/lti/launch/")
    phone_journey.checked.add(moodle.base + "/repost")
    phone_journey.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("This launch did not work")
    expect(page.get_by_text("This launch has already been used, so it cannot be used again.")).to_be_visible()
    expect(page.get_by_text("Go back to your learning platform and open the activity again.")).to_be_visible()
    fits_a_phone(page)


def test_someone_we_do_not_know_gets_a_clear_page(phone_journey, moodle):
    course = CoursePage.objects.get(slug=COURSE)
    launch = PreparedLaunch(sub="moodle-2002", email="new.starter@example.police.uk", page_id=course.pk)
    page = launch_from_the_platform(phone_journey, moodle, launch, lands_on="/lti/launch/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This launch did not work")
    expect(page.get_by_text("We could not find your account on this training platform.")).to_be_visible()
    fits_a_phone(page)
    # Nobody was signed in: the course page asks the visitor to sign in.
    page.goto(phone_journey.base_url + course.url)
    phone_journey.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_the_demo_moodle_of_lti_demo_launch_launches_a_demo_officer(journey, demo, tmp_path):
    """What docs/standards.md, "Try it with the demo", tells a newcomer to do, in the browser."""
    from demo import lti as demo_lti

    server = demo_lti.start_demo_platform(tool=journey.base_url, port=0, key_path=tmp_path / "demo.pem")
    try:
        officer = User.objects.get(username="officer2")
        course = CoursePage.objects.get(slug=COURSE)
        page = journey.page
        page.goto(demo_lti.prepare_demo_launch(server, person=officer, page=course))
        page.wait_for_url(journey.base_url + course.url)
        for url in journey.visited:
            if url.startswith(server.base):
                journey.checked.add(url)
        journey.check()
        expect(page.get_by_role("button", name="Enrol and start")).to_be_visible()
    finally:
        server.stop()


def test_an_administrator_links_a_platform_account_with_the_person_chooser(journey, demo):
    page = journey.sign_in_to_admin("admin")
    journey.goto("/admin/lti_linked_accounts/new/")
    page.locator("#id_platform").select_option(label="Demo Moodle")
    page.locator("#id_subject").fill("moodle-5150")
    page.get_by_role("button", name="Choose a person").click()
    modal = page.locator(".modal-content")
    expect(modal.get_by_role("heading", name="Choose a person")).to_be_visible()
    modal.get_by_label("Search term").fill("Patel")
    result = modal.get_by_role("link", name="Sam Patel")
    expect(result).to_be_visible()
    journey.check()  # the page with the chooser open
    result.click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Sam Patel")
    journey.submit(page.get_by_role("button", name="Create"))
    expect(page.get_by_text("moodle-5150").first).to_be_visible()
    assert LinkedAccount.objects.get(subject="moodle-5150").user.username == "officer2"
