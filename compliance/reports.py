"""
Managers' reports in the Wagtail admin (``ReportView``): the compliance summary (units ×
courses), the officer list with its overdue and expiring variants, and charts. Every one is
scoped by ``selectors.scoped_states`` (the stored state, with today's status) and computed
with a fixed number of queries.
"""

from types import SimpleNamespace

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from accounts.models import Rank
from accounts.selectors import unit_tree

from . import selectors
from .models import ComplianceState
from .status import Status

REPORT_PERMISSION = "compliance.view_compliance_reports"


class CompliancePermissionMixin:
    permission_required = "view_compliance_reports"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(REPORT_PERMISSION)

    @cached_property
    def window(self) -> selectors.Window:
        return selectors.Window.now()


# The officer list


class ScopedUnitFilter(django_filters.ModelChoiceFilter):
    """A unit and everything below it; only units in the viewer's scope can be chosen."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(unit_path__startswith=value.path)


class OfficerStatusFilterSet(WagtailFilterSet):
    unit = ScopedUnitFilter(queryset=unit_tree(), label=_("Unit (with its sub-units)"))
    course = django_filters.ModelChoiceFilter(queryset=None, label=_("Course"))
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), widget=forms.CheckboxSelectMultiple
    )
    rank = django_filters.ChoiceFilter(field_name="user__rank", choices=Rank.choices, label=_("Rank or role"))
    next_due = django_filters.DateFromToRangeFilter(label=_("Due between"))
    expiring = django_filters.BooleanFilter(label=_("Expiring soon"))

    class Meta:
        model = ComplianceState
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        viewer = request.user
        self.filters["unit"].queryset = selectors.units_in_scope(viewer)
        self.filters["course"].queryset = selectors.required_courses(viewer)


def _day(value) -> str:
    """Dates as dates ("9 Dec 2026"), not "1 year ago": a due date is a date."""
    return date_format(value, "j M Y") if value else ""


def _unit_name(assignment) -> str:
    return str(assignment.unit) if assignment.unit_id else ""


class OfficerStatusReportView(CompliancePermissionMixin, ReportView):
    page_title = _("Officers' training status")
    header_icon = "user"
    index_url_name = "compliance_reports:officers"
    index_results_url_name = "compliance_reports:officers_results"
    filterset_class = OfficerStatusFilterSet
    paginate_by = 50
    columns = [
        Column("warrant_number", label=_("Warrant no."), accessor="user.warrant_number"),
        TitleColumn(
            "name",
            label=_("Name"),
            accessor="user.display_name",
            get_url=lambda assignment: reverse("compliance_reports:transcript", args=[assignment.user_id]),
        ),
        Column("rank", label=_("Rank"), accessor="user.rank_title"),
        Column("unit", label=_("Unit"), accessor=_unit_name),
        Column("course", label=_("Course"), accessor="course.title"),
        Column("status_label", label=_("Status")),
        Column("next_due", label=_("Due"), accessor=lambda a: _day(a.next_due)),
        Column("completed", label=_("Completed"), accessor=lambda a: _day(a.completed_on)),
        Column("valid_until", label=_("Valid until"), accessor=lambda a: _day(a.valid_until)),
        Column("score_text", label=_("Score (%)")),
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
    }

    def get_filename(self):
        return f"training-status-{timezone.localdate():%Y-%m-%d}"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the spreadsheet: building the listing's context would count the
            # rows with len(), loading every one into memory before the first is written.
            return self.as_spreadsheet(self.get_filtered_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def base_assignments(self) -> QuerySet:
        return selectors.scoped_states(self.request.user, self.window)

    def get_queryset(self) -> QuerySet:
        # (sort_due, pk) is a total order on an index: next due first, "never" last.
        return self.base_assignments().select_related("user", "unit", "course").order_by("sort_due", "pk")

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return object_list  # rows are decorated one at a time as they stream out
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
        return assignment

    def to_row_dict(self, item):
        return super().to_row_dict(self.decorate(item))

    def stream_csv(self, queryset):
        """Stream row by row from the database, so a force-wide export keeps memory flat."""
        # Every heading is in export_headings, so Wagtail never needs the queryset's model.
        return super().stream_csv(queryset.iterator(chunk_size=2000))


class OverdueReportView(OfficerStatusReportView):
    page_title = _("Overdue and expired")
    header_icon = "warning"
    index_url_name = "compliance_reports:overdue"
    index_results_url_name = "compliance_reports:overdue_results"

    def base_assignments(self):
        return super().base_assignments().filter(status__in=[Status.OVERDUE, Status.EXPIRED])

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

    def base_assignments(self):
        return super().base_assignments().filter(expiring=True)

    def get_filename(self):
        return f"expiring-training-{timezone.localdate():%Y-%m-%d}"

    def get_page_subtitle(self):
        return _("Expiring within %(days)s days") % {"days": self.window.expiring_days}


# The summary: units × courses


class ComplianceSummaryView(CompliancePermissionMixin, ReportView):
    page_title = _("Compliance summary")
    header_icon = "table"
    index_url_name = "compliance_reports:summary"
    index_results_url_name = "compliance_reports:summary_results"
    results_template_name = "compliance/admin/summary_results.html"
    paginate_by = None
    list_export = ["unit", "course", "total", "compliant", "percent", "overdue", "expiring", "due_soon"]
    export_headings = {
        "unit": _("Unit"),
        "course": _("Course"),
        "total": _("People required"),
        "compliant": _("Compliant"),
        "percent": _("Compliant (%)"),
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
                SimpleNamespace(unit=row.unit.name, course=course.title, percent=cell.percent, **cell.__dict__)
                for row in self.matrix.rows
                for course, cell in row.columns
            ]
        return self.matrix.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = self.matrix
        context["officers_url"] = reverse("compliance_reports:officers")
        context["window"] = self.window
        return context


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
        bars = self.bars()
        context["bars"] = bars
        context["bar_chart"] = bar_chart(bars)
        points = self.points()
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
