"""
Exports beyond the officer lists: the record of learning (for the officer and their
managers) and the chart tables, each as CSV and XLSX, exact and scoped.
"""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from courses.models import ModulePage
from tests.conftest import ROLE_NAMES
from tests.exports import csv_table, read_csv, read_xlsx

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    return csv_table(response)


def xlsx_rows(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def completed(people, hate_crime):
    """The officer completes the hate crime course for real, so the record names the module revision."""
    module = ModulePage.objects.child_of(hate_crime).get()
    course_services.enrol(user=people["officer"], course=hate_crime)
    course_services.complete_module(user=people["officer"], module=module)
    return module


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_reaches_an_officers_record_of_learning_and_its_exports(client_as, people, completed, role, export):
    url = reverse("compliance_reports:transcript", args=[people["officer"].pk])
    response = client_as(role).get(url, {"export": export} if export else {})
    if role in ("manager_of_unit", "administrator"):
        assert response.status_code == 200
    elif role in ("anonymous", "officer", "other_officer"):
        # Sent to sign in, or away from the admin they have no access to.
        assert response.status_code == 302
    else:
        # In the admin but not theirs to see: the officer is outside their scope.
        assert response.status_code == 404


def test_the_record_of_learning_exports_name_the_revision_seen_in_csv_and_xlsx(client_as, people, completed):
    client = client_as("manager_of_unit")
    url = reverse("compliance_reports:transcript", args=[people["officer"].pk])
    completion = people["officer"].course_completions.get()
    revision = completed.live_revision_id
    expected_row = [
        timezone.localtime(completion.completed_at).strftime("%Y-%m-%d %H:%M"),
        "Completed",
        "Hate crime",
        "",
        completion.valid_until.isoformat(),
        f"What it is (revision {revision})",
        completion.valid_from.isoformat(),
        "Completed here (modules read)",
    ]
    headings = ["Date", "What", "Course", "Score (%)", "Valid until", "Evidence", "Valid from", "Provenance"]

    csv_response = client.get(url, {"export": "csv"})
    assert csv_response["Content-Disposition"].startswith(
        f'attachment; filename="record-of-learning-{people["officer"].warrant_number}-'
    )
    about, rows = read_csv(csv_response)
    assert rows == [headings, expected_row]
    assert about["Report"] == "Record of learning"
    assert about["Filters"] == f"Person: {people['officer'].display_name}"

    xlsx_response = client.get(url, {"export": "xlsx"})
    about, workbook = read_xlsx(xlsx_response)
    assert workbook.sheetnames == ["Record of learning", "About this export"]
    assert about["Exported by"] == f"{people['manager_of_unit'].display_name} (manager_of_unit)"
    xlsx = [[cell if cell is not None else "" for cell in row] for row in workbook.active.iter_rows(values_only=True)]
    assert xlsx[0] == headings
    assert xlsx[1][1:4] == expected_row[1:4]
    assert xlsx[1][4] == completion.valid_until
    assert xlsx[1][5] == expected_row[5]


def test_an_officer_downloads_their_own_record_as_xlsx(client_as, people, completed):
    response = client_as("officer").get(reverse("compliance:my_record"), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert rows[0][:3] == ["Date", "What", "Course"]
    assert [row[2] for row in rows[1:]] == ["Hate crime"]
    # Someone else's record is never in it.
    assert len(xlsx_rows(client_as("other_officer").get(reverse("compliance:my_record"), {"export": "xlsx"}))) == 1


# Chart tables


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_chart_tables_export_exactly_what_the_page_shows(client_as, required, export):
    client = client_as("manager_of_unit")
    page = client.get(reverse("compliance_reports:charts")).context
    units = client.get(reverse("compliance_reports:charts"), {"export": export, "table": "units"})
    months = client.get(reverse("compliance_reports:charts"), {"export": export, "table": "months"})
    read = csv_rows if export == "csv" else xlsx_rows
    unit_rows, month_rows = read(units), read(months)
    if export == "csv":
        assert (
            read_csv(client.get(reverse("compliance_reports:charts"), {"export": "csv", "table": "units"}))[0][
                "Filters"
            ]
            == "Table: Compliance by unit"
        )

    assert unit_rows[0] == ["Unit", "Compliant", "Required", "Compliant (%)"]
    assert [[str(value) for value in row] for row in unit_rows[1:]] == [
        [bar.label, str(bar.compliant), str(bar.total), str(bar.percent)] for bar in page["bars"]
    ]
    assert [row[0] for row in unit_rows[1:]] == ["Team A"]

    assert month_rows[0] == ["Date", "Compliant", "Required", "Compliant (%)"]
    assert len(month_rows) == 13
    last = month_rows[-1]
    point = page["points"][-1]
    assert [str(value) for value in last[1:]] == [
        str(point.compliant),
        str(point.total),
        "" if point.percent is None else str(point.percent),
    ]
    assert str(last[0])[:10] == point.day.isoformat()


def test_chart_exports_are_scoped_and_refused_to_officers(client_as, required):
    other = csv_rows(
        client_as("manager_of_other_unit").get(
            reverse("compliance_reports:charts"), {"export": "csv", "table": "units"}
        )
    )
    assert [row[0] for row in other[1:]] == ["Team B"]
    everyone = csv_rows(
        client_as("administrator").get(reverse("compliance_reports:charts"), {"export": "csv", "table": "units"})
    )
    assert [row[0] for row in everyone[1:]] == ["Test Constabulary", "North Command", "South Command"]
    for role in ("anonymous", "officer", "trainer"):
        response = client_as(role).get(reverse("compliance_reports:charts"), {"export": "csv", "table": "units"})
        assert response.status_code == 302


def test_an_unknown_chart_table_is_a_clear_404(client_as, required):
    response = client_as("administrator").get(reverse("compliance_reports:charts"), {"export": "csv", "table": "nope"})
    assert response.status_code == 404


# XLSX exports are scoped like CSV


@pytest.mark.parametrize("report", ["summary", "officers", "overdue", "expiring"])
def test_xlsx_exports_are_scoped(client_as, people, required, report):
    response = client_as("manager_of_other_unit").get(reverse(f"compliance_reports:{report}"), {"export": "xlsx"})
    assert response.status_code == 200
    cells = {str(cell) for row in xlsx_rows(response) for cell in row}
    assert "Team A" not in cells
    assert people["officer"].display_name not in cells
    assert people["officer"].warrant_number not in cells
