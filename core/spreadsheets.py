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

Every export also says what it is (issue 12, point 4; see "What every export says about
itself" below): who made it, when, with which filters, on a sheet named after the report and
in a file named for the report, its scope and the day. ``patch_wagtail_exports`` applies this
to Wagtail's writers too, so every ``ReportView`` and ``IndexView`` export carries it.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import FileResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

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


# What every export says about itself (issue 12, point 4)
#
# CSV: a fixed preamble of ``ABOUT_CSV_LINES`` lines, then the table. The preamble is always
# the same four two-cell rows ("Report", "Exported by", "Exported at", "Filters") and one empty
# line, so a program skips a constant number of lines (``pandas.read_csv(f, skiprows=5)``,
# ``csv.reader`` after ``next()`` five times) and reads an ordinary table with its headings;
# nothing about it is per row, so streaming costs the same. XLSX: the table on a sheet named
# after the report, and the same four rows on a sheet of their own, "About this export".

#: Query-string keys of a listing page that an export link leaves out.
LISTING_ONLY_PARAMS = ("p", "after", "before", "_w_filter_fragment", "export")
#: The preamble's lines before the table's headings (four rows and an empty line).
ABOUT_CSV_LINES = 5
ABOUT_SHEET_TITLE = "About this export"
#: Characters a sheet title may not hold, and its longest length (Excel's rules).
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31
#: A file name that already ends in a date ("overdue-training-2026-12-01").
DATED = re.compile(r"^(?P<base>.*?)-?(?P<date>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class ExportAbout:
    """Who exported which report, when, and with which filters (labels and values, as shown)."""

    report: str
    exported_by: str
    exported_at: datetime.datetime
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def filters_text(self) -> str:
        if not self.filters:
            return str(_("None"))
        return "; ".join(f"{label}: {value}" for label, value in self.filters)

    def rows(self) -> list[list[str]]:
        """The four rows of the preamble and of the "About this export" sheet."""
        return [
            [str(_("Report")), self.report],
            [str(_("Exported by")), self.exported_by],
            [str(_("Exported at")), self.exported_at.isoformat(timespec="seconds")],
            [str(_("Filters")), self.filters_text],
        ]

    def csv_preamble(self) -> str:
        """The CSV lines before the table (``ABOUT_CSV_LINES`` of them), cells neutralised."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows(safe_csv_row(row) for row in self.rows())
        writer.writerow([])
        return buffer.getvalue()

    def add_sheet(self, workbook) -> None:
        """The "About this export" sheet of a write-only workbook (text cells, never formulas)."""
        from openpyxl.cell import WriteOnlyCell

        sheet = workbook.create_sheet(title=ABOUT_SHEET_TITLE)
        for row in self.rows():
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)


def person_name(user) -> str:
    """How an export names the person who made it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    name = getattr(user, "display_name", "") or user.get_full_name()
    username = user.get_username()
    return f"{name} ({username})" if name and name != username else username


def _value_text(field, value) -> str:
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, slice):
        start, stop = (date_format(part, "j F Y") if part else "" for part in (value.start, value.stop))
        if start and stop:
            return str(_("%(start)s to %(stop)s") % {"start": start, "stop": stop})
        return str(_("from %(day)s") % {"day": start}) if start else str(_("until %(day)s") % {"day": stop})
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "model"):
        return ", ".join(_value_text(field, item) for item in value)
    choices = getattr(field, "choices", None)
    if choices is not None and not hasattr(value, "pk"):
        labels = {str(key): label for key, label in getattr(field, "flat_choices", choices) if key not in ("", None)}
        if str(value) in labels:
            return str(labels[str(value)])
    return str(value)


def filter_descriptions(filterset) -> list[tuple[str, str]]:
    """The filters a filterset applies, as (label, value) text; those left empty are not listed."""
    if filterset is None or not filterset.is_bound or not filterset.is_valid():
        return []
    described = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()) or (isinstance(value, slice) and not (value.start or value.stop)):
            continue
        if hasattr(value, "exists") and not value:
            continue
        described.append((str(field.label or name), _value_text(field, value)))
    return described


def describe_export(view) -> ExportAbout:
    """
    What the export ``view`` is making says about itself: the report's title, the signed-in
    person, now, the filters of its filterset, its search and any extra the view describes
    (``export_extra_filters()``, for parameters outside the filterset).
    """
    request = view.request
    filters = filter_descriptions(getattr(view, "filters", None))
    search = getattr(view, "search_query", "") if hasattr(view, "search_form") else ""
    if search:
        filters.append((str(_("Search")), str(search)))
    if hasattr(view, "export_extra_filters"):
        filters.extend(view.export_extra_filters())
    title = view.get_page_title() if hasattr(view, "get_page_title") else getattr(view, "page_title", "")
    return ExportAbout(
        report=str(title or view.get_filename()),
        exported_by=person_name(getattr(request, "user", None)),
        exported_at=timezone.localtime(),
        filters=tuple(filters),
    )


def sheet_title(report: str) -> str:
    """A report's title as an XLSX sheet may carry it (no ``[]:*?/\\``, at most 31 characters)."""
    title = SHEET_TITLE_FORBIDDEN.sub(" ", report).strip(" '") or "Report"
    return title[:SHEET_TITLE_MAX].rstrip()


def export_scope(view) -> str:
    """
    Whose records the export holds, for its file name: the view's own ``get_export_scope()``
    if it has one, else the unit chosen in its ``unit`` filter; empty when neither says.
    """
    if hasattr(view, "get_export_scope"):
        return view.get_export_scope() or ""
    filterset = getattr(view, "filters", None)
    if filterset is not None and "unit" in filterset.form.fields and filterset.is_valid():
        unit = filterset.form.cleaned_data.get("unit")
        if unit:
            return str(unit)
    return ""


def scoped_filename(view, extension: str) -> str:
    """
    ``<report>-<scope>-<date>.<extension>``: the view's ``get_filename()`` (its report name,
    often already dated), the scope of ``export_scope`` and today's date, which is added when
    the name has none.
    """
    base = view.get_filename()
    match = DATED.match(base)
    day = match["date"] if match else f"{timezone.localdate():%Y-%m-%d}"
    base = match["base"] if match else base
    scope = slugify(export_scope(view))
    return "-".join(part for part in (base, scope, day) if part) + f".{extension}"


def wants_csv_preamble(view) -> bool:
    """
    Reports (every ``ReportView``, and views that set ``export_about_csv = True``) start their
    CSV with the preamble; the record listings of viewsets (``IndexView``: exemptions,
    attempts, unit history) stay a bare table, as tools that import them expect, and carry
    who and when in their XLSX "About this export" sheet.
    """
    from wagtail.admin.views.reports import ReportView

    return getattr(view, "export_about_csv", isinstance(view, ReportView))


def patch_wagtail_exports() -> None:
    """
    Make every Wagtail export neutralise its CSV cells, write booleans as "Yes"/"No", say
    what it is (the CSV preamble for reports, the XLSX sheets) and carry a scoped, dated file
    name (idempotent).
    """
    from django.http import StreamingHttpResponse
    from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return
    original_stream_csv = SpreadsheetExportMixin.stream_csv

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, bool) and field not in self.custom_field_preprocess:
            value = str(_("Yes") if value else _("No"))
        value = original(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    def export_about(self) -> ExportAbout:
        about = getattr(self, "_export_about", None)
        if about is None:
            about = self._export_about = describe_export(self)
        return about

    def stream_csv(self, queryset):
        if wants_csv_preamble(self):
            yield self.export_about().csv_preamble()
        yield from original_stream_csv(self, queryset)

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook

        about = self.export_about()
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(about.report))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format))
        about.add_sheet(workbook)
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        output = io.BytesIO()
        self.write_xlsx(queryset, output)
        return xlsx_response(self, output)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{scoped_filename(self, "csv")}"'
        return response

    def get_export_url(self, format):
        # From the listing's own address (not its results-only one, which the filters refresh
        # through), without the page being shown: an export is every row.
        params = self.request.GET.copy()
        for key in LISTING_ONLY_PARAMS:
            params.pop(key, None)
        params["export"] = format
        return f"{getattr(self, 'index_url', None) or self.request.path}?{params.urlencode()}"

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.get_export_url = get_export_url
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.export_about = export_about
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin.write_xlsx = write_xlsx
    SpreadsheetExportMixin.write_xlsx_response = write_xlsx_response
    SpreadsheetExportMixin.write_csv_response = write_csv_response


def xlsx_response(view, output: io.BytesIO) -> FileResponse:
    """A workbook written to ``output`` as the view's download, named for its scope."""
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=scoped_filename(view, "xlsx"),
    )
