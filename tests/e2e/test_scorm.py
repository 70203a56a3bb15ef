"""
SCORM in a real browser: the officer plays the demo's SCORM 1.2 and 2004 modules, leaves each
half-way, comes back to where they stopped, answers, finishes and sees the course complete.
axe-core checks every page around the player.
"""

import re

from playwright.sync_api import expect

from courses.models import CourseCompletion, Provenance
from scorm.models import ScormAttempt

COURSE = "/courses/hate-crime-e-learning/"


def play_half_then_leave(journey, module_title):
    page = journey.page
    journey.press_enter(page.get_by_role("link", name=module_title, exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(module_title)
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_role("heading", name="Step 1 of 2")).to_be_visible()
    sco.get_by_role("button", name="Next").click()
    expect(sco.get_by_role("heading", name="Step 2 of 2")).to_be_visible()
    sco.get_by_role("button", name="Save and leave").click()
    expect(sco.get_by_text("Your place is saved.")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Your progress is saved.")
    journey.press_enter(page.get_by_role("link", name="Back to the course"))


def resume_and_finish(journey, module_title):
    page = journey.page
    journey.press_enter(page.get_by_role("link", name=module_title, exact=True))
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_text("Welcome back: you stopped at step2 (read-step1).")).to_be_visible()
    expect(sco.get_by_role("heading", name="Step 2 of 2")).to_be_visible()
    sco.get_by_label("The victim or any other person").check()
    sco.get_by_role("button", name="Submit answer").click()
    expect(sco.get_by_role("heading", name="Finished")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Your progress is saved.")
    journey.press_enter(page.get_by_role("link", name="Back to the course"))


def test_officer_plays_both_scorm_versions_leaves_resumes_and_completes_the_course(journey, demo):
    page = journey.sign_in("officer")
    journey.goto(COURSE)
    journey.press_enter(page.get_by_role("button", name="Enrol and start"))

    # The course lists the first SCORM module not yet completed; each is left half-way, then resumed.
    play_half_then_leave(journey, "Recognising hate crime (SCORM 1.2)")
    attempt = ScormAttempt.objects.get(user__username="officer", scorm_version="1.2")
    assert (attempt.location, attempt.suspend_data) == ("step2", "read-step1")
    resume_and_finish(journey, "Recognising hate crime (SCORM 1.2)")
    expect(page.get_by_role("heading", name="Course completed")).to_have_count(0)

    play_half_then_leave(journey, "Recording hate crime (SCORM 2004)")
    assert ScormAttempt.objects.get(user__username="officer", scorm_version="2004").location == "step2"
    resume_and_finish(journey, "Recording hate crime (SCORM 2004)")

    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()
    completion = CourseCompletion.objects.get(user__username="officer", course__slug="hate-crime-e-learning")
    assert completion.provenance == Provenance.CLIENT_REPORTED
    attempts = {a.scorm_version: a for a in ScormAttempt.objects.filter(user__username="officer")}
    assert attempts["1.2"].lesson_status == "passed"
    assert (attempts["2004"].completion_status, attempts["2004"].success_status) == ("completed", "passed")
    assert re.match(r"^\d+$", str(attempts["1.2"].total_seconds))


MULTI_SCO_COURSE = "/courses/stop-and-search-e-learning/"
MULTI_SCO_MODULE = "Stop and search in parts (SCORM 2004)"


def test_officer_moves_through_a_package_in_parts_resumes_one_and_completes_the_course(journey, demo):
    """The demo's SCORM 2004 package in parts: the SCO's own "continue", the contents, Continue, resume per part."""
    page = journey.sign_in("officer")
    journey.goto(MULTI_SCO_COURSE)
    journey.press_enter(page.get_by_role("button", name="Enrol and start"))
    journey.press_enter(page.get_by_role("link", name=MULTI_SCO_MODULE, exact=True))
    expect(page.get_by_role("heading", name="Part 1 of 4: Part one: the law")).to_be_visible()
    contents = page.get_by_role("navigation", name="Contents of this module")
    expect(contents.get_by_role("link", name="Part one: the law")).to_have_attribute("aria-current", "page")
    expect(contents.get_by_role("link", name="Glossary")).to_have_count(0)  # isvisible="false"
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_role("heading", name="Part one: the law")).to_be_visible()

    # The SCO finishes and asks to continue (adl.nav.request): the player opens part two.
    with page.expect_navigation(url=re.compile(r"/2/$")):
        sco.get_by_role("button", name="Finish this part").click()
    journey.check()
    expect(page.get_by_role("heading", name="Part 2 of 4: Part two: practice")).to_be_visible()
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_role("heading", name="Part two: practice")).to_be_visible()
    sco.get_by_role("button", name="Save and leave").click()
    expect(sco.get_by_text("Your place is saved.")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Your progress is saved.")
    journey.press_enter(page.get_by_role("link", name="Back to the course"))
    expect(page.get_by_role("heading", name="Course completed")).to_have_count(0)

    # Later: the module opens at the part they left, and that part resumes from its own data.
    journey.press_enter(page.get_by_role("link", name=MULTI_SCO_MODULE, exact=True))
    expect(page.get_by_role("heading", name="Part 2 of 4: Part two: practice")).to_be_visible()
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_text("Welcome back to part two: you stopped at halfway (part two read).")).to_be_visible()

    # By keyboard through the contents: part one, completed, then back to part two.
    contents = page.get_by_role("navigation", name="Contents of this module")
    journey.press_enter(contents.get_by_role("link", name="Part one: the law"))
    expect(page.get_by_role("heading", name="Part 1 of 4: Part one: the law")).to_be_visible()
    expect(page.locator(".app-scorm-contents__item").first).to_contain_text("Completed")
    contents = page.get_by_role("navigation", name="Contents of this module")
    journey.press_enter(contents.get_by_role("link", name="Part two: practice"))
    expect(page.get_by_role("heading", name="Part 2 of 4: Part two: practice")).to_be_visible()
    sco = page.frame_locator("#scorm-frame")
    expect(sco.get_by_role("heading", name="Part two: practice")).to_be_visible()
    sco.get_by_role("button", name="Finish this part").click()
    expect(sco.get_by_text("You have finished this part.")).to_be_visible()

    # Continue (flow) to the glossary, an asset: opening it completes the module and the course.
    journey.press_enter(page.get_by_role("link", name="Continue to the next part"))
    expect(page.get_by_role("heading", name="Part 3 of 4: Glossary")).to_be_visible()
    expect(page.frame_locator("#scorm-frame").get_by_role("heading", name="Glossary")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="Back to the course"))
    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()

    attempt = ScormAttempt.objects.get(user__username="officer", page__slug="stop-and-search-in-parts")
    records = {record.item_identifier: record for record in attempt.records.all()}
    assert set(records) == {"law", "practice", "glossary"}  # the untracked feedback SCO was never needed
    assert (records["law"].completion_status, records["law"].success_status) == ("completed", "passed")
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
