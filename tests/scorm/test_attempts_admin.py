"""
Learner records → SCORM attempts: managers see their own units' officers' attempts (status,
score, time, last accessed), trainers and administrators everyone's; trainers and
administrators reset one, with a reason: a new attempt next time, the old one kept on its
version, the reset in the audit trail.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import Action, AuditEvent
from courses import services as course_services
from scorm import services
from scorm.models import ScormAttempt
from tests.conftest import ROLE_NAMES


@pytest.fixture
def attempt(people, course12):
    course, page = course12
    enrolment = course_services.enrol(user=people["officer"], course=course)
    attempt = services.start_attempt(user=people["officer"], page=page, enrolment=enrolment)
    return services.commit(attempt=attempt, data={"cmi.core.lesson_status": "incomplete", "cmi.core.score.raw": "40"})


SEES_THE_ATTEMPT = {"trainer", "manager_of_unit", "administrator"}
MAY_RESET = {"trainer", "administrator"}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_attempts_listing_shows_each_viewer_only_their_people(client_as, role, attempt):
    response = client_as(role).get(reverse("scorm_attempts:index"))
    if role in {"anonymous"}:
        assert response.status_code == 302
        return
    if role in {"officer", "other_officer"}:
        assert response.status_code in (302, 403)
        return
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Recognising hate crime" in body) == (role in SEES_THE_ATTEMPT), role
    if role in SEES_THE_ATTEMPT:
        assert attempt.user.display_name in body
        assert "40.00" in body  # the score


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_an_attempt_is_inspected_only_within_the_viewers_scope(client_as, role, attempt):
    response = client_as(role).get(reverse("scorm_attempts:inspect", args=[attempt.pk]))
    assert (response.status_code == 200) == (role in SEES_THE_ATTEMPT), (role, response.status_code)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_trainers_and_administrators_open_the_reset_form(client_as, role, attempt):
    response = client_as(role).get(reverse("scorm_attempts:reset", args=[attempt.pk]))
    assert (response.status_code == 200) == (role in MAY_RESET), (role, response.status_code)
    if role not in MAY_RESET:
        assert response.status_code in (302, 403, 404)
    response = client_as(role).post(reverse("scorm_attempts:reset", args=[attempt.pk]), {"reason": "Stuck"})
    if role not in MAY_RESET:
        assert ScormAttempt.objects.get(pk=attempt.pk).reset_at is None


def test_a_reset_keeps_the_old_attempt_and_the_next_launch_starts_a_new_one(client_as, people, attempt, course12):
    course, page = course12
    response = client_as("trainer").post(
        reverse("scorm_attempts:reset", args=[attempt.pk]), {"reason": "The package froze for them"}
    )
    assert response.status_code == 302
    old = ScormAttempt.objects.get(pk=attempt.pk)
    assert (old.reset_by, old.reset_reason) == (people["trainer"], "The package froze for them")
    assert old.package_version_id == attempt.package_version_id
    assert old.records.count() == 1  # its SCO's data is kept
    event = AuditEvent.objects.get(action=Action.SCORM_ATTEMPT_RESET)
    assert (event.actor, event.subject, event.data["reason"]) == (
        people["trainer"],
        people["officer"],
        "The package froze for them",
    )
    new = services.start_attempt(user=people["officer"], page=page, enrolment=old.enrolment)
    assert new.pk != old.pk
    data = services.launch_data(new, learner_id="1", learner_name="A")
    assert data["cmi.core.entry"] == "ab-initio"
    assert data["cmi.core.lesson_status"] == "not attempted"
    # The old attempt's player can no longer commit.
    response = client_as("officer").post(
        f"/scorm/attempts/{old.pk}/sco/1/commit/?token=x", "{}", content_type="application/json"
    )
    assert response.status_code == 404


def test_a_reset_needs_a_reason_and_writes_nothing_without_one(client_as, attempt):
    response = client_as("administrator").post(reverse("scorm_attempts:reset", args=[attempt.pk]), {"reason": " "})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert ScormAttempt.objects.get(pk=attempt.pk).reset_at is None
    assert not AuditEvent.objects.filter(action=Action.SCORM_ATTEMPT_RESET).exists()


def test_nobody_resets_their_own_attempt(people, attempt):
    with pytest.raises(services.ResetRefused):
        services.reset_attempt(attempt=attempt, actor=people["officer"], reason="Mine")
    attempt.refresh_from_db()
    assert attempt.reset_at is None


def test_the_listing_queries_do_not_grow_with_attempts(client_as, people, attempt, catalogue):
    from courses.factories import CoursePageFactory
    from scorm.factories import ScormModulePageFactory

    client = client_as("manager_of_unit")
    url = reverse("scorm_attempts:index")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(3):
        course = CoursePageFactory(parent=catalogue, slug=f"more-{number}")
        page = ScormModulePageFactory(parent=course, slug="m", package=attempt.package_version.package)
        enrolment = course_services.enrol(user=people["officer"], course=course)
        services.start_attempt(user=people["officer"], page=page, enrolment=enrolment)
    client.get(url)  # caches the new pages' site root paths, as the first request did
    with CaptureQueriesContext(connection) as four:
        response = client.get(url)
    assert response.content.decode().count("Recognising hate crime") == 1
    assert len(one) == len(four)
