from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import REPORT_PERMISSION, ContentReviewReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    patterns = [
        path("", ContentReviewReportView.as_view(), name="content_review"),
        path("results/", ContentReviewReportView.as_view(results_only=True), name="content_review_results"),
    ]
    return [path("reports/content-review/", include((patterns, "courses_reports"), namespace="courses_reports"))]


class ContentReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_content_review_menu_item():
    return ContentReviewMenuItem(
        _("Content due for review"),
        reverse("courses_reports:content_review"),
        name="content-review",
        icon_name="time",
        order=150,
    )
