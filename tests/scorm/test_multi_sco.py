"""
Packages of several SCOs: each SCO keeps its own record in the attempt and resumes on its
own; the module completes when every counted activity does (services.roll_up); attempts
made before packages' items were read still resume on their version.
"""

import json

import pytest

from courses import services as course_services
from courses.factories import CoursePageFactory
from courses.models import CourseCompletion
from scorm import services
from scorm.factories import ScormModulePageFactory, package_from
from scorm.models import AttemptStatus, ScormScoRecord
from tests.fixtures.scorm import build


@pytest.fixture
def officer(people):
    return people["officer"]


def module(catalogue, data, slug):
    course = CoursePageFactory(parent=catalogue, title=f"Course {slug}", slug=slug)
    page = ScormModulePageFactory(parent=course, title="Stop and search", slug="stop", package=package_from(data))
    return course, page


@pytest.fixture
def multi12(catalogue):
    return module(catalogue, build.multi_scorm12(), "multi-12")


@pytest.fixture
def multi2004(catalogue):
    return module(catalogue, build.multi_scorm2004(), "multi-2004")


def start(officer, course, page):
    enrolment = course_services.enrol(user=officer, course=course)
    return services.start_attempt(user=officer, page=page, enrolment=enrolment)


def open_at(attempt, position):
    _position, item = services.activity_at(attempt, position)
    return services.open_sco(attempt=attempt, item=item)


def test_the_activities_are_the_items_with_a_launch_file_in_order(officer, multi12):
    attempt = start(officer, *multi12)
    activities = attempt.package_version.activities
    assert [item["identifier"] for item in activities] == ["law", "practice", "glossary"]
    contents = attempt.package_version.table_of_contents
    assert [(entry["identifier"], entry["position"]) for entry in contents] == [
        ("law", 1),
        ("practice-group", None),
        ("practice", 2),
        ("glossary", 3),
    ]


def test_invisible_items_are_left_out_of_the_contents_but_stay_in_the_flow(officer, multi2004):
    attempt = start(officer, *multi2004)
    assert "glossary" not in [entry["identifier"] for entry in attempt.package_version.table_of_contents]
    assert services.activity_at(attempt, 3)[1]["identifier"] == "glossary"


def test_scorm12_module_completes_when_every_sco_and_asset_is_done(officer, multi12):
    course, page = multi12
    attempt = start(officer, course, page)
    open_at(attempt, 1)
    attempt = services.commit(attempt=attempt, sco="law", data={"cmi.core.lesson_status": "passed"})
    assert (attempt.status, attempt.lesson_status) == (AttemptStatus.IN_PROGRESS, "incomplete")
    open_at(attempt, 2)
    attempt = services.commit(
        attempt=attempt, sco="practice", data={"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "70"}
    )
    assert attempt.status == AttemptStatus.IN_PROGRESS  # the glossary is not opened yet
    assert not CourseCompletion.objects.exists()
    open_at(attempt, 3)  # an asset: complete once launched
    attempt.refresh_from_db()
    assert (attempt.status, attempt.lesson_status) == (AttemptStatus.COMPLETED, "passed")
    assert CourseCompletion.objects.filter(user=officer).exists()
    assert str(attempt.score_scaled) == "0.7000"  # the mean of the SCOs that reported a score


def test_scorm12_a_sco_below_its_own_mastery_score_fails_and_holds_the_module(officer, multi12):
    attempt = start(officer, *multi12)
    open_at(attempt, 1)
    attempt = services.commit(
        attempt=attempt, sco="law", data={"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "50"}
    )
    assert ScormScoRecord.objects.get(attempt=attempt, item_identifier="law").lesson_status == "failed"
    for position in (2, 3):
        record = open_at(attempt, position)
        if record.is_sco:
            attempt = services.commit(attempt=attempt, sco="practice", data={"cmi.core.lesson_status": "passed"})
    attempt.refresh_from_db()
    assert (attempt.status, attempt.lesson_status) == (AttemptStatus.IN_PROGRESS, "failed")


def test_scorm2004_rollup_counts_tracked_activities_and_their_success(officer, multi2004):
    attempt = start(officer, *multi2004)
    open_at(attempt, 1)
    services.commit(
        attempt=attempt,
        sco="law",
        data={"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "0.6"},
    )
    assert ScormScoRecord.objects.get(item_identifier="law").success_status == "failed"  # below its 0.8
    attempt = services.commit(attempt=attempt, sco="law", data={"cmi.location": "end"})
    assert (attempt.completion_status, attempt.success_status) == ("incomplete", "failed")
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_scorm2004_module_completes_without_its_untracked_sco(officer, multi2004):
    attempt = start(officer, *multi2004)
    open_at(attempt, 1)
    services.commit(
        attempt=attempt,
        sco="law",
        data={"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "0.9"},
    )
    open_at(attempt, 2)
    attempt = services.commit(attempt=attempt, sco="practice", data={"cmi.completion_status": "completed"})
    assert attempt.status == AttemptStatus.IN_PROGRESS
    open_at(attempt, 3)  # the invisible glossary, reached by Continue
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.COMPLETED  # the untracked feedback SCO (4) is not needed
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")


def test_each_sco_resumes_from_its_own_data(officer, multi12):
    course, page = multi12
    attempt = start(officer, course, page)
    open_at(attempt, 1)
    services.commit(
        attempt=attempt,
        sco="law",
        data={"cmi.core.lesson_location": "halfway", "cmi.suspend_data": "law", "cmi.core.exit": "suspend"},
    )
    second = open_at(attempt, 2)
    data = services.launch_data(attempt, learner_id="7", learner_name="Alex", record=second)
    assert data["cmi.core.entry"] == "ab-initio"
    assert "cmi.core.lesson_location" not in data
    assert "cmi.student_data.mastery_score" not in data  # only the law SCO has one
    services.commit(attempt=attempt, sco="practice", data={"cmi.core.lesson_location": "p2"})
    # Another day: the player opens where the officer last was, and the law SCO resumes its own data.
    attempt = start(officer, course, page)
    assert services.activity_at(attempt, None)[1]["identifier"] == "practice"
    first = open_at(attempt, 1)
    data = services.launch_data(attempt, learner_id="7", learner_name="Alex", record=first)
    assert (data["cmi.core.entry"], data["cmi.core.lesson_location"], data["cmi.suspend_data"]) == (
        "resume",
        "halfway",
        "law",
    )
    assert data["cmi.student_data.mastery_score"] == "80"


def test_a_sco_not_opened_cannot_be_committed_to(client_as, people, multi12):
    course, page = multi12
    start(people["officer"], course, page)
    client = client_as("officer")
    response = client.get(page.url)
    config = json.loads(
        response.content.decode().split('id="scorm-player-config" type="application/json">')[1].split("</script>")[0]
    )
    assert config["commitUrl"].split("?")[0].endswith("/sco/1/commit/")
    other = config["commitUrl"].replace("/sco/1/", "/sco/2/")
    response = client.post(other, json.dumps({"cmi.core.lesson_location": "x"}), content_type="application/json")
    assert response.status_code == 404
    response = client.post(config["commitUrl"].replace("/sco/1/", "/sco/9/"), "{}", content_type="application/json")
    assert response.status_code == 404


def test_the_player_shows_the_contents_and_previous_and_continue(client_as, people, multi12):
    course, page = multi12
    start(people["officer"], course, page)
    client = client_as("officer")
    body = client.get(f"{page.url}2/").content.decode()
    assert "Contents of this module" in body
    assert "Part 2 of 3: Part two: practice" in body
    assert f'href="{page.url}1/" rel="prev"' in body
    assert f'href="{page.url}3/" rel="next"' in body
    assert f'<a class="govuk-link" href="{page.url}2/" aria-current="page">Part two: practice</a>' in body
    assert "In practice" in body  # the heading item
    assert client.get(f"{page.url}4/").status_code == 404


@pytest.mark.parametrize("position", [1, 3])
def test_the_player_and_a_commit_run_a_fixed_number_of_queries(client_as, people, multi12, position):
    """However many SCOs the package holds or have records, the player and a commit cost the same."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course, page = multi12
    attempt = start(people["officer"], course, page)
    for number in range(1, position + 1):
        open_at(attempt, number)
    client = client_as("officer")
    client.get(f"{page.url}{position}/")
    with CaptureQueriesContext(connection) as player:
        response = client.get(f"{page.url}{position}/")
    config = json.loads(
        response.content.decode().split('id="scorm-player-config" type="application/json">')[1].split("</script>")[0]
    )
    client.post(config["commitUrl"], json.dumps({"cmi.suspend_data": "x"}), content_type="application/json")
    with CaptureQueriesContext(connection) as committed:
        client.post(config["commitUrl"], json.dumps({"cmi.suspend_data": "y"}), content_type="application/json")
    assert (len(player), len(committed)) == PINNED


PINNED = (10, 10)


def test_an_attempt_from_before_items_were_read_still_resumes_on_its_version(officer, course12):
    """The migration moved old attempts' data to the record of their version's one SCO (identifier "")."""
    course, page = course12
    attempt = start(officer, course, page)
    version = attempt.package_version
    version.items = []  # as every version uploaded before this change
    version.save(update_fields=["items"])
    ScormScoRecord.objects.create(
        attempt=attempt,
        item_identifier="",
        location="step2",
        suspend_data="read-step1",
        exit="suspend",
        cmi={"cmi.core.lesson_location": "step2", "cmi.suspend_data": "read-step1"},
        started_at=attempt.started_at,
        updated_at=attempt.updated_at,
    )
    attempt = start(officer, course, page)
    assert attempt.package_version_id == version.pk
    data = services.launch_data(attempt, learner_id="7", learner_name="Alex")
    assert (data["cmi.core.entry"], data["cmi.core.lesson_location"]) == ("resume", "step2")
    attempt = services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"})
    assert attempt.status == AttemptStatus.COMPLETED
    assert ScormScoRecord.objects.filter(attempt=attempt).count() == 1
