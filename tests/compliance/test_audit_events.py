"""
Who looked at what, in the audit trail: records and transcripts viewed and downloaded,
compliance reports viewed (with their filters) and exported (format, filters, rows; the
background XLSX when it is built and when it is downloaded), and evidence files downloaded.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import Action, AuditEvent
from audit.selectors import verify_trail
from compliance.factories import ExemptionFactory
from compliance.models import ExportJob
from core.spreadsheets import ABOUT_CSV_LINES

pytestmark = pytest.mark.django_db


def last(action: Action) -> AuditEvent:
    return AuditEvent.objects.filter(action=action).latest("sequence")


def test_a_manager_viewing_an_officers_transcript_is_recorded(client_as, people, required):
    client_as("manager_of_unit").get(reverse("compliance_reports:transcript", args=[people["officer"].pk]))
    event = last(Action.TRANSCRIPT_VIEWED)
    assert (event.actor, event.subject, event.target) == (
        people["manager_of_unit"],
        people["officer"],
        f"record:{people['officer'].pk}",
    )
    assert event.ip_address == "127.0.0.1"


def test_an_out_of_scope_transcript_is_refused_and_not_recorded_as_viewed(client_as, people, required):
    response = client_as("manager_of_other_unit").get(
        reverse("compliance_reports:transcript", args=[people["officer"].pk])
    )
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=Action.TRANSCRIPT_VIEWED).exists()


def test_a_transcript_download_is_recorded_with_its_rows(client_as, people, required):
    client_as("administrator").get(
        reverse("compliance_reports:transcript", args=[people["officer"].pk]), {"export": "csv"}
    )
    event = last(Action.REPORT_EXPORTED)
    assert (event.subject, event.data) == (people["officer"], {"format": "csv", "rows": 1})


def test_an_officer_viewing_and_downloading_their_own_record_is_recorded(client_as, people, required):
    client = client_as("officer")
    client.get(reverse("compliance:my_record"))
    client.get(reverse("compliance:my_record"), {"export": "xlsx"})
    viewed = last(Action.RECORD_VIEWED)
    assert (viewed.actor, viewed.subject) == (people["officer"], people["officer"])
    exported = last(Action.REPORT_EXPORTED)
    assert (exported.subject, exported.data) == (people["officer"], {"format": "xlsx", "rows": 1})


@pytest.mark.parametrize("report", ["summary", "officers", "overdue", "expiring", "charts"])
def test_viewing_a_report_is_recorded_with_its_filters(client_as, people, required, report):
    client_as("administrator").get(reverse(f"compliance_reports:{report}"), {"rank": "PC", "p": "1"})
    event = last(Action.REPORT_VIEWED)
    assert (event.actor, event.target, event.data) == (
        people["administrator"],
        f"report:{report}",
        {"filters": {"rank": "PC"}},
    )


def test_a_csv_export_is_recorded_with_its_filters_and_the_rows_sent(client_as, people, required):
    response = client_as("manager_of_unit").get(
        reverse("compliance_reports:officers"), {"export": "csv", "status": ["overdue", "due_soon"]}
    )
    body = b"".join(response.streaming_content).decode()
    event = last(Action.REPORT_EXPORTED)
    assert event.actor == people["manager_of_unit"]
    assert event.target == "report:officers"
    assert event.data == {
        "format": "csv",
        "filters": {"status": ["overdue", "due_soon"]},
        "rows": body.count("\n") - 1 - ABOUT_CSV_LINES,  # less the headings and the preamble
        "complete": True,
    }
    assert event.data["rows"] >= 1


@pytest.mark.parametrize(
    ("report", "extra"),
    [("summary", {}), ("officers", {}), ("charts", {"table": "units"})],
)
def test_an_xlsx_export_is_recorded_with_its_rows(client_as, required, report, extra):
    response = client_as("administrator").get(reverse(f"compliance_reports:{report}"), {"export": "xlsx", **extra})
    assert response.status_code == 200
    event = last(Action.REPORT_EXPORTED)
    assert event.target == f"report:{report}"
    assert event.data["format"] == "xlsx"
    assert isinstance(event.data["rows"], int)


def test_a_background_xlsx_is_recorded_when_built_and_when_downloaded(
    client_as, people, required, settings, django_capture_on_commit_callbacks
):
    settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS = 2
    client = client_as("manager_of_unit")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("compliance_reports:officers"), {"export": "xlsx", "unit": str(people["officer"].unit_id)})
    job = ExportJob.objects.get()
    built = last(Action.REPORT_EXPORTED)
    assert (built.actor, built.target) == (people["manager_of_unit"], "report:officers")
    assert built.data == {
        "format": "xlsx",
        "filters": {"unit": str(people["officer"].unit_id)},
        "rows": job.row_count,
        "job": job.pk,
    }
    assert job.row_count > 2

    client.get(reverse("compliance_reports:export_download", args=[job.pk]))
    downloaded = last(Action.REPORT_EXPORTED)
    assert downloaded.data == {"format": "xlsx", "job": job.pk, "rows": job.row_count, "downloaded": True}


def test_an_evidence_download_is_recorded_and_a_refused_one_is_not(client_as, people, required):
    from compliance.models import Requirement

    exemption = ExemptionFactory(
        user=people["officer"],
        requirement=Requirement.objects.first(),
        granted_by=people["manager_of_unit"],
        evidence=SimpleUploadedFile("note.pdf", b"%PDF-1.4 note", content_type="application/pdf"),
    )
    assert client_as("other_officer").get(reverse("compliance:evidence", args=[exemption.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EVIDENCE_DOWNLOADED).exists()

    client_as("manager_of_unit").get(reverse("compliance:evidence", args=[exemption.pk]))
    event = last(Action.EVIDENCE_DOWNLOADED)
    assert (event.actor, event.subject, event.target) == (
        people["manager_of_unit"],
        people["officer"],
        f"exemption:{exemption.pk}",
    )
    assert verify_trail().ok
