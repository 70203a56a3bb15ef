"""
Provenance on every completion, shown and filtered on wherever completions are listed:
the officer's record of learning, the manager's view of it, the compliance reports and
their exports (completed here, imported, recorded by an administrator, exempt).
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.prior import record_prior_certification
from compliance.selectors import transcript

from .conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def content(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


@pytest.fixture
def mixed(people, required, hate_crime, judaism):
    """The officer: hate crime completed here, the Judaism guide imported; the other officer: recorded."""
    record_prior_certification(
        person=people["officer"],
        course=judaism,
        completed_on=timezone.localdate() - 40 * day,
        kind="imported",
        recorded_by=people["administrator"],
        note="Trained at the Met",
    )
    record_prior_certification(
        person=people["other_officer"],
        course=hate_crime,
        completed_on=timezone.localdate() - 5 * day,
        kind="recorded",
        recorded_by=people["administrator"],
        note="Classroom session",
    )
    return required


def test_the_transcript_filters_on_provenance(people, mixed):
    officer = people["officer"]
    assert {entry.provenance for entry in transcript(officer)} == {"completed_here", "imported"}
    assert [entry.record.course_title for entry in transcript(officer, provenance="imported")] == ["Judaism guide"]
    assert [entry.provenance for entry in transcript(people["manager_of_unit"], provenance="exempt")] == ["exempt"]
    assert len(transcript(officer, provenance="nonsense")) == 2  # an unknown value filters nothing out


def test_the_officer_sees_and_filters_their_own_record(client_as, mixed):
    client = client_as("officer")
    page = client.get(reverse("compliance:my_record")).content.decode()
    assert "Completed here (modules read)" in page or "Completed here" in page
    assert "Imported" in page
    only = client.get(reverse("compliance:my_record"), {"provenance": "imported"}).content.decode()
    assert "Judaism guide" in only and "Hate crime</h3>" not in only
    export = client.get(reverse("compliance:my_record"), {"export": "csv", "provenance": "imported"})
    rows = list(csv.reader(io.StringIO(content(export))))
    header = next(i for i, row in enumerate(rows) if "Provenance" in row)
    body = rows[header + 1 :]
    assert [row[rows[header].index("Provenance")] for row in body] == ["Imported"]
    assert client.get(reverse("compliance:my_record"), {"provenance": "<script>"}).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 404),
        ("manager_of_other_unit", 404),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_the_managers_view_shows_provenance(client_as, people, mixed, role, status):
    url = reverse("compliance_reports:transcript", args=[people["officer"].pk])
    response = client_as(role).get(url, {"provenance": "imported"})
    assert response.status_code in ((status,) if status != 302 else (302, 403))
    if status == 200:
        page = response.content.decode()
        assert "Imported" in page and "Trained at the Met" in page
        assert "What it is" not in page  # the module read for the completion here is filtered out


def test_the_report_shows_and_filters_provenance(client_as, people, mixed):
    client = client_as("administrator")
    url = reverse("compliance_reports:officers")
    page = client.get(url).content.decode()
    assert "Provenance" in page and "Recorded by an administrator" in page
    only = client.get(url, {"provenance": "recorded"})
    assert [row.user for row in only.context["object_list"]] == [people["other_officer"]]
    exempt = client.get(url, {"provenance": "exempt"})
    assert {row.user for row in exempt.context["object_list"]} == {people["manager_of_unit"]}
    imported = client.get(url, {"provenance": "imported"})
    assert [(row.user, row.course.title) for row in imported.context["object_list"]] == [
        (people["officer"], "Judaism guide")
    ]
    assert client.get(url, {"provenance": "bogus"}).status_code == 200


def test_the_report_exports_carry_provenance(client_as, mixed):
    client = client_as("administrator")
    response = client.get(reverse("compliance_reports:officers"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(content(response))))
    header = next(i for i, row in enumerate(rows) if "Provenance" in row)
    column = rows[header].index("Provenance")
    values = {row[column] for row in rows[header + 1 :] if len(row) > column}
    assert {"Completed here", "Imported", "Recorded by an administrator", "Exempt"} <= values
    xlsx = client.get(reverse("compliance_reports:officers"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_a_later_completion_here_replaces_an_imported_one_in_the_state(people, mixed, judaism):
    from compliance.models import ComplianceState

    record_completion(people["officer"], judaism, on=timezone.localdate())
    state = ComplianceState.objects.get(user=people["officer"], course=judaism)
    assert state.provenance == "completed_here"
