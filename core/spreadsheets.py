"""
Every CSV the platform writes is safe to open in a spreadsheet (docs/security.md §5).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula; an officer's short-text answer such as
``=HYPERLINK("http://x","y")`` would then run on a trainer's machine. ``neutralise`` puts a
single quote in front of such text (OWASP's advice), which spreadsheets show as text.

Two ways in, so that no export can miss it:

- ``patch_wagtail_exports`` (run once from ``core.apps.CoreConfig.ready``) wraps Wagtail's
  ``SpreadsheetExportMixin.preprocess_field_value``, the one place every Wagtail export
  (index views of viewsets and snippets, ``ReportView`` reports, Wagtail's own reports)
  turns a value into a CSV cell;
- ``safe_csv_row`` for our own CSV writers (``compliance.reports.csv_chunks``).

XLSX needs no quote: Wagtail's and our XLSX writers store such text as a string cell
(never a formula), which spreadsheets do not evaluate; a quote there would be shown.
"""

from collections.abc import Iterable

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with a leading quote if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_csv_row(row: Iterable) -> list:
    """One CSV row with every cell passed through ``neutralise``."""
    return [neutralise(value) for value in row]


def patch_wagtail_exports() -> None:
    """Make every Wagtail CSV export neutralise its cells (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
