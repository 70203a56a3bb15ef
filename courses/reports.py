"""
Wagtail admin report: courses and modules whose review-by date has passed or falls within
the next 30 days. Content built on guidance that changes (hate incident recording, online
offences) must be checked on time; this is where trainers see what is due.
"""

import django_filters
from django.db.models import Case, CharField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from core.reports import ReportPermissionMixin

from .selectors import pages_due_for_review

DUE_SOON_DAYS = 30
REPORT_PERMISSION = "courses.view_content_review_report"


class ReviewStatus:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CHOICES = [(OVERDUE, _("Review overdue")), (DUE_SOON, _("Due within 30 days"))]


class ContentReviewFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Review status"), choices=ReviewStatus.CHOICES, method="filter_status", empty_label=_("Either")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Content"),
        choices=[("course", _("Courses")), ("module", _("Modules"))],
        method="filter_kind",
        empty_label=_("Courses and modules"),
    )

    class Meta:
        model = Page
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(review_status=value) if value else queryset

    def filter_kind(self, queryset, name, value):
        if value == "course":
            return queryset.filter(coursepage__isnull=False)
        if value == "module":
            return queryset.filter(modulepage__isnull=False)
        return queryset


class ContentReviewReportView(ReportPermissionMixin, ReportView):
    page_title = _("Content due for review")
    header_icon = "time"
    index_url_name = "courses_reports:content_review"
    index_results_url_name = "courses_reports:content_review_results"
    filterset_class = ContentReviewFilterSet
    permission_required = REPORT_PERMISSION
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        Column("kind", label=_("Content")),
        Column("course_title", label=_("Course")),
        DateColumn("review_by", label=_("Review by")),
        Column("review_status_label", label=_("Status")),
    ]
    list_export = ["title", "kind", "course_title", "review_by", "review_status_label", "address"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Content"),
        "course_title": _("Course"),
        "review_by": _("Review by"),
        "review_status_label": _("Status"),
        "address": _("Address"),
    }

    def get_filename(self):
        return f"content-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        today = timezone.localdate()
        return (
            pages_due_for_review(today=today, horizon_days=DUE_SOON_DAYS)
            .annotate(
                review_status=Case(
                    When(review_by__lt=today, then=Value(ReviewStatus.OVERDUE)),
                    default=Value(ReviewStatus.DUE_SOON),
                    output_field=CharField(),
                )
            )
            .order_by("review_by", "path")
        )

    def decorate_paginated_queryset(self, object_list):
        """Name each row's kind and course: one query for the courses of the page of rows."""
        pages = list(object_list)
        parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
        parents = {parent.path: parent.title for parent in Page.objects.filter(path__in=parent_paths)}
        labels = dict(ReviewStatus.CHOICES)
        for page in pages:
            is_course = page.content_type_id == self._course_type_id
            page.kind = _("Course") if is_course else _("Module")
            page.course_title = page.title if is_course else parents.get(page.path[: -Page.steplen], "")
            page.review_status_label = labels[page.review_status]
            page.address = page.get_url(request=self.request)
        return pages

    @property
    def _course_type_id(self):
        from django.contrib.contenttypes.models import ContentType

        from .models import CoursePage

        return ContentType.objects.get_for_model(CoursePage).pk
