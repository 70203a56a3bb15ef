"""
No CSV export can carry a live spreadsheet formula (docs/security.md §5): every cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading
quote, through ``core.spreadsheets``; XLSX exports keep such text as a string cell.

The first tests find every export by walking the URL resolver and every subclass of
Wagtail's ``SpreadsheetExportMixin``, so a new export is covered without editing them.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

from accounts.factories import UnitFactory, UserFactory
from compliance import exemptions
from compliance.factories import RequirementFactory, unit_target
from compliance.reports import OfficerStatusReportView, csv_chunks
from core.spreadsheets import (
    ABOUT_CSV_LINES,
    FORMULA_STARTS,
    ExportAbout,
    neutralise,
    safe_csv_row,
    scoped_filename,
    sheet_title,
)
from quizzes import adjustments, services
from tests.compliance import conftest as compliance_fixtures
from tests.exports import csv_table, read_csv, read_xlsx
from tests.quizzes import conftest as quiz_fixtures
from tests.quizzes.conftest import form_data

# Fixtures of the apps' test packages, used here too.
hate_crime = compliance_fixtures.hate_crime
bank, quiz_course, quiz = quiz_fixtures.bank, quiz_fixtures.quiz_course, quiz_fixtures.quiz

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_neutralise_quotes_text_a_spreadsheet_would_run_and_nothing_else():
    for text in FORMULAS:
        assert neutralise(text) == "'" + text
    for value in ["Alex Morgan", "a=b", "", 12, -5, 2.5, None, datetime.date(2027, 1, 1)]:
        assert neutralise(value) == value
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
    assert safe_csv_row(["=1", 3, "ok"]) == ["'=1", 3, "ok"]


def view_classes(patterns=None) -> set[type]:
    """Every class-based view the URL resolver can reach."""
    found = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            found |= view_classes(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                found.add(view_class)
    return found


def all_subclasses(cls) -> set[type]:
    return {sub for direct in cls.__subclasses__() for sub in {direct, *all_subclasses(direct)}}


#: Views whose CSV is written by our own streaming writer (``compliance.reports.csv_chunks``).
OWN_CSV_WRITERS = {OfficerStatusReportView.stream_csv}


def test_every_export_view_writes_its_csv_through_the_shared_place():
    exports = {cls for cls in view_classes() if issubclass(cls, SpreadsheetExportMixin)}
    names = {cls.__name__ for cls in exports}
    # Sanity: the resolver walk finds the exports this test is about (and Wagtail's own).
    assert {"ItemAnalysisView", "OfficerStatusReportView", "ScopedIndexView", "ScopedSiteHistoryView"} <= names
    assert len(exports) >= 10
    for cls in exports | all_subclasses(SpreadsheetExportMixin):
        assert getattr(cls.preprocess_field_value, "neutralises_formulas", False), cls
        if cls.stream_csv in OWN_CSV_WRITERS:
            continue
        assert cls.stream_csv is SpreadsheetExportMixin.stream_csv, cls
        assert cls.write_csv_row is SpreadsheetExportMixin.write_csv_row, cls
        view = cls.__new__(cls)  # no request needed to write a row
        view.custom_field_preprocess = {}
        writer = csv.DictWriter(Echo(), fieldnames=["cell"])
        for text in FORMULAS:
            line = view.write_csv_row(writer, {"cell": text}).decode()
            assert next(csv.reader([line]))[0] == "'" + text, (cls, text)


def test_our_own_csv_writer_neutralises_every_cell():
    rows = [("=1+1", "+44 20 7946 0000", 3, "fine")]
    text = b"".join(csv_chunks(["a", "b", "c", "d"], rows)).decode()
    assert list(csv.reader(io.StringIO(text))) == [["a", "b", "c", "d"], ["'=1+1", "'+44 20 7946 0000", "3", "fine"]]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.mark.django_db
def test_an_officers_short_answer_reaches_the_item_analysis_as_text(client_as, people, quiz):
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    data = form_data(attempt, right=False)
    short = attempt.questions.get(question_type="short_text").position
    data.setlist(f"q-{short}", [HYPERLINK])
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=data)
    url = reverse("quizzes_reports:item_analysis")
    client = client_as("trainer")

    rows = {row[0]: row for row in csv_table(client.get(url, {"quiz": quiz.pk, "export": "csv"}))}
    answers = rows["Short text"][-1]
    assert answers.startswith("'=hyperlink(")  # answers are compared case-insensitively

    sheet = xlsx_sheet(client.get(url, {"quiz": quiz.pk, "export": "xlsx"}))
    cells = {row[0].value: row[-1] for row in sheet.iter_rows(min_row=2)}
    assert cells["Short text"].value.startswith("=hyperlink(")
    assert cells["Short text"].data_type == "s"  # text, not a formula


@pytest.mark.django_db
def test_staff_written_reasons_come_out_neutralised_in_the_exemptions_exports(client_as, people, org, quiz):
    requirement = RequirementFactory(course=quiz.get_parent().specific, targets=[unit_target(org.force)])
    today = timezone.localdate()
    for reason in FORMULAS:
        exemptions.grant_exemption(
            person=people["officer"],
            requirement=requirement,
            reason=reason,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=30),
            granted_by=people["administrator"],
        )
    client = client_as("administrator")

    exemption_rows = csv_rows(client.get(reverse("exemptions:index"), {"export": "csv"}))
    reason_column = exemption_rows[0].index("Reason")
    assert sorted(row[reason_column] for row in exemption_rows[1:]) == sorted("'" + text for text in FORMULAS)
    sheet = xlsx_sheet(client.get(reverse("exemptions:index"), {"export": "xlsx"}))
    cells = [row[reason_column] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(FORMULAS)
    assert {cell.data_type for cell in cells} == {"s"}


@pytest.mark.django_db
def test_staff_written_reasons_come_out_neutralised_in_the_adjustments_export(client_as, people, quiz, settings):
    settings.ADJUSTMENT_MAX_EXTRA_TIME_PERCENT = 300
    for reason in FORMULAS:
        adjustments.grant_adjustment(
            person=people["officer"],
            quiz=quiz,
            extra_time_percent=10,
            extra_attempts=0,
            reason=reason,
            granted_by=people["trainer"],
        )
    rows = csv_rows(client_as("trainer").get(reverse("adjustments:index"), {"export": "csv"}))
    reason_column = rows[0].index("Reason")
    assert sorted(row[reason_column] for row in rows[1:]) == sorted("'" + text for text in FORMULAS)


@pytest.mark.django_db
def test_the_managers_officer_list_csv_neutralises_names_and_units(client_as, people, org, hate_crime):
    unit = UnitFactory(parent=org.team_a, name="=EVIL()", code="N-A-9")
    UserFactory(unit=unit, first_name="=1+1", last_name="Smith", rank="", warrant_number="-7")
    RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    rows = csv_table(client_as("manager_of_unit").get(reverse("compliance_reports:officers"), {"export": "csv"}))
    planted = next(row for row in rows if "Smith" in row[1])
    assert planted[0] == "'-7"
    assert planted[1].startswith("'=1+1 Smith")
    assert "'=EVIL()" in planted


# What every export says about itself (issue 12, point 4)


def test_the_csv_preamble_is_a_fixed_number_of_lines_and_neutralised():
    about = ExportAbout(
        report="Overdue and expired",
        exported_by="=cmd|' /C calc'!A0 (evil)",
        exported_at=timezone.localtime(),
        filters=(("Unit", "=EVIL()"), ("Status", "Overdue, Expired")),
    )
    preamble = about.csv_preamble()
    lines = list(csv.reader(io.StringIO(preamble)))
    assert len(preamble.splitlines()) == ABOUT_CSV_LINES
    assert lines[0] == ["Report", "Overdue and expired"]
    assert lines[1] == ["Exported by", "'=cmd|' /C calc'!A0 (evil)"]
    assert lines[3] == ["Filters", "Unit: =EVIL(); Status: Overdue, Expired"]  # starts with a letter: safe
    assert lines[4] == []
    # A program reads the table after skipping the constant preamble.
    table = preamble + "a,b\r\n1,2\r\n"
    reader = csv.reader(io.StringIO(table))
    for _skipped in range(ABOUT_CSV_LINES):
        next(reader)
    assert list(reader) == [["a", "b"], ["1", "2"]]


def test_no_filters_say_none_and_times_carry_their_offset():
    moment = timezone.localtime()
    about = ExportAbout(report="R", exported_by="x", exported_at=moment)
    assert about.filters_text == "None"
    assert datetime.datetime.fromisoformat(about.rows()[2][1]) == moment.replace(microsecond=0)


@pytest.mark.parametrize(
    ("report", "title"),
    [
        ("Overdue and expired", "Overdue and expired"),
        ("Record of learning: PC Smith", "Record of learning  PC Smith"),
        ("A/B [test]?*", "A B  test"),
        ("x" * 40, "x" * 31),
        ("???", "Report"),
    ],
)
def test_sheet_titles_follow_excels_rules(report, title):
    assert sheet_title(report) == title


class FakeView:
    def __init__(self, filename, scope=""):
        self.filename = filename
        self.scope = scope

    def get_filename(self):
        return self.filename

    def get_export_scope(self):
        return self.scope


def test_file_names_say_the_report_the_scope_and_the_day():
    today = f"{timezone.localdate():%Y-%m-%d}"
    assert scoped_filename(FakeView("overdue-training-2026-01-31", "Team A"), "csv") == (
        "overdue-training-team-a-2026-01-31.csv"
    )
    assert scoped_filename(FakeView("exemptions"), "xlsx") == f"exemptions-{today}.xlsx"
    assert scoped_filename(FakeView("exemptions", "North Command"), "xlsx") == f"exemptions-north-command-{today}.xlsx"


@pytest.mark.django_db
def test_an_index_view_export_keeps_a_bare_csv_but_its_xlsx_says_what_it_is(client_as, people):
    client = client_as("administrator")
    response = client.get("/admin/unit_history/", {"export": "csv"})
    assert (
        response["Content-Disposition"] == f'attachment; filename="unit-history-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    first = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert first.startswith("Person,")
    about, workbook = read_xlsx(client.get("/admin/unit_history/", {"export": "xlsx", "q": "7210"}))
    assert workbook.sheetnames[1] == "About this export"
    assert workbook.sheetnames[0] != "Sheet1"
    assert about["Exported by"].endswith("(administrator)")
    assert about["Filters"] == "Search: 7210"


@pytest.mark.django_db
def test_report_exports_say_who_when_and_which_filters(client_as, people, org, hate_crime):
    RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    client = client_as("administrator")
    response = client.get(
        reverse("compliance_reports:officers"),
        {"export": "csv", "unit": org.team_a.pk, "next_due_after": "2020-01-02", "expiring": "false"},
    )
    about, _rows = read_csv(response)
    assert about["Filters"] == "Unit (with its sub-units): Team A; Due between: from 2 January 2020; Expiring soon: No"
    assert "training-status-team-a-" in response["Content-Disposition"]


def test_booleans_export_as_yes_and_no():
    view = SpreadsheetExportMixin()
    view.custom_field_preprocess = {}
    assert view.preprocess_field_value("active", True, "csv") == "Yes"
    assert view.preprocess_field_value("active", False, "xlsx") == "No"
