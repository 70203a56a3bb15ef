"""Reading the platform's exports in tests: the CSV preamble and the XLSX sheets (core.spreadsheets)."""

import csv
import io

import openpyxl

from core.spreadsheets import ABOUT_CSV_LINES, ABOUT_SHEET_TITLE


def read_csv(response) -> tuple[dict[str, str], list[list[str]]]:
    """A report's CSV as (its "about" preamble, its table with headings first)."""
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    preamble = lines[: ABOUT_CSV_LINES - 1]
    assert [row[0] for row in preamble] == ["Report", "Exported by", "Exported at", "Filters"], lines[:6]
    assert lines[ABOUT_CSV_LINES - 1] == []
    return dict(preamble), lines[ABOUT_CSV_LINES:]


def csv_table(response) -> list[list[str]]:
    """A report's CSV table, headings first, without its preamble."""
    return read_csv(response)[1]


def read_xlsx(response) -> tuple[dict[str, str], openpyxl.Workbook]:
    """A workbook's "About this export" sheet as a dict, and the workbook."""
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    about = {row[0]: row[1] for row in workbook[ABOUT_SHEET_TITLE].iter_rows(values_only=True)}
    return about, workbook
