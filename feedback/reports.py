"""
The satisfaction report in the Wagtail admin: per course (and per unit at the time of
answering), the number of responses, the averages, the share who found it useful and the
distribution of both ratings; and the comments, without names. Trainers and administrators
see every response; managers those given in their units. Both are aggregated in SQL, in a
fixed number of queries.
"""

from types import SimpleNamespace

import django_filters
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from accounts.filters import UnitTreeFilter
from compliance.columns import LabelledColumn, percent_text
from core.reports import ReportPermissionMixin

from . import selectors
from .models import FeedbackResponse

REPORT_PERMISSION = "feedback.view_feedback_reports"


class SatisfactionFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.courses_with_feedback(request.user), label=_("Course")
    )
    unit = UnitTreeFilter(
        field_name="unit",
        queryset=lambda request: selectors.units_in_scope(request.user),
        label=_("Unit at the time (with its sub-units)"),
    )
    submitted = django_filters.DateFromToRangeFilter(field_name="submitted_at__date", label=_("Answered between"))
    by_unit = django_filters.BooleanFilter(label=_("Break down by unit"), method="filter_nothing")

    class Meta:
        model = FeedbackResponse
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset


def _average(value) -> str:
    return "" if value is None else f"{value:.1f}"


def _distribution(row, field: str) -> str:
    return " · ".join(f"{value}: {row[f'{field}_{value}']}" for value in selectors.DISTRIBUTION)


class FeedbackReportMixin(ReportPermissionMixin):
    permission_required = REPORT_PERMISSION

    def scoped_responses(self):
        return selectors.responses_visible_to(self.request.user)

    def get_filename(self):
        return f"{self.export_name}-{timezone.localdate():%Y-%m-%d}"


class SatisfactionReportView(FeedbackReportMixin, ReportView):
    page_title = _("Course satisfaction")
    header_icon = "pick"
    index_url_name = "feedback_reports:satisfaction"
    index_results_url_name = "feedback_reports:satisfaction_results"
    filterset_class = SatisfactionFilterSet
    export_name = "course-satisfaction"
    paginate_by = 50
    columns = [
        LabelledColumn("course_title", label=_("Course")),
        LabelledColumn("unit_name", label=_("Unit at the time")),
        LabelledColumn("responses", label=_("Responses")),
        LabelledColumn("useful_percent", label=_("Found it useful (4 or 5)")),
        LabelledColumn("average_usefulness_text", label=_("Average usefulness (1–5)")),
        LabelledColumn("usefulness_distribution", label=_("Usefulness: responses per rating")),
        LabelledColumn("average_confidence_text", label=_("Average confidence (1–5)")),
        LabelledColumn("confidence_distribution", label=_("Confidence: responses per rating")),
        LabelledColumn("comments", label=_("Comments")),
    ]
    list_export = [
        "course_title",
        "unit_name",
        "responses",
        "useful",
        "useful_percent",
        "average_usefulness_text",
        *[f"usefulness_{value}" for value in selectors.DISTRIBUTION],
        "average_confidence_text",
        *[f"confidence_{value}" for value in selectors.DISTRIBUTION],
        "comments",
    ]
    export_headings = {
        "course_title": _("Course"),
        "unit_name": _("Unit at the time"),
        "responses": _("Responses"),
        "useful": _("Found it useful (4 or 5)"),
        "useful_percent": _("Found it useful (%)"),
        "average_usefulness_text": _("Average usefulness (1–5)"),
        **{f"usefulness_{value}": _("Usefulness %(rating)s") % {"rating": value} for value in selectors.DISTRIBUTION},
        "average_confidence_text": _("Average confidence (1–5)"),
        **{f"confidence_{value}": _("Confidence %(rating)s") % {"rating": value} for value in selectors.DISTRIBUTION},
        "comments": _("Comments"),
    }

    @property
    def by_unit(self) -> bool:
        filters = self.filters
        return bool(filters and filters.is_valid() and filters.form.cleaned_data.get("by_unit"))

    def get_queryset(self):
        return self.scoped_responses().order_by()

    def get_filtered_queryset(self):
        """
        The rows, made ready for the table and the exports before paging: there is one per
        course (or course and unit), never one per response, and Wagtail builds the table
        from the rows before ``decorate_paginated_queryset`` runs.
        """
        responses = self.filter_queryset(self.get_queryset())
        return self.decorated(selectors.satisfaction_rows(responses, by_unit=self.by_unit))

    def decorated(self, object_list):
        rows = []
        every_unit = str(_("All units in your scope"))
        for row in object_list:
            responses = row["responses"]
            row = {**row, "unit_name": row.get("unit_name", every_unit) or str(_("No unit"))}
            rows.append(
                SimpleNamespace(
                    **row,
                    useful_percent=percent_text(100 * row["useful"] / responses) if responses else "",
                    average_usefulness_text=_average(row["average_usefulness"]),
                    average_confidence_text=_average(row["average_confidence"]),
                    usefulness_distribution=_distribution(row, "usefulness"),
                    confidence_distribution=_distribution(row, "confidence"),
                )
            )
        return rows


class CommentsFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.courses_with_feedback(request.user), label=_("Course")
    )

    class Meta:
        model = FeedbackResponse
        fields = []


class FeedbackCommentsView(FeedbackReportMixin, ReportView):
    """
    What officers wrote, without their name, unit or date, and only for courses with at
    least ``selectors.SUPPRESS_BELOW`` responses in the viewer's scope, so that a manager of
    a small team cannot tell who wrote what (docs/security.md).
    """

    page_title = _("Course feedback comments")
    header_icon = "comment"
    index_url_name = "feedback_reports:comments"
    index_results_url_name = "feedback_reports:comments_results"
    filterset_class = CommentsFilterSet
    export_name = "course-feedback-comments"
    paginate_by = 50
    columns = [
        LabelledColumn("course_title", label=_("Course")),
        LabelledColumn("usefulness", label=_("Usefulness (1–5)")),
        LabelledColumn("confidence", label=_("Confidence (1–5)")),
        LabelledColumn("comment", label=_("Comment")),
    ]
    list_export = ["course_title", "usefulness", "confidence", "comment"]
    export_headings = {
        "course_title": _("Course"),
        "usefulness": _("Usefulness (1–5)"),
        "confidence": _("Confidence (1–5)"),
        "comment": _("Comment"),
    }

    def get_queryset(self):
        scoped = self.scoped_responses()
        readable = (
            scoped.filter(course__isnull=False)
            .values("course_id")
            .annotate(count=Count("pk"))
            .filter(count__gte=selectors.SUPPRESS_BELOW)
            .values("course_id")
        )
        return (
            scoped.filter(course_id__in=readable)
            .exclude(comment="")
            .only("pk", "course_title", "usefulness", "confidence", "comment")
            .order_by("course_title", "comment", "pk")
        )
