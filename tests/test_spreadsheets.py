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
from core.spreadsheets import FORMULA_STARTS, neutralise, safe_csv_row
from quizzes import adjustments, services
from tests.compliance import conftest as compliance_fixtures
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

    rows = {row[0]: row for row in csv_rows(client.get(url, {"quiz": quiz.pk, "export": "csv"}))}
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
    rows = csv_rows(client_as("manager_of_unit").get(reverse("compliance_reports:officers"), {"export": "csv"}))
    planted = next(row for row in rows if "Smith" in row[1])
    assert planted[0] == "'-7"
    assert planted[1].startswith("'=1+1 Smith")
    assert "'=EVIL()" in planted
