from django.utils.translation import gettext_lazy as _

from core.reports import Report, register_reports

from .reports import ContentReviewReportView

register_reports(
    prefix="reports/content-review/",
    namespace="courses_reports",
    reports=[
        Report("content_review", ContentReviewReportView, label=_("Content due for review"), icon="time", order=150),
    ],
)
