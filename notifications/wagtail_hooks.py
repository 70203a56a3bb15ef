from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.reports import Report, register_reports

from . import reports
from .viewsets import RemindersViewSetGroup


@hooks.register("register_admin_viewset")
def register_reminder_viewsets():
    return RemindersViewSetGroup()


register_reports(
    prefix="reports/reminders/",
    namespace="notifications_reports",
    reports=[
        Report("preview", reports.PreviewReportView, label=_("Reminders preview"), icon="mail", order=110),
    ],
)


@hooks.register("own_record_links")
def reminders_link(request) -> dict:
    """On the officer's record of learning: a link to the reminders they were sent."""
    return {"url": reverse("notifications:mine"), "text": _("Reminders sent to you")}
