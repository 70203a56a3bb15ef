"""The runtime data: commits checked against the data models, completion mapped into the course's rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from compliance.selectors import completion_provenance_label
from courses import services as course_services
from courses.models import CourseCompletion, EnrolmentStatus, Provenance
from scorm import cmi, services
from scorm.models import AttemptStatus
from scorm.signals import scorm_status_changed
from tests.fixtures.scorm import build


@pytest.fixture
def officer(people):
    return people["officer"]


def start(officer, course, page):
    enrolment = course_services.enrol(user=officer, course=course)
    return services.start_attempt(user=officer, page=page, enrolment=enrolment)


def test_scorm12_passed_completes_the_course_as_client_reported(officer, course12):
    course, page = course12
    attempt = start(officer, course, page)
    services.commit(
        attempt=attempt, data={"cmi.core.lesson_status": "incomplete", "cmi.core.lesson_location": "step2"}
    )
    assert CourseCompletion.objects.count() == 0
    services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"})
    completion = CourseCompletion.objects.get(user=officer)
    assert completion.provenance == Provenance.CLIENT_REPORTED
    assert completion.get_provenance_display() == "Completed here (client-reported)"
    assert completion_provenance_label(completion) == "Completed here (client-reported)"
    assert completion.evidence["how"] == "client_reported"
    (pinned,) = completion.evidence["scorm"]["attempts"]
    assert pinned["package_version_id"] == attempt.package_version_id
    assert pinned["package_version"] == 1
    assert pinned["lesson_status"] == "passed"


def test_scorm12_completed_below_the_mastery_score_is_failed_and_does_not_complete(officer, course12):
    course, page = course12
    attempt = start(officer, course, page)
    attempt = services.commit(
        attempt=attempt, data={"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "50"}
    )
    assert attempt.lesson_status == "failed"
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert not CourseCompletion.objects.exists()


def test_scorm12_completed_without_a_mastery_score_completes(officer, catalogue):
    from courses.factories import CoursePageFactory
    from scorm.factories import ScormModulePageFactory, package_from

    course = CoursePageFactory(parent=catalogue, slug="plain")
    page = ScormModulePageFactory(parent=course, slug="m", package=package_from(build.scorm12(mastery=None)))
    attempt = start(officer, course, page)
    services.commit(attempt=attempt, data={"cmi.core.lesson_status": "completed"})
    assert CourseCompletion.objects.filter(user=officer).exists()


def test_scorm2004_needs_completed_and_passed_against_the_mastery_score(officer, course2004):
    course, page = course2004
    attempt = start(officer, course, page)
    attempt = services.commit(attempt=attempt, data={"cmi.completion_status": "completed", "cmi.score.scaled": "0.5"})
    assert attempt.success_status == "failed"  # 0.5 < minNormalizedMeasure 0.8, whatever the package said
    assert not CourseCompletion.objects.exists()
    attempt = services.commit(attempt=attempt, data={"cmi.score.scaled": "0.9", "cmi.success_status": "failed"})
    assert attempt.success_status == "passed"
    assert attempt.status == AttemptStatus.COMPLETED
    completion = CourseCompletion.objects.get(user=officer)
    assert completion.provenance == Provenance.CLIENT_REPORTED
    assert completion.enrolment.status == EnrolmentStatus.COMPLETED


def test_scorm2004_passed_but_incomplete_does_not_complete(officer, course2004):
    course, page = course2004
    attempt = start(officer, course, page)
    services.commit(
        attempt=attempt,
        data={"cmi.completion_status": "incomplete", "cmi.success_status": "passed", "cmi.score.scaled": "1"},
    )
    assert not CourseCompletion.objects.exists()


def test_a_course_with_a_scorm_module_and_a_reading_module_needs_both(officer, course12):
    from courses.factories import ModulePageFactory

    course, page = course12
    module = ModulePageFactory(parent=course, slug="reading")
    attempt = start(officer, course, page)
    services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100"})
    assert not CourseCompletion.objects.exists()
    course_services.complete_module(user=officer, module=module)
    completion = CourseCompletion.objects.get(user=officer)
    assert completion.provenance == Provenance.CLIENT_REPORTED
    assert completion.module_versions.count() == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.suspend_data": "x" * 4097}, 405),
        ({"cmi.core.not_an_element": "1"}, 401),
        ({"cmi.core.score.raw": "101"}, 405),
        ({"cmi.core.score.raw": "lots"}, 405),
        ({"cmi.core.lesson_status": "brilliant"}, 405),
        ({"cmi.core.session_time": "1 hour"}, 405),
        ({"cmi.interactions.0.type": "essay"}, 405),
        (["not", "an", "object"], 405),
    ],
)
def test_scorm12_commits_outside_the_data_model_get_the_runtimes_error_code(officer, course12, data, code):
    course, page = course12
    attempt = start(officer, course, page)
    with pytest.raises(cmi.CmiError) as error:
        services.commit(attempt=attempt, data=data)
    assert error.value.code == code
    attempt.refresh_from_db()
    assert attempt.commits == 0 and attempt.cmi == {}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.suspend_data": "x" * 64001}, 407),
        ({"cmi.core.lesson_status": "passed"}, 401),
        ({"cmi.score.scaled": "1.5"}, 407),
        ({"cmi.score.scaled": "high"}, 406),
        ({"cmi.completion_status": "passed"}, 406),
        ({"cmi.session_time": "00:01:00"}, 406),
    ],
)
def test_scorm2004_commits_outside_the_data_model_get_the_runtimes_error_code(officer, course2004, data, code):
    course, page = course2004
    attempt = start(officer, course, page)
    with pytest.raises(cmi.CmiError) as error:
        services.commit(attempt=attempt, data=data)
    assert error.value.code == code


def test_suspend_data_of_4096_characters_is_kept_in_scorm12(officer, course12):
    course, page = course12
    attempt = services.commit(attempt=start(officer, course, page), data={"cmi.suspend_data": "x" * 4096})
    assert len(attempt.suspend_data) == 4096


def test_read_only_elements_are_accepted_but_never_stored_from_the_client(officer, course12):
    course, page = course12
    attempt = services.commit(
        attempt=start(officer, course, page),
        data={"cmi.core.student_id": "someone-else", "cmi.core.total_time": "99:00:00", "cmi.objectives": {}},
    )
    assert "cmi.core.student_id" not in attempt.cmi
    assert attempt.total_seconds == 0


def test_resume_data_carries_location_suspend_data_and_total_time_across_sessions(officer, course12):
    course, page = course12
    attempt = start(officer, course, page)
    services.commit(
        attempt=attempt,
        data={
            "cmi.core.lesson_location": "step2",
            "cmi.suspend_data": "read-step1",
            "cmi.core.exit": "suspend",
            "cmi.core.session_time": "00:02:30",
            "cmi.interactions.0.id": "q1",
        },
    )
    # Another device: a new launch of the same attempt.
    attempt = start(officer, course, page)
    data = services.launch_data(attempt, learner_id="7", learner_name="Alex Morgan")
    assert data["cmi.core.lesson_location"] == "step2"
    assert data["cmi.suspend_data"] == "read-step1"
    assert data["cmi.core.entry"] == "resume"
    assert data["cmi.core.total_time"] == "00:02:30"
    assert data["cmi.student_data.mastery_score"] == "80"
    assert data["cmi.interactions.0.id"] == "q1"
    assert "cmi.core.session_time" not in data
    # The second session's time adds to the total once, however often it is committed.
    services.commit(attempt=attempt, data={"cmi.core.session_time": "00:01:00"})
    attempt = services.commit(attempt=attempt, data={"cmi.core.session_time": "00:01:30"})
    assert attempt.total_seconds == 240


def test_scorm2004_launch_data_has_the_scaled_passing_score(officer, course2004):
    course, page = course2004
    data = services.launch_data(start(officer, course, page), learner_id="7", learner_name="Alex")
    assert data["cmi.scaled_passing_score"] == "0.8"
    assert data["cmi.entry"] == "ab-initio"
    assert data["cmi.learner_id"] == "7"


def test_a_new_package_version_keeps_old_attempts_on_theirs(officer, people, course12, package12):
    course, page = course12
    first = start(officer, course, page)
    services.add_version(package=package12, upload=SimpleUploadedFile("v2.zip", build.scorm12(title="Version 2")))
    package12.refresh_from_db()
    assert package12.current_version.number == 2
    assert start(officer, course, page).package_version.number == 1
    other = start(people["other_officer"], course, page)
    assert other.package_version.number == 2
    first.refresh_from_db()
    assert first.package_version.number == 1


def test_status_changes_are_announced_inside_the_transaction(officer, course12):
    course, page = course12
    attempt = start(officer, course, page)
    heard = []

    def listener(sender, attempt, changes, **kwargs):
        from django.db import connection

        heard.append((changes, connection.in_atomic_block))

    scorm_status_changed.connect(listener)
    try:
        services.commit(attempt=attempt, data={"cmi.core.lesson_location": "p1"})
        services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "85"})
    finally:
        scorm_status_changed.disconnect(listener)
    assert len(heard) == 1
    changes, in_transaction = heard[0]
    assert in_transaction
    assert changes["lesson_status"] == "passed"
    assert changes["status"] == "completed"


def test_a_completed_attempt_keeps_its_result(officer, course12):
    course, page = course12
    attempt = start(officer, course, page)
    services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "85"})
    attempt = services.commit(attempt=attempt, data={"cmi.core.lesson_status": "failed", "cmi.core.score.raw": "10"})
    assert attempt.lesson_status == "passed"
    assert attempt.status == AttemptStatus.COMPLETED
