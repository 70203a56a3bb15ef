"""
Subject access (finding 11): an administrator downloads everything held about one person as a
ZIP of CSV and JSON per table; each file holds exactly that person's rows and nobody else's;
the export is recorded; nobody else can make one.
"""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import UnitMembership
from audit.models import Action, AuditEvent
from audit.services import record_event
from compliance.models import Assignment, Exemption
from courses.models import CourseCompletion, Enrolment
from privacy.subject_access import TABLES
from quizzes.models import Adjustment, Attempt, AttemptQuestion
from tests.conftest import ROLE_NAMES

from .conftest import failed_attempt

pytestmark = pytest.mark.django_db

URL = reverse("privacy_subject_access")


def export(client, identifier) -> zipfile.ZipFile:
    response = client.post(URL, {"person": identifier})
    assert response.status_code == 200, response.context["form"].errors if response.context else response
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"].startswith("no-store, private")
    return zipfile.ZipFile(io.BytesIO(response.content))


def table(archive, name) -> tuple[list[dict], list[dict]]:
    """The table's CSV rows (as dicts) and its JSON rows."""
    rows_csv = list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode())))
    rows_json = json.loads(archive.read(f"{name}.json"))
    assert len(rows_csv) == len(rows_json)
    return rows_csv, rows_json


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_make_subject_access_exports(client_as, records, role):
    client = client_as(role)
    page = client.get(URL)
    posted = client.post(URL, {"person": "officer"})
    if role == "administrator":
        assert page.status_code == 200
        assert posted["Content-Type"] == "application/zip"
    else:
        assert page.status_code == 302
        assert posted.status_code == 302
        assert not AuditEvent.objects.filter(action=Action.SUBJECT_ACCESS_EXPORTED).exists()


def test_a_control_character_is_refused_before_the_form_and_makes_no_file(client_as, records):
    """NUL never reaches the form: the bad-input middleware answers 400 (docs/security.md §4)."""
    response = client_as("administrator").post(URL, {"person": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action=Action.SUBJECT_ACCESS_EXPORTED).exists()


def test_the_zip_holds_a_csv_and_a_json_file_for_every_table(client_as, records):
    archive = export(client_as("administrator"), "officer")
    expected = {f"{t.name}.{ext}" for t in TABLES for ext in ("csv", "json")} | {"README.txt"}
    assert set(archive.namelist()) == expected


def test_each_table_holds_exactly_the_persons_rows(client_as, records):
    officer, other = records["officer"], records["other_officer"]
    record_event(action=Action.TRANSCRIPT_VIEWED, actor=records["manager_of_unit"], subject=officer)
    record_event(action=Action.TRANSCRIPT_VIEWED, actor=records["manager_of_other_unit"], subject=other)
    archive = export(client_as("administrator"), officer.warrant_number)

    def ids(name):
        rows_csv, rows_json = table(archive, name)
        assert [row["id"] for row in rows_csv] == [str(row["id"]) for row in rows_json]
        return {row["id"] for row in rows_json}

    assert ids("profile") == {officer.pk}
    assert ids("unit_history") == set(UnitMembership.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("assignments") == set(Assignment.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("enrolments") == set(Enrolment.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("completions") == set(CourseCompletion.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("exemptions") == set(Exemption.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("adjustments") == set(Adjustment.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("quiz_attempts") == set(Attempt.objects.filter(user=officer).values_list("pk", flat=True))
    assert ids("quiz_answers") == set(
        AttemptQuestion.objects.filter(attempt__user=officer).values_list("pk", flat=True)
    )
    for name in ("unit_history", "assignments", "enrolments", "completions", "exemptions", "adjustments"):
        assert ids(name), name  # the officer has some of each

    _csv, events = table(archive, "audit_events")
    assert events and all(event["subject_label"] in ("", "Alex Morgan") for event in events)
    assert {event["sequence"] for event in events} == set(
        AuditEvent.objects.filter(subject=officer)
        .exclude(action=Action.SUBJECT_ACCESS_EXPORTED)  # recorded once the ZIP is made
        .values_list("sequence", flat=True)
    )

    everything = "".join(archive.read(name).decode() for name in archive.namelist())
    for text in ("OTHER", "Siobhán", "O'Neill", "O\\u2019Neill", other.username):
        assert text not in everything, text
    assert "Answer OFFICER" in everything
    assert "secret answer key" not in everything  # the answer key stays in the question bank


def test_an_officer_with_only_a_failed_attempt_gets_that_attempt_and_answer(client_as, people):
    from django.utils import timezone

    person = UserFactory(username="newcomer", first_name="Nia", last_name="Evans")
    failed_attempt(person, answer="my only answer", when=timezone.now())
    archive = export(client_as("administrator"), "newcomer")
    attempts_csv, attempts = table(archive, "quiz_attempts")
    assert [(row["quiz_title"], row["score"], row["passed"]) for row in attempts] == [("Assessment", "25.00", False)]
    assert attempts_csv[0]["passed"] == "False"
    _csv, answers = table(archive, "quiz_answers")
    assert [(row["response"], row["marks_awarded"], row["correct"]) for row in answers] == [
        ({"text": "my only answer"}, "0.00", False)
    ]
    assert table(archive, "completions")[1] == []


def test_the_export_is_recorded_with_the_rows_of_each_table(client_as, records):
    export(client_as("administrator"), "officer")
    event = AuditEvent.objects.get(action=Action.SUBJECT_ACCESS_EXPORTED)
    assert (event.actor, event.subject) == (records["administrator"], records["officer"])
    assert event.data["rows"]["quiz_attempts"] == 1
    assert event.data["rows"]["profile"] == 1


def test_a_formula_in_a_reason_is_neutralised_in_the_csv_but_exact_in_the_json(client_as, people):
    Adjustment.objects.create(
        user=people["officer"], extra_attempts=1, reason="=HYPERLINK(1)", granted_by=people["administrator"]
    )
    archive = export(client_as("administrator"), "officer")
    rows_csv, rows_json = table(archive, "adjustments")
    assert rows_csv[0]["reason"] == "'=HYPERLINK(1)"
    assert rows_json[0]["reason"] == "=HYPERLINK(1)"


@pytest.mark.parametrize("identifier", ["", "nobody-by-this-name", "x" * 300])
def test_an_unknown_person_is_a_form_error_not_a_file(client_as, records, identifier):
    response = client_as("administrator").post(URL, {"person": identifier})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors
    assert not AuditEvent.objects.filter(action=Action.SUBJECT_ACCESS_EXPORTED).exists()


def test_an_ambiguous_email_asks_for_the_username(client_as, people):
    UserFactory(email="shared@example.police.uk")
    UserFactory(email="shared@example.police.uk")
    response = client_as("administrator").post(URL, {"person": "shared@example.police.uk"})
    assert "More than one person matches" in response.content.decode()
