"""
Reading an HR export (CSV or XLSX) into rows of text, with the spreadsheet's own row numbers.

Everything that makes a file unreadable raises ``ImportFileError`` with a plain message:
too big, not a spreadsheet, an encoding that is neither UTF-8 (with or without BOM) nor
Windows-1252, missing or unknown columns.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

#: The columns of an HR export, as normalised header names (lower case, words joined by "_").
REQUIRED_COLUMNS = ("warrant_number", "staff_number", "first_name", "last_name", "email", "rank", "unit_path")
OPTIONAL_COLUMNS = ("line_manager_warrant_number", "leaving_date")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


class ImportFileError(Exception):
    """The file as a whole cannot be imported; ``str(error)`` says why, plainly."""


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict[str, str]


def max_bytes() -> int:
    return settings.HR_IMPORT_MAX_MEGABYTES * 1024 * 1024


def check_size(size: int) -> None:
    if size > max_bytes():
        raise ImportFileError(
            _("The file is %(size)s MB; the limit is %(limit)s MB. Split it, or ask for the limit to be raised.")
            % {"size": round(size / 1024 / 1024, 1), "limit": settings.HR_IMPORT_MAX_MEGABYTES}
        )


def normalise_header(name) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name or "").strip().lower()).strip("_")


def read_rows(content: bytes) -> list[Row]:
    """The data rows of an HR export, each with its row number and its cells by column name."""
    check_size(len(content))
    table = _xlsx_table(content) if content.startswith(b"PK\x03\x04") else _csv_table(content)
    if not table:
        raise ImportFileError(_("The file is empty: it needs a header row and one row per person."))
    header_number, headers = table[0]
    names = [normalise_header(name) for name in headers]
    present = [name for name in names if name]
    missing = [name for name in REQUIRED_COLUMNS if name not in present]
    unknown = [name for name in present if name not in COLUMNS]
    doubled = sorted({name for name in present if present.count(name) > 1})
    problems = []
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    if unknown:
        problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
    if doubled:
        problems.append(_("columns given twice: %(names)s") % {"names": ", ".join(doubled)})
    if problems:
        raise ImportFileError(
            _(
                "The header row (row %(row)s) does not match the HR import format: %(problems)s. "
                "Expected: %(expected)s."
            )
            % {"row": header_number, "problems": "; ".join(problems), "expected": ", ".join(COLUMNS)}
        )
    rows = []
    for number, cells in table[1:]:
        if len(cells) > len(names) and any(cell.strip() for cell in cells[len(names) :]):
            values = {"__extra__": "yes"}
        else:
            values = {}
        for index, name in enumerate(names):
            if name:
                values[name] = cells[index].strip() if index < len(cells) else ""
        if any(value for key, value in values.items() if key != "__extra__"):
            rows.append(Row(number=number, values=values))
    return rows


def _decode(content: bytes) -> str:
    if b"\x00" in content:
        raise ImportFileError(_("This is not a spreadsheet: upload a CSV or XLSX file exported from the HR system."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file's text encoding is not UTF-8 or Windows-1252. Save it from the spreadsheet as “CSV UTF-8”.")
        ) from None


def _csv_table(content: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        # Numbered as a spreadsheet shows them: records, not lines (a quoted cell may span lines).
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1))
    except csv.Error as error:
        raise ImportFileError(_("The CSV cannot be read: %(error)s.") % {"error": error}) from None


def _xlsx_table(content: bytes) -> list[tuple[int, list[str]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ImportFileError(
            _("This is not a readable XLSX workbook (%(error)s). Export the sheet again, or as CSV.")
            % {"error": type(error).__name__}
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
