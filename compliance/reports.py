"""
Managers' reports in the Wagtail admin (``ReportView``): the compliance summary (units ×
courses), the officer list with its overdue and expiring variants, and charts. Every one is
scoped by ``selectors.scoped_states`` (the stored state, with today's status) and computed
with a fixed number of queries.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from types import SimpleNamespace
from typing import NamedTuple

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from accounts.filters import UnitTreeFilter
from accounts.models import Rank, User
from audit.models import Action
from audit.services import record_event
from core.reports import ReportPermissionMixin
from core.spreadsheets import ExportAbout, safe_csv_row, scoped_filename, sheet_title, xlsx_response

from . import selectors
from .columns import DaysOverdueColumn, LabelledColumn, NameColumn, StatusTagColumn, day, percent_text, person_name
from .models import ComplianceState
from .pagination import KeysetPaginationMixin
from .status import Rating, Status, rag_rating

REPORT_PERMISSION = "compliance.view_compliance_reports"


#: Query-string keys that are not filters (paging, the export format, Wagtail's fragment flag).
NOT_FILTERS = frozenset({"export", "p", "after", "before", "_w_filter_fragment"})


def querystring_filters(query: QueryDict) -> dict:
    """The filters in a query string, as the audit trail records them."""
    return {key: values if len(values) > 1 else values[0] for key, values in query.lists() if key not in NOT_FILTERS}


class CompliancePermissionMixin(ReportPermissionMixin):
    """Open to the holders of the compliance reports' permission; each view shown is recorded in the audit trail."""

    permission_required = REPORT_PERMISSION
    #: The report's name in the audit trail ("report:overdue"); None for views that are not reports.
    audit_name: str | None = None

    #: Exports start with who, when and which filters (``core.spreadsheets.ExportAbout``).
    export_about_csv = True

    def get_export_scope(self) -> str:
        """
        For the file name: the unit chosen in the filters, else the viewer's one top unit
        ("all units" for those who see the whole force, or whose units are several trees).
        """
        filterset = getattr(self, "filters", None)
        if filterset is not None and "unit" in filterset.form.fields and filterset.is_valid():
            unit = filterset.form.cleaned_data.get("unit")
            if unit:
                return unit.name
        user = self.request.user
        if not selectors.can_see_all_training_records(user):
            units = list(selectors.units_in_scope(user).only("path", "name"))
            if units and all(unit.path.startswith(units[0].path) for unit in units):
                return units[0].name
        return str(_("all units"))

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.audit_name and not getattr(self, "is_export", False) and response.status_code == 200:
            # Rendered first: writing pins the request to the primary database, and the
            # report's own reads belong on the replica when there is one.
            if hasattr(response, "render"):
                response.render()
            record_event(
                action=Action.REPORT_VIEWED,
                request=request,
                target=f"report:{self.audit_name}",
                data={"filters": querystring_filters(request.GET)},
            )
        return response

    def audit_export(self, rows: int | None, **data) -> None:
        """Record who exported this report, with which filters, in which format and how many rows."""
        record_event(
            action=Action.REPORT_EXPORTED,
            request=self.request,
            target=f"report:{self.audit_name}",
            data={
                "format": self.request.GET.get("export"),
                "filters": querystring_filters(self.request.GET),
                "rows": rows,
                **data,
            },
        )

    def as_spreadsheet(self, rows, spreadsheet_format):
        rows = list(rows)
        if self.audit_name:
            self.audit_export(len(rows))
        return super().as_spreadsheet(rows, spreadsheet_format)

    @cached_property
    def window(self) -> selectors.Window:
        return selectors.Window.now()


# The officer list


class OfficerStatusFilterSet(WagtailFilterSet):
    # Only the units and courses in the viewer's scope can be chosen.
    unit = UnitTreeFilter(
        field_name="unit", path_field="unit_path", queryset=lambda request: selectors.units_in_scope(request.user)
    )
    course = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.required_courses(request.user), label=_("Course")
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), widget=forms.CheckboxSelectMultiple
    )
    rank = django_filters.ChoiceFilter(field_name="user__rank", choices=Rank.choices, label=_("Rank or role"))
    next_due = django_filters.DateFromToRangeFilter(label=_("Due between"))
    expiring = django_filters.BooleanFilter(label=_("Expiring soon"))
    provenance = django_filters.ChoiceFilter(
        choices=selectors.provenance_choices, label=_("Provenance"), method="filter_provenance"
    )

    class Meta:
        model = ComplianceState
        fields = []

    def filter_provenance(self, queryset, name, value):
        # "Exempt": a requirement met by an exemption; the others: how the latest completion came about.
        if value == selectors.EXEMPT:
            return queryset.filter(is_exempt=True)
        return queryset.filter(provenance=value, is_exempt=False)


def provenance_labels() -> dict[str, str]:
    """Every provenance label by value ("" for no completion), translated once per export."""
    return {"": "", **{value: str(label) for value, label in selectors.provenance_choices()}}


def _unit_name(assignment) -> str:
    return str(assignment.unit) if assignment.unit_id else ""


#: What the officer lists export, read with ``values_list`` (no model instances): the names
#: ``with_status`` (and the stored compliance state) annotate, plus the person, unit and course.
EXPORT_VALUES = (
    "user__warrant_number",
    "user__first_name",
    "user__last_name",
    "user__username",
    "user__rank",
    "user__is_detective",
    "unit__name",
    "course__title",
    "status",
    "expiring",
    "next_due",
    "completed_at",
    "valid_until",
    "score",
    "provenance",
)


def status_labels() -> dict[tuple[str, bool], str]:
    """Every (status, expiring) label, translated once per export rather than once per row."""
    labels = {}
    for status in Status:
        labels[status.value, False] = str(status.label)
        labels[status.value, True] = str(_("%(status)s, expiring") % {"status": status.label})
    return labels


def export_rows(values: Iterable[tuple]) -> Iterator[tuple]:
    """
    Rows in ``OfficerStatusReportView.list_export`` order from ``EXPORT_VALUES`` tuples: the
    same text as ``User.display_name``, ``User.rank_title`` and the list's columns, computed
    with dictionary look-ups (labels and rank titles are made once per export).
    """
    labels = status_labels()
    provenances = provenance_labels()
    rank_titles: dict[tuple[str, bool], str] = {}
    zone = timezone.get_current_timezone()

    def rows():
        for (
            warrant,
            first_name,
            last_name,
            username,
            rank,
            detective,
            unit,
            course,
            status,
            expiring,
            next_due,
            completed_at,
            valid_until,
            score,
            provenance,
        ) in values:
            title = rank_titles.get((rank, detective))
            if title is None:
                title = rank_titles[rank, detective] = User(rank=rank, is_detective=detective).rank_title
            name = f"{first_name} {last_name}".strip() or username
            if title:
                name = f"{title} {name}"
            if warrant:
                name = f"{name} ({warrant})"
            yield (
                warrant,
                name,
                title,
                unit or "",
                course,
                labels[status, bool(expiring)],
                next_due,
                completed_at.astimezone(zone).date() if completed_at else None,
                valid_until,
                f"{score:.2f}" if score is not None else "",
                provenances[selectors.EXEMPT if status == Status.EXEMPT else provenance],
            )

    return rows()


def csv_chunks(
    headings: list[str], rows: Iterable[tuple], rows_per_chunk: int = 1000, preamble: str = ""
) -> Iterator[bytes]:
    """
    CSV (the csv module's dialect, as Wagtail writes it) in chunks of many rows, not one per
    row; formula-like cells neutralised as in every export (``core.spreadsheets``). The
    ``preamble`` (``ExportAbout.csv_preamble()``: who, when, which filters) comes first, once.
    """
    buffer = io.StringIO(preamble)
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer)
    writer.writerow(headings)
    rows = map(safe_csv_row, rows)
    while True:
        writer.writerows(islice(rows, rows_per_chunk))
        chunk = buffer.getvalue()
        if not chunk:
            return
        yield chunk.encode("utf-8")
        buffer.seek(0)
        buffer.truncate()


def write_xlsx(headings: list[str], rows: Iterable[tuple], output, *, about: ExportAbout) -> int:
    """
    An XLSX workbook in openpyxl's write-only mode (rows go to a temporary file, not memory),
    text that looks like a formula kept as text, as Wagtail's export does: the rows on a sheet
    named after the report, then "About this export" (who, when, which filters). Returns the
    rows written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=sheet_title(about.report))
    sheet.append(headings)
    count = 0
    for row in rows:
        cells = list(row)
        for index, value in enumerate(cells):
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"
                cells[index] = cell
        sheet.append(cells)
        count += 1
    about.add_sheet(workbook)
    workbook.save(output)
    return count


class OfficerStatusReportView(CompliancePermissionMixin, KeysetPaginationMixin, ReportView):
    page_title = _("Officers' training status")
    header_icon = "user"
    index_url_name = "compliance_reports:officers"
    index_results_url_name = "compliance_reports:officers_results"
    #: The key exports are filed under (``ExportJob.report``), to rebuild this view in the task.
    export_key = "officers"
    audit_name = "officers"
    filterset_class = OfficerStatusFilterSet
    paginate_by = 50
    #: Stable order for pages and exports; ends with the primary key so each row has one place.
    keyset_ordering = ("sort_due", "pk")  # (sort_due, pk): a total order on an index; "never" last
    export_chunk_size = 5000
    #: Stacked, one card per row, on narrow screens (``core/static/core/admin.css``).
    table_classname = "listing app-stack"
    columns = [
        NameColumn(
            "name",
            label=_("Name"),
            accessor=lambda assignment: person_name(assignment.user),
            get_url=lambda assignment: reverse("compliance_reports:transcript", args=[assignment.user_id]),
        ),
        LabelledColumn("warrant_number", label=_("Warrant no."), accessor="user.warrant_number"),
        LabelledColumn("rank", label=_("Rank"), accessor="user.rank_title"),
        LabelledColumn("unit", label=_("Unit"), accessor=_unit_name),
        LabelledColumn("course", label=_("Course"), accessor="course.title"),
        StatusTagColumn("status", label=_("Status")),
        LabelledColumn("next_due", label=_("Due"), classname="app-nowrap", accessor=lambda a: day(a.next_due)),
        # Counted from the stored due date; empty unless overdue or expired.
        DaysOverdueColumn("days_overdue", label=_("Days overdue"), classname="app-nowrap"),
        LabelledColumn(
            "completed", label=_("Completed"), classname="app-nowrap", accessor=lambda a: day(a.completed_on)
        ),
        LabelledColumn(
            "valid_until", label=_("Valid until"), classname="app-nowrap", accessor=lambda a: day(a.valid_until)
        ),
        LabelledColumn("score", label=_("Score"), accessor=lambda a: percent_text(a.score)),
        LabelledColumn("provenance", label=_("Provenance"), accessor="provenance_label"),
    ]
    list_export = [
        "user.warrant_number",
        "user.display_name",
        "user.rank_title",
        "unit_name",
        "course.title",
        "status_label",
        "next_due",
        "completed_on",
        "valid_until",
        "score_text",
        "provenance_label",
    ]
    export_headings = {
        "user.warrant_number": _("Warrant number"),
        "user.display_name": _("Name"),
        "user.rank_title": _("Rank"),
        "unit_name": _("Unit"),
        "course.title": _("Course"),
        "status_label": _("Status"),
        "next_due": _("Due"),
        "completed_on": _("Completed"),
        "valid_until": _("Valid until"),
        "score_text": _("Score (%)"),
        "provenance_label": _("Provenance"),
    }

    def get_filename(self):
        return f"training-status-{timezone.localdate():%Y-%m-%d}"

    def export_extra_filters(self) -> list[tuple[str, str]]:
        return []

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the spreadsheet, never through the listing's context and pagination.
            return self.export(request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def base_assignments(self) -> QuerySet:
        return selectors.scoped_states(self.request.user, self.window)

    def get_queryset(self) -> QuerySet:
        return self.base_assignments().select_related("user", "unit", "course").order_by(*self.keyset_ordering)

    def decorate_paginated_queryset(self, object_list):
        for assignment in object_list:
            self.decorate(assignment)
        return object_list

    def decorate(self, assignment):
        assignment.status_label = Status(assignment.status).label
        if assignment.expiring:
            assignment.status_label = _("%(status)s, expiring") % {"status": assignment.status_label}
        assignment.unit_name = _unit_name(assignment)
        assignment.completed_on = timezone.localdate(assignment.completed_at) if assignment.completed_at else None
        # Two places on every database (SQLite returns subquery decimals unrounded).
        assignment.score_text = f"{assignment.score:.2f}" if assignment.score is not None else ""
        assignment.today = self.window.today
        assignment.provenance_label = self.provenance_labels[
            selectors.EXEMPT if assignment.status == Status.EXEMPT else assignment.provenance
        ]
        return assignment

    @cached_property
    def provenance_labels(self) -> dict[str, str]:
        return provenance_labels()

    # Exports: rows from values_list, streamed from a server-side cursor

    def export_headings_list(self) -> list[str]:
        return [self.get_heading(None, field) for field in self.list_export]

    def export_values(self) -> QuerySet:
        """The filtered rows as ``EXPORT_VALUES`` tuples, in the list's order."""
        return self.get_filtered_queryset().order_by(*self.keyset_ordering).values_list(*EXPORT_VALUES)

    def export_querystring(self) -> str:
        """The filters behind this export, as the background job will apply them again."""
        params = self.request.GET.copy()
        for key in ("export", self.after_kwarg, self.before_kwarg, self.page_kwarg, "_w_filter_fragment"):
            params.pop(key, None)
        return params.urlencode()

    def export(self, spreadsheet_format):
        if spreadsheet_format == self.FORMAT_CSV:
            return self.write_csv_response(self.export_values())
        limit = settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS
        rows = list(self.export_values()[: limit + 1])
        if len(rows) > limit:
            return self.export_in_background()
        self.audit_export(len(rows))
        output = io.BytesIO()
        write_xlsx(self.export_headings_list(), export_rows(rows), output, about=self.export_about())
        return xlsx_response(self, output)

    def export_in_background(self):
        from .exports import request_export

        request_export(
            user=self.request.user,
            report=self.export_key,
            querystring=self.export_querystring(),
            filename=scoped_filename(self, "xlsx"),
        )
        messages.info(
            self.request,
            _(
                "This spreadsheet has more than %(limit)s rows, so it is being prepared in the background. "
                "It will be listed here, ready to download, when it is done."
            )
            % {"limit": number_format(settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS, force_grouping=True)},
        )
        return redirect("compliance_reports:exports")

    def stream_csv(self, values):
        """
        The whole list, streamed: a server-side cursor on PostgreSQL, many rows per chunk. The
        export is recorded when the stream ends, with the rows sent (and whether it was cut off).
        """
        rows = export_rows(values.iterator(chunk_size=self.export_chunk_size))
        return csv_chunks(self.export_headings_list(), self.counted(rows), preamble=self.export_about().csv_preamble())

    def counted(self, rows: Iterator[tuple]) -> Iterator[tuple]:
        sent = 0
        complete = False
        try:
            for row in rows:
                yield row
                sent += 1
            complete = True
        finally:
            self.audit_export(sent, complete=complete)


class OverdueReportView(OfficerStatusReportView):
    page_title = _("Overdue and expired")
    header_icon = "warning"
    index_url_name = "compliance_reports:overdue"
    index_results_url_name = "compliance_reports:overdue_results"

    def base_assignments(self):
        return super().base_assignments().filter(status__in=[Status.OVERDUE, Status.EXPIRED])

    # "Days overdue" (a column of every officer list) is this list's order already, longest
    # overdue first: the keyset order (sort_due, pk) is the due date ascending. It is not
    # offered the other way round: that needs a second cursor order and index for one column.

    export_key = "overdue"
    audit_name = "overdue"

    def get_filename(self):
        return f"overdue-training-{timezone.localdate():%Y-%m-%d}"


class ExpiringReportView(OfficerStatusReportView):
    """Completions that run out within N days (``?days=N``, 30 by default from the settings)."""

    page_title = _("Expiring soon")
    header_icon = "time"
    index_url_name = "compliance_reports:expiring"
    index_results_url_name = "compliance_reports:expiring_results"

    @cached_property
    def window(self) -> selectors.Window:
        window = selectors.Window.now()
        try:
            days = int(self.request.GET.get("days", window.expiring_days))
        except ValueError:
            days = window.expiring_days
        return selectors.Window(window.today, window.due_soon_days, min(max(days, 1), 366))

    export_key = "expiring"
    audit_name = "expiring"

    def base_assignments(self):
        return super().base_assignments().filter(expiring=True)

    def get_filename(self):
        return f"expiring-training-{timezone.localdate():%Y-%m-%d}"

    def get_page_subtitle(self):
        return _("Expiring within %(days)s days") % {"days": self.window.expiring_days}

    def export_extra_filters(self) -> list[tuple[str, str]]:
        return [(str(_("Expiring within")), str(_("%(days)s days") % {"days": self.window.expiring_days}))]


#: The lists whose XLSX can be prepared in the background, by ``ExportJob.report``.
EXPORTABLE_REPORTS = {
    view.export_key: view for view in (OfficerStatusReportView, OverdueReportView, ExpiringReportView)
}


def report_for(report: str, *, user, querystring: str) -> OfficerStatusReportView:
    """
    The report view as ``user`` would see it with these filters, outside any request (for the
    export task). Its permission is checked again: someone who lost the role gets nothing.
    """
    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(querystring)
    request.user = user
    view = EXPORTABLE_REPORTS[report]()
    view.setup(request)
    if not view.user_has_permission(view.permission_required):
        raise PermissionDenied
    return view


# The summary: units × courses


class ComplianceSummaryView(CompliancePermissionMixin, ReportView):
    page_title = _("Compliance summary")
    header_icon = "table"
    index_url_name = "compliance_reports:summary"
    index_results_url_name = "compliance_reports:summary_results"
    results_template_name = "compliance/admin/summary_results.html"
    audit_name = "summary"
    paginate_by = None
    list_export = ["unit", "course", "total", "compliant", "percent", "rating", "overdue", "expiring", "due_soon"]
    export_headings = {
        "unit": _("Unit"),
        "course": _("Course"),
        "total": _("People required"),
        "compliant": _("Compliant"),
        "percent": _("Compliant (%)"),
        "rating": _("Rating"),
        "overdue": _("Overdue or expired"),
        "expiring": _("Expiring soon"),
        "due_soon": _("Due soon"),
    }

    def get_filename(self):
        return f"compliance-summary-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def matrix(self) -> selectors.Matrix:
        return selectors.compliance_matrix(self.request.user, self.window)

    def get_queryset(self):
        if self.is_export:
            return [
                SimpleNamespace(
                    unit=row.unit.name,
                    course=course.title,
                    percent=cell.percent,
                    rating=str(rating.label) if (rating := self.rating(cell)) else "",
                    **cell.__dict__,
                )
                for row in self.matrix.rows
                for course, cell in row.columns
            ]
        return self.matrix.rows

    def rating(self, cell: selectors.Cell) -> Rating | None:
        return rag_rating(
            cell.percent,
            green_from=settings.COMPLIANCE_GREEN_FROM_PERCENT,
            amber_from=settings.COMPLIANCE_AMBER_FROM_PERCENT,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        matrix = self.matrix
        context["matrix"] = matrix
        # Each cell with its reading, by unit (the table) and by course (read one course at a
        # time on a phone, where the table of every course cannot fit).
        rated = [
            (row, [SummaryCell(course, cell, self.rating(cell)) for course, cell in row.columns])
            for row in matrix.rows
        ]
        context["rated_rows"] = rated
        context["by_course"] = [
            (course, [(row, cells[index]) for row, cells in rated]) for index, course in enumerate(matrix.courses)
        ]
        context["green_from"] = settings.COMPLIANCE_GREEN_FROM_PERCENT
        context["amber_from"] = settings.COMPLIANCE_AMBER_FROM_PERCENT
        context["officers_url"] = reverse("compliance_reports:officers")
        context["window"] = self.window
        return context


class SummaryCell(NamedTuple):
    course: object
    cell: selectors.Cell
    rating: Rating | None

    @property
    def percent_text(self) -> str:
        return percent_text(self.cell.percent)


# Charts


CHART_TABLE_HEADINGS = {
    "units": {"label": _("Unit"), "compliant": _("Compliant"), "total": _("Required"), "percent": _("Compliant (%)")},
    "months": {"day": _("Date"), "compliant": _("Compliant"), "total": _("Required"), "percent": _("Compliant (%)")},
}


class ComplianceChartsView(
    CompliancePermissionMixin, SpreadsheetExportMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """
    Compliance by unit and over twelve months, each drawn and tabled; either table downloads
    as CSV or XLSX (``?export=csv&table=units`` or ``table=months``).
    """

    page_title = _("Compliance charts")
    audit_name = "charts"
    header_icon = "view"
    template_name = "compliance/admin/charts.html"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            self.table = request.GET.get("table")
            if self.table not in CHART_TABLE_HEADINGS:
                raise Http404("Choose table=units or table=months.")
            self.export_headings = CHART_TABLE_HEADINGS[self.table]
            self.list_export = list(self.export_headings)
            rows = self.bars() if self.table == "units" else self.points()
            return self.as_spreadsheet(rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def export_extra_filters(self) -> list[tuple[str, str]]:
        table = _("Compliance by unit") if self.table == "units" else _("Compliance at the end of each month")
        return [(str(_("Table")), str(table))]

    def bars(self):
        return selectors.compliance_by_unit(self.request.user, self.window)

    def points(self):
        return selectors.compliance_trend(self.request.user, self.window)

    def get_filename(self):
        return f"compliance-by-{'unit' if self.table == 'units' else 'month'}-{timezone.localdate():%Y-%m-%d}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bars, points = selectors.compliance_charts(self.request.user, self.window)
        context["bars"] = bars
        context["bar_chart"] = bar_chart(bars)
        context["points"] = points
        context["line"] = line_chart(points)
        return context


def bar_chart(bars, width=640, row_height=28, label_width=250, bar_width=300) -> dict:
    """SVG coordinates for the by-unit bars (the template draws them, with a table beside it)."""
    rows = [
        {
            "bar": bar,
            "y": index * row_height,
            "text_y": index * row_height + row_height / 2,
            "width": round(bar_width * bar.percent / 100, 1),
        }
        for index, bar in enumerate(bars)
    ]
    return {
        "width": width,
        "height": max(len(bars), 1) * row_height,
        "label_width": label_width,
        "bar_width": bar_width,
        "value_x": label_width + bar_width + 8,
        "bar_height": row_height - 10,
        "rows": rows,
    }


def line_chart(points, width=640, height=240, margin=40) -> dict:
    """SVG coordinates for the trend line (the template draws it, with a table beside it)."""
    usable = [(index, point) for index, point in enumerate(points) if point.percent is not None]
    step = (width - 2 * margin) / max(len(points) - 1, 1)
    coordinates = [
        (round(margin + index * step, 1), round(height - margin - (height - 2 * margin) * point.percent / 100, 1))
        for index, point in usable
    ]
    return {
        "width": width,
        "height": height,
        "margin": margin,
        "polyline": " ".join(f"{x},{y}" for x, y in coordinates),
        "dots": [(x, y, point) for (x, y), (_index, point) in zip(coordinates, usable, strict=True)],
        "labels": [(round(margin + index * step, 1), point.day) for index, point in enumerate(points)],
        "grid": [(pct, round(height - margin - (height - 2 * margin) * pct / 100, 1)) for pct in (0, 25, 50, 75, 100)],
    }
