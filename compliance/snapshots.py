"""
The compliance snapshots in the Wagtail admin (Reports): the list of snapshots, one
snapshot's figures (filtered by unit with its sub-units, course and rank) and the comparison
of two dates (each unit × course's compliance rate at both and the change). Scoped as the
charts' trend is (``selectors._snapshot_scope``: everything for those who see every record,
the units they manage now for a manager). Open to the holders of the compliance reports'
permission (``CompliancePermissionMixin``).

The CSV and XLSX exports are the freedom-of-information answers: small counts suppressed
with secondary suppression (``compliance.suppression``), said in the preamble. The pages
themselves show the figures in full (their readers may see the records behind them).
"""

import csv
import datetime
import io
from collections import defaultdict
from types import SimpleNamespace

import django_filters
from django.db.models import Count, QuerySet
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from accounts.filters import UnitTreeFilter
from accounts.models import Rank
from core.spreadsheets import safe_csv_row, scoped_filename, sheet_title, xlsx_response

from . import selectors, suppression
from .models import ComplianceSnapshot, ComplianceSnapshotFigure
from .reports import CompliancePermissionMixin

#: The published counts of a figure: these add up to ``total`` ("other": neither compliant
#: nor overdue, such as due soon or not yet due).
COUNT_COLUMNS = ("compliant", "overdue", "other")


def _scoped_figures(viewer) -> QuerySet[ComplianceSnapshotFigure]:
    figures = ComplianceSnapshotFigure.objects.all()
    scope = selectors._snapshot_scope(viewer)
    return figures if scope is None else figures.filter(scope)


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def write_export(view, headings: list[str], rows: list[list], spreadsheet_format: str):
    """
    CSV or XLSX: the house preamble (who, when, which filters, with the suppression note
    among the filters: ``SnapshotExportMixin.export_extra_filters``), then the table.
    """
    about = view.export_about()
    view.audit_export(len(rows), suppressed_below=suppression.threshold())
    if spreadsheet_format == "csv":
        buffer = io.StringIO(about.csv_preamble())
        buffer.seek(0, io.SEEK_END)
        writer = csv.writer(buffer)
        writer.writerow(headings)
        writer.writerows(safe_csv_row(row) for row in rows)
        response = StreamingHttpResponse([buffer.getvalue().encode("utf-8")], content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{scoped_filename(view, "csv")}"'
        return response
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=sheet_title(about.report))
    sheet.append(headings)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    about.add_sheet(workbook)
    output = io.BytesIO()
    workbook.save(output)
    return xlsx_response(view, output)


class SnapshotExportMixin:
    """Exports answered from the whole filtered table, suppressed (never Wagtail's row-by-row writer)."""

    def get(self, request, *args, **kwargs):
        if self.is_export:
            spreadsheet_format = request.GET.get("export")
            if spreadsheet_format not in (self.FORMAT_CSV, self.FORMAT_XLSX):
                raise Http404
            return write_export(self, *self.suppressed_table(), spreadsheet_format)
        return super().get(request, *args, **kwargs)

    def export_extra_filters(self) -> list[tuple[str, str]]:
        return [*self.export_scope_filters(), *suppression.preamble_lines()]

    def export_scope_filters(self) -> list[tuple[str, str]]:
        return []


# The list of snapshots


class SnapshotListView(CompliancePermissionMixin, ReportView):
    page_title = _("Compliance snapshots")
    header_icon = "history"
    index_url_name = "compliance_reports:snapshots"
    index_results_url_name = "compliance_reports:snapshots_results"
    audit_name = "snapshots"
    paginate_by = 50
    model = ComplianceSnapshot
    columns = [
        TitleColumn(
            "day",
            label=_("Compliance at the end of"),
            get_url=lambda snapshot: reverse("compliance_reports:snapshot", args=[snapshot.pk]),
        ),
        Column("taken_at", label=_("Taken")),
        Column("figures_count", label=_("Lines")),
    ]
    list_export = ["day", "taken_at", "figures_count"]
    export_headings = {"day": _("Day"), "taken_at": _("Taken"), "figures_count": _("Lines")}

    def get_filename(self):
        return "compliance-snapshots"

    def get_queryset(self):
        return ComplianceSnapshot.objects.annotate(figures_count=Count("figures")).order_by("-day")

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Compare two dates"), url=reverse("compliance_reports:snapshot_compare"), icon_name="history"
            )
        ]


# One snapshot's figures


class SnapshotFigureFilterSet(WagtailFilterSet):
    unit = UnitTreeFilter(
        field_name="unit", path_field="unit__path", queryset=lambda request: selectors.units_in_scope(request.user)
    )
    course = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.required_courses(request.user), label=_("Course")
    )
    rank = django_filters.ChoiceFilter(choices=Rank.choices, label=_("Rank or role"))

    class Meta:
        model = ComplianceSnapshotFigure
        fields = []


class SnapshotFiguresView(SnapshotExportMixin, CompliancePermissionMixin, ReportView):
    header_icon = "history"
    index_url_name = "compliance_reports:snapshot"
    index_results_url_name = "compliance_reports:snapshot_results"
    audit_name = "snapshot"
    filterset_class = SnapshotFigureFilterSet
    paginate_by = 100
    #: Shows the download buttons; the exports are ``suppressed_table``'s.
    list_export = ["unit_name", "course", "rank", "total", "compliant", "overdue"]
    columns = [
        Column("unit_name", label=_("Unit")),
        Column("course_title", label=_("Course"), accessor="course.title"),
        Column("rank_label", label=_("Rank or role"), accessor="get_rank_display"),
        Column("total", label=_("Required")),
        Column("compliant", label=_("Compliant")),
        Column("percent_text", label=_("Compliant (%)")),
        Column("overdue", label=_("Overdue or expired")),
        Column("expiring", label=_("Expiring soon")),
        Column("due_soon", label=_("Due soon")),
    ]

    @cached_property
    def snapshot(self) -> ComplianceSnapshot:
        return get_object_or_404(ComplianceSnapshot, pk=self.kwargs["pk"])

    @property
    def index_url(self):
        return reverse(self.index_url_name, args=[self.snapshot.pk])

    @property
    def index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.snapshot.pk])

    def get_page_title(self):
        return _("Compliance at the end of %(day)s") % {"day": f"{self.snapshot.day:%d %B %Y}"}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("compliance_reports:snapshots"), "label": _("Compliance snapshots")},
            {"url": "", "label": f"{self.snapshot.day:%Y-%m-%d}"},
        ]

    def get_filename(self):
        return f"compliance-snapshot-{self.snapshot.day:%Y-%m-%d}"

    def export_scope_filters(self) -> list[tuple[str, str]]:
        return [(str(_("Snapshot")), f"{self.snapshot.day:%Y-%m-%d}")]

    def get_queryset(self):
        figures = _scoped_figures(self.request.user).filter(snapshot=self.snapshot).select_related("course")
        return figures.order_by("course__title", "unit_path", "rank", "pk")

    def decorate_paginated_queryset(self, object_list):
        for figure in object_list:
            figure.percent_text = percent_text(percent(figure.compliant, figure.total))
        return object_list

    def suppressed_table(self) -> tuple[list[str], list[list]]:
        """Headings and rows: each course's lines, then the course's total, counts suppressed."""
        rows = self.get_filtered_queryset().values_list(
            "course__title", "unit_name", "rank", "total", "compliant", "overdue"
        )
        groups: dict[str, list[dict]] = defaultdict(list)
        for course, unit, rank, total, compliant, overdue in rows:
            groups[course].append(
                {
                    "unit": unit,
                    "rank": rank,
                    "total": total,
                    "compliant": compliant,
                    "overdue": overdue,
                    "other": max(total - compliant - overdue, 0),
                }
            )
        table = suppression.SuppressedTable(groups, columns=COUNT_COLUMNS, total_column="total")
        ranks = dict(Rank.choices)
        headings = [
            str(_("Course")),
            str(_("Unit")),
            str(_("Rank or role")),
            str(_("Required")),
            str(_("Compliant")),
            str(_("Overdue or expired")),
            str(_("Neither (due soon or not yet due)")),
            str(_("Compliant (%)")),
        ]
        out = []
        for course, members in groups.items():
            for index, member in [*enumerate(members), ("total", None)]:
                label = (member["unit"], str(ranks.get(member["rank"], ""))) if member else (str(_("All")), "")
                out.append(
                    [
                        course,
                        *label,
                        table.shown((course, index, "total")),
                        *(table.shown((course, index, column)) for column in COUNT_COLUMNS),
                        table.percent((course, index, "compliant"), (course, index, "total")),
                    ]
                )
        return headings, out


# Two dates compared


def snapshot_days():
    return ComplianceSnapshot.objects.order_by("-day").values_list("day", flat=True)


def snapshot_day_choices() -> list[tuple[str, str]]:
    return [(day.isoformat(), f"{day:%d %B %Y}") for day in snapshot_days()]


class SnapshotChoiceFilter(django_filters.TypedChoiceFilter):
    """A snapshot's day, chosen among those taken; filters nothing by itself."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", datetime.date.fromisoformat)
        kwargs.setdefault("choices", snapshot_day_choices)
        kwargs.setdefault("method", lambda queryset, name, value: queryset)
        super().__init__(*args, **kwargs)


class SnapshotCompareFilterSet(WagtailFilterSet):
    earlier = SnapshotChoiceFilter(label=_("Earlier date"))
    later = SnapshotChoiceFilter(label=_("Later date"))
    unit = UnitTreeFilter(
        field_name="unit", path_field="unit__path", queryset=lambda request: selectors.units_in_scope(request.user)
    )
    course = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.required_courses(request.user), label=_("Course")
    )

    class Meta:
        model = ComplianceSnapshotFigure
        fields = []


class SnapshotCompareView(SnapshotExportMixin, CompliancePermissionMixin, ReportView):
    """Each unit × course's compliance rate at two snapshot dates and the change (percentage points)."""

    page_title = _("Compliance compared between two dates")
    header_icon = "history"
    index_url_name = "compliance_reports:snapshot_compare"
    index_results_url_name = "compliance_reports:snapshot_compare_results"
    audit_name = "snapshot_compare"
    filterset_class = SnapshotCompareFilterSet
    paginate_by = None
    #: Shows the download buttons; the exports are ``suppressed_table``'s.
    list_export = ["unit", "course", "earlier", "later", "change"]
    columns = [
        Column("unit", label=_("Unit")),
        Column("course", label=_("Course")),
        Column("earlier_text", label=_("Compliant (%) then")),
        Column("later_text", label=_("Compliant (%) later")),
        Column("change_text", label=_("Change (points)")),
    ]

    def get_filename(self):
        earlier, later = self.days
        if earlier and later:
            return f"compliance-compared-{earlier:%Y-%m-%d}-{later:%Y-%m-%d}"
        return "compliance-compared"

    @cached_property
    def days(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The two days chosen (the two latest snapshots by default)."""
        filters = self.filters
        chosen = filters.form.cleaned_data if filters is not None and filters.is_valid() else {}
        latest = list(snapshot_days()[:2])
        earlier = chosen.get("earlier") or (latest[1] if len(latest) > 1 else None)
        later = chosen.get("later") or (latest[0] if latest else None)
        if earlier and later and earlier > later:
            earlier, later = later, earlier
        return earlier, later

    def figures(self):
        """Per unit × course at each of the two days: (day, unit, path, name, course, total, compliant), one query."""
        from django.db.models import Sum

        earlier, later = self.days
        if not (earlier and later):
            return []
        figures = self.filter_queryset(_scoped_figures(self.request.user).filter(snapshot__day__in={earlier, later}))
        return (
            figures.values("snapshot__day", "unit_id", "unit_name", "course__title")
            .annotate(total_sum=Sum("total"), compliant_sum=Sum("compliant"))
            .order_by("course__title", "unit_name", "unit_id")
        )

    def comparison(self) -> list[SimpleNamespace]:
        earlier, later = self.days
        rows: dict[tuple, SimpleNamespace] = {}
        for figure in self.figures():
            key = (figure["course__title"], figure["unit_id"] or figure["unit_name"])
            row = rows.get(key)
            if row is None:
                row = rows[key] = SimpleNamespace(
                    course=figure["course__title"],
                    unit=figure["unit_name"],
                    earlier=(0, 0),
                    later=(0, 0),
                )
            counts = (figure["compliant_sum"] or 0, figure["total_sum"] or 0)
            if figure["snapshot__day"] == earlier:
                row.earlier = counts
            if figure["snapshot__day"] == later:
                row.later = counts
        for row in rows.values():
            row.earlier_percent = percent(*row.earlier)
            row.later_percent = percent(*row.later)
            row.change = (
                round(row.later_percent - row.earlier_percent, 1)
                if row.earlier_percent is not None and row.later_percent is not None
                else None
            )
            row.earlier_text = percent_text(row.earlier_percent)
            row.later_text = percent_text(row.later_percent)
            row.change_text = "" if row.change is None else f"{row.change:+.1f}"
        return sorted(rows.values(), key=lambda row: (row.course, row.unit))

    def get_queryset(self):
        return self.comparison()

    def filter_queryset(self, queryset):
        # The comparison's rows are built from figures filtered already (``figures``).
        if isinstance(queryset, list):
            return queryset
        return super().filter_queryset(queryset)

    def get_page_subtitle(self):
        earlier, later = self.days
        if earlier and later:
            return _("%(earlier)s and %(later)s") % {"earlier": f"{earlier:%d %B %Y}", "later": f"{later:%d %B %Y}"}
        return _("Two snapshots are needed")

    def export_scope_filters(self) -> list[tuple[str, str]]:
        earlier, later = self.days
        return [(str(_("Dates")), f"{earlier or ''} – {later or ''}")]

    def suppressed_table(self) -> tuple[list[str], list[list]]:
        """
        Per unit × course at both dates: required, compliant, the rate and the change. Each
        date's table is suppressed on its own (lines: compliant + not compliant = required per
        row; each course's units add up to its total); a rate shows only if its counts do, a
        change only if both rates do.
        """
        rows = self.comparison()
        tables = {}
        for when in ("earlier", "later"):
            groups: dict[str, list[dict]] = defaultdict(list)
            for row in rows:
                compliant, total = getattr(row, when)
                groups[row.course].append(
                    {"total": total, "compliant": compliant, "not_compliant": max(total - compliant, 0)}
                )
            tables[when] = suppression.SuppressedTable(
                groups, columns=("compliant", "not_compliant"), total_column="total"
            )
        earlier, later = self.days
        headings = [
            str(_("Course")),
            str(_("Unit")),
            str(_("Required on %(day)s") % {"day": earlier}),
            str(_("Compliant on %(day)s") % {"day": earlier}),
            str(_("Compliant (%%) on %(day)s") % {"day": earlier}),
            str(_("Required on %(day)s") % {"day": later}),
            str(_("Compliant on %(day)s") % {"day": later}),
            str(_("Compliant (%%) on %(day)s") % {"day": later}),
            str(_("Change (points)")),
        ]
        out = []
        index_in_course: dict[str, int] = defaultdict(int)
        courses = []
        for row in rows:
            index = index_in_course[row.course]
            index_in_course[row.course] += 1
            if row.course not in courses:
                courses.append(row.course)
            out.append([row.course, row.unit, *self._published(tables, row.course, index)])
        for course in courses:
            out.append([course, str(_("All")), *self._published(tables, course, "total")])
        return headings, out

    def _published(self, tables, course, index) -> list:
        cells = []
        rates = []
        for when in ("earlier", "later"):
            table = tables[when]
            rate = table.percent((course, index, "compliant"), (course, index, "total"))
            rates.append(rate)
            cells += [table.shown((course, index, "total")), table.shown((course, index, "compliant")), rate]
        change = f"{float(rates[1]) - float(rates[0]):+.1f}" if all(rates) else ""
        return [*cells, change]
