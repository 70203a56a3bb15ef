"""
Every learning event writes its xAPI statement to the outbox in its own transaction, with a stable
id, a pseudonymous actor, and a shape Ralph's own model of an xAPI statement accepts.
"""

import json
import uuid
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict

from certificates.services import issue_on_behalf
from courses import services as course_services
from courses.models import CourseCompletion, ModulePage
from quizzes import services as quiz_services
from quizzes.models import QuizPage
from scorm.signals import scorm_status_changed
from tests.xapi.conftest import validate
from xapi import statements as xs
from xapi.models import Statement, StatementState
from xapi.services import forward_due
from xapi.signals import on_course_completed, on_course_started


def read_course(user, course):
    course_services.enrol(user=user, course=course)
    for module in ModulePage.objects.child_of(course).order_by("path"):
        course_services.start_module(user=user, module=module)
        course_services.complete_module(user=user, module=module)


def answers(attempt, *, right: bool) -> QueryDict:
    data = QueryDict(mutable=True)
    for question in attempt.questions.order_by("position"):
        data.appendlist("shown", str(question.position))
        choice = next(c for c in question.content["choices"] if c["correct"] is right)
        data.appendlist(f"q-{question.position}", choice["id"])
    return data


def take_quiz(user, course, *, right: bool):
    quiz = QuizPage.objects.child_of(course).get()
    attempt = quiz_services.start_attempt(user=user, quiz=quiz)
    return quiz_services.submit_attempt(
        user=user, quiz=quiz, number=attempt.number, data=answers(attempt, right=right)
    )


def events(user) -> list[str]:
    return list(Statement.objects.filter(user=user).order_by("pk").values_list("event", flat=True))


def test_reading_a_course_writes_a_statement_for_each_event_in_order(people, course):
    officer = people["officer"]
    read_course(officer, course)
    assert events(officer) == [
        "course_started",
        "module_started",
        "module_completed",
        "module_started",
        "module_completed",
        # The certificate is written by its own listener of the completion, heard first.
        "certificate_issued",
        "course_completed",
    ]
    assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.PENDING}


def test_a_quiz_writes_attempted_answered_completed_and_passed_or_failed(people, quiz_course):
    officer = people["officer"]
    take_quiz(officer, quiz_course, right=False)
    take_quiz(officer, quiz_course, right=True)
    assert events(officer) == [
        "attempt_started",
        "answered",
        "answered",
        "attempt_completed",
        "attempt_failed",
        "attempt_started",
        "answered",
        "answered",
        "attempt_completed",
        "attempt_passed",
        "certificate_issued",
        "course_completed",
    ]
    passed = Statement.objects.get(event="attempt_passed").payload
    assert passed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 2.0, "min": 0.0, "max": 2.0}
    assert passed["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"
    assert (
        passed["context"]["contextActivities"]["parent"][0]["id"]
        == f"http://testserver/xapi/activities/course/{quiz_course.pk}"
    )
    failed = Statement.objects.filter(event="answered").order_by("pk").first().payload
    assert failed["result"]["success"] is False
    assert "response" not in failed["result"]  # free text may name people: answers stay here


def test_an_event_that_rolls_back_leaves_no_statement(people, course):
    officer = people["officer"]
    course_services.enrol(user=officer, course=course)
    module = ModulePage.objects.child_of(course).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        course_services.complete_module(user=officer, module=module)
        assert Statement.objects.filter(event="module_completed").exists()  # written in the event's transaction
        raise RuntimeError("the request failed after the event")
    assert not Statement.objects.exists()


def test_statement_ids_are_stable_so_an_event_heard_again_writes_nothing(people, course):
    officer = people["officer"]
    read_course(officer, course)
    completion = CourseCompletion.objects.get(user=officer)
    expected = uuid.uuid5(
        uuid.uuid5(uuid.NAMESPACE_URL, "http://testserver/xapi/statements"), f"course-completed:{completion.pk}"
    )
    assert Statement.objects.get(event="course_completed").statement_id == expected
    before = Statement.objects.count()
    on_course_completed(sender=None, enrolment=completion.enrolment, completion=completion)  # heard again
    assert Statement.objects.count() == before


def test_no_name_email_username_or_warrant_number_leaves_by_default(people, course, quiz_course):
    officer = people["officer"]
    read_course(officer, course)
    take_quiz(officer, quiz_course, right=True)
    sent = json.dumps(list(Statement.objects.values_list("payload", flat=True)))
    for secret in (officer.email, officer.first_name, officer.last_name, officer.username, officer.warrant_number):
        assert secret and secret not in sent
    actors = {
        json.dumps(payload["actor"], sort_keys=True) for payload in Statement.objects.values_list("payload", flat=True)
    }
    assert actors == {
        json.dumps(
            {"objectType": "Agent", "account": {"homePage": "http://testserver", "name": xs.account_name(officer.pk)}},
            sort_keys=True,
        )
    }
    assert xs.account_name(officer.pk) != xs.account_name(people["other_officer"].pk)


def test_the_pseudonym_depends_on_the_configured_key(people, settings):
    before = xs.account_name(people["officer"].pk)
    settings.XAPI_ACTOR_KEY = "another-key-kept-by-the-force"
    assert xs.account_name(people["officer"].pk) != before


def test_email_and_name_are_sent_only_when_configured(people, course, settings):
    settings.XAPI_ACTOR_MODE = "email"
    settings.XAPI_ACTOR_NAMES = True
    settings.XAPI_ACTOR_HOMEPAGE = "https://lrs-accounts.example.police.uk"
    officer = people["officer"]
    read_course(officer, course)
    actor = Statement.objects.filter(user=officer).first().payload["actor"]
    assert actor == {"objectType": "Agent", "mbox": f"mailto:{officer.email}", "name": "Alex Morgan"}


def test_every_statement_written_is_valid_xapi(people, course, quiz_course):
    officer = people["officer"]
    read_course(officer, course)
    take_quiz(officer, quiz_course, right=False)
    take_quiz(officer, quiz_course, right=True)
    payloads = list(Statement.objects.order_by("pk").values_list("payload", flat=True))
    assert len(payloads) == 19
    assert validate(payloads) == [None] * len(payloads)


def test_the_validator_refuses_an_invalid_statement():
    """The check above means something: Ralph's model rejects a statement with no actor."""
    errors = validate([{"verb": {"id": xs.VERBS["completed"]}, "object": {"id": "http://testserver/x"}}])
    assert errors[0] and any(error["loc"][0] == "actor" for error in errors[0])


def test_a_certificate_issued_by_an_administrator_writes_earned(people, course):
    officer = people["officer"]
    read_course(officer, course)
    completion = CourseCompletion.objects.get(user=officer)
    completion.certificate.delete()
    certificate = issue_on_behalf(completion=completion, issued_by=people["administrator"], reason="Recorded on paper")
    statement = Statement.objects.get(
        event="certificate_issued", statement_id=xs.statement_id(f"certificate-issued:{certificate.pk}")
    )
    assert statement.payload["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert validate([statement.payload]) == [None]


def test_scorm_status_changes_write_a_statement_per_status(people):
    """What ``scorm`` sends (scorm/signals.py): the runtime record and the elements that changed."""
    attempt = SimpleNamespace(
        pk=7, user_id=people["officer"].pk, module_id=42, module_title="Stop and search", enrolment_id=None
    )
    with transaction.atomic():
        scorm_status_changed.send(
            sender=None,
            attempt=attempt,
            changes={"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "0.9"},
        )
        scorm_status_changed.send(sender=None, attempt=attempt, changes={"cmi.core.lesson_status": "incomplete"})
        # The same change reported again (a second commit of the runtime) is the same statement.
        scorm_status_changed.send(sender=None, attempt=attempt, changes={"cmi.completion_status": "completed"})
    rows = list(Statement.objects.order_by("pk"))
    assert [row.event for row in rows] == ["scorm_completed", "scorm_passed", "scorm_progressed"]
    assert rows[1].payload["result"] == {"success": True, "completion": True, "score": {"scaled": 0.9}}
    assert rows[0].object_id == "http://testserver/xapi/activities/module/42"
    assert validate([row.payload for row in rows]) == [None] * 3


def test_a_real_scorm_commit_writes_its_statements_with_the_module_it_played(people):
    """What ``scorm.services.commit`` really sends: the attempt's columns that changed."""
    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage
    from scorm import services as scorm_services
    from scorm.factories import ScormModulePageFactory, package_from
    from tests.fixtures.scorm import build

    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="SCORM course", slug="scorm-course")
    page = ScormModulePageFactory(
        parent=course, title="Recognising hate crime", slug="recognising", package=package_from(build.scorm12())
    )
    officer = people["officer"]
    enrolment = course_services.enrol(user=officer, course=course)
    attempt = scorm_services.start_attempt(user=officer, page=page, enrolment=enrolment)
    scorm_services.commit(attempt=attempt, data={"cmi.core.lesson_status": "incomplete"})
    scorm_services.commit(attempt=attempt, data={"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"})
    rows = list(Statement.objects.filter(event__startswith="scorm_").order_by("pk"))
    assert [row.event for row in rows] == ["scorm_progressed", "scorm_passed"]
    assert {row.object_id for row in rows} == {f"http://testserver/xapi/activities/module/{page.pk}"}
    assert rows[1].payload["object"]["definition"]["name"] == {"en-GB": "Recognising hate crime"}
    assert rows[1].payload["result"]["success"] is True
    assert rows[1].payload["result"]["score"] == {"scaled": 0.9}
    assert validate([row.payload for row in rows]) == [None, None]


def test_with_no_lrs_configured_the_outbox_is_kept(people, course, settings):
    settings.XAPI_LRS_ENDPOINT = ""
    read_course(people["officer"], course)
    result = forward_due()
    assert result.configured is False
    assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.PENDING}
    assert set(Statement.objects.values_list("posts", flat=True)) == {0}


def test_the_command_says_when_no_lrs_is_configured(people, course, settings, capsys):
    settings.XAPI_LRS_ENDPOINT = ""
    read_course(people["officer"], course)
    call_command("forward_xapi")
    out = capsys.readouterr().out
    assert "no LRS configured" in out
    assert "outbox: pending 7" in out


def test_recording_an_event_costs_one_insert(people, course, django_assert_num_queries):
    officer = people["officer"]
    course_services.enrol(user=officer, course=course)
    enrolment = officer.enrolments.get()
    with django_assert_num_queries(1):
        on_course_started(sender=None, enrolment=enrolment)
