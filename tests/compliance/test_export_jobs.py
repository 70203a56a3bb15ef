"""
Big XLSX exports are prepared in the background (ExportJob + the build_export task): the
manager is told, the file is exact, only they can download it, and it is deleted in time.
"""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.factories import UserFactory
from accounts.models import Rank
from compliance.exports import request_export, run_export
from compliance.models import ExportJob, ExportStatus
from core.storage import private_storage
from tests.compliance.conftest import record_completion
from tests.conftest import ROLE_NAMES
from tests.exports import csv_table

pytestmark = pytest.mark.django_db
HEADINGS = [
    "Warrant number",
    "Name",
    "Rank",
    "Unit",
    "Course",
    "Status",
    "Due",
    "Completed",
    "Valid until",
    "Score (%)",
    "Provenance",
]


def sheet_rows(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def csv_rows(response) -> list[list[str]]:
    return csv_table(response)


@pytest.fixture
def low_threshold(settings):
    settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS = 2
    return settings


@pytest.fixture
def job(client_as, required, low_threshold, django_capture_on_commit_callbacks):
    """Team A's manager asks for the officer list as XLSX: four rows, over the threshold of two."""
    client = client_as("manager_of_unit")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("compliance_reports:officers"), {"export": "xlsx"})
    assert response.status_code == 302
    assert response["Location"] == reverse("compliance_reports:exports")
    return ExportJob.objects.get()


def test_a_big_xlsx_becomes_a_job_and_the_manager_is_told(client_as, people, job):
    assert job.requested_by == people["manager_of_unit"]
    assert job.status == ExportStatus.READY
    assert job.row_count == 4  # two people in Team A, two courses
    page = client_as("manager_of_unit").get(reverse("compliance_reports:exports"))
    content = page.content.decode()
    assert f'href="{reverse("compliance_reports:export_download", args=[job.pk])}"' in content
    assert f"Download {job.filename}" in content
    assert job.filename == f"training-status-team-a-{timezone.localdate():%Y-%m-%d}.xlsx"


def test_the_prepared_file_says_who_asked_when_and_with_which_filters(
    client_as, people, required, hate_crime, settings, django_capture_on_commit_callbacks
):
    settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS = 0
    client = client_as("manager_of_unit")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("compliance_reports:expiring"), {"export": "xlsx", "course": hate_crime.pk, "rank": "PC"})
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.READY
    assert job.filename == f"expiring-training-team-a-{timezone.localdate():%Y-%m-%d}.xlsx"
    with job.file.open("rb") as file:
        workbook = openpyxl.load_workbook(io.BytesIO(file.read()))
    assert workbook.sheetnames == ["Expiring soon", "About this export"]
    about = dict(workbook["About this export"].iter_rows(values_only=True))
    assert about["Report"] == "Expiring soon"
    assert about["Exported by"] == f"{people['manager_of_unit'].display_name} (manager_of_unit)"
    assert about["Filters"] == "Course: Hate crime; Rank or role: Police Constable; Expiring within: 30 days"
    assert abs(datetime.datetime.fromisoformat(about["Exported at"]) - timezone.now()) < datetime.timedelta(minutes=5)


def test_the_manager_sees_the_message_that_it_is_being_prepared(client_as, required, low_threshold):
    client = client_as("manager_of_unit")
    response = client.get(reverse("compliance_reports:officers"), {"export": "xlsx"}, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("more than 2 rows, so it is being prepared in the background" in message for message in messages)
    # The test transaction never commits, so the task has not run: the list says it is waiting.
    assert "Some exports are still being prepared." in response.content.decode()
    assert ExportJob.objects.get().status == ExportStatus.PENDING


def test_the_prepared_file_has_exactly_the_rows_of_the_small_export(client_as, job, settings):
    client = client_as("manager_of_unit")
    download = client.get(reverse("compliance_reports:export_download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{job.filename}"'
    prepared = sheet_rows(b"".join(download.streaming_content))
    settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS = 5000
    direct = client.get(reverse("compliance_reports:officers"), {"export": "xlsx"})
    assert direct.status_code == 200
    assert prepared == sheet_rows(b"".join(direct.streaming_content))
    assert prepared[0] == HEADINGS
    # The same rows as the CSV, with dates as dates.
    csv_body = csv_rows(client.get(reverse("compliance_reports:officers"), {"export": "csv"}))
    as_text = [
        [value.isoformat() if isinstance(value, datetime.date) else str(value) for value in row] for row in prepared
    ]
    assert as_text == csv_body
    assert len(prepared) == 5


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_person_who_asked_downloads_the_file(client_as, job, role):
    response = client_as(role).get(reverse("compliance_reports:export_download", args=[job.pk]))
    if role == "manager_of_unit":
        assert response.status_code == 200
        assert sheet_rows(b"".join(response.streaming_content))[0] == HEADINGS
    elif role in ("anonymous", "officer", "other_officer"):
        assert response.status_code == 302  # to sign in, or away from the admin
    else:
        # In the admin, even an administrator: the file is the requester's alone.
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_exports_list_shows_each_person_only_their_own(client_as, job, role):
    response = client_as(role).get(reverse("compliance_reports:exports"))
    if role in ("manager_of_other_unit", "manager_of_unit", "administrator"):
        assert response.status_code == 200
        assert (job.filename in response.content.decode()) == (role == "manager_of_unit")
    else:
        assert response.status_code == 302


def test_the_job_applies_the_filters_and_the_scope_again_when_it_runs(people, org, required, hate_crime):
    manager = people["manager_of_unit"]
    job = request_export(user=manager, report="officers", querystring=f"course={hate_crime.pk}", filename="x.xlsx")
    # Before it runs, someone joins Team A and is assigned hate crime: the file includes them.
    joiner = UserFactory(unit=org.team_a, first_name="New", last_name="Joiner")
    run_export(job.pk)
    job.refresh_from_db()
    rows = sheet_rows(job.file.read())
    assert rows[0] == HEADINGS
    assert sorted(row[1] for row in rows[1:]) == sorted(
        [people["officer"].display_name, manager.display_name, joiner.display_name]
    )
    assert {row[4] for row in rows[1:]} == {"Hate crime"}


def test_a_requester_who_lost_the_role_gets_a_failed_job_and_no_file(people, required, low_threshold):
    manager = people["manager_of_unit"]
    job = request_export(user=manager, report="officers", querystring="", filename="x.xlsx")
    manager.groups.remove(Group.objects.get(name=roles.MANAGER))
    run_export(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert "no longer see" in job.error
    assert not job.file


def test_a_job_runs_once(people, required, low_threshold):
    job = request_export(user=people["manager_of_unit"], report="officers", querystring="", filename="x.xlsx")
    assert run_export(job.pk).status == ExportStatus.READY
    assert run_export(job.pk) is None  # already done: a second worker does nothing


def test_detective_ranks_and_people_without_numbers_export_as_the_list_shows_them(
    client_as, people, org, required, hate_crime
):
    detective = UserFactory(
        unit=org.team_a, rank=Rank.SERGEANT, is_detective=True, first_name="Dee", last_name="Tective"
    )
    staff = UserFactory(unit=org.team_a, rank=Rank.POLICE_STAFF, warrant_number=None, first_name="", last_name="")
    record_completion(detective, hate_crime, on=timezone.localdate(), score=87.5)
    client = client_as("manager_of_unit")
    listed = client.get(reverse("compliance_reports:officers"), {"course": hate_crime.pk}).context["object_list"]
    shown = {
        a.user.username: [
            a.user.warrant_number or "",
            a.user.display_name,
            a.user.rank_title,
            a.unit_name,
            a.course.title,
            str(a.status_label),
            str(a.next_due or ""),
            str(a.completed_on or ""),
            str(a.valid_until or ""),
            a.score_text,
            a.provenance_label,
        ]
        for a in listed
    }
    exported = csv_rows(client.get(reverse("compliance_reports:officers"), {"export": "csv", "course": hate_crime.pk}))
    assert exported[0] == HEADINGS
    assert sorted(exported[1:]) == sorted(shown.values())
    assert shown[detective.username][1:3] == [
        f"Detective Sergeant Dee Tective ({detective.warrant_number})",
        "Detective Sergeant",
    ]
    assert shown[detective.username][9] == "87.50"
    assert shown[staff.username][1] == f"Police staff {staff.username}"


def test_purge_deletes_expired_files_and_records_and_keeps_recent_ones(people, required, low_threshold, settings):
    settings.COMPLIANCE_EXPORT_RETENTION_HOURS = 24
    manager = people["manager_of_unit"]
    old = run_export(request_export(user=manager, report="officers", querystring="", filename="old.xlsx").pk)
    recent = run_export(request_export(user=manager, report="officers", querystring="", filename="new.xlsx").pk)
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert private_storage.exists(old.file.name)
    out = io.StringIO()
    call_command("purge_exports", stdout=out)
    assert "Exports deleted: 1" in out.getvalue()
    assert not private_storage.exists(old.file.name)
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [recent.pk]
    assert private_storage.exists(recent.file.name)


def test_the_exports_list_purges_lazily(client_as, people, required, low_threshold):
    manager = people["manager_of_unit"]
    old = run_export(request_export(user=manager, report="officers", querystring="", filename="old.xlsx").pk)
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    content = client_as("manager_of_unit").get(reverse("compliance_reports:exports")).content.decode()
    assert "old.xlsx" not in content
    assert not ExportJob.objects.exists()
    assert not private_storage.exists(old.file.name)


def test_small_xlsx_exports_stay_immediate(client_as, required):
    response = client_as("manager_of_unit").get(reverse("compliance_reports:officers"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not ExportJob.objects.exists()
