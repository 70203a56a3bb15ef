from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy
from core.reports import Report, register_reports

from . import reports
from .models import RefresherDelivery
from .reports_refreshers import RefresherScheduleView
from .viewsets import RemindersViewSetGroup
from .viewsets_refreshers import RefresherViewSetGroup

# Reminders and digests


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


# Festival refreshers

# The delivery log is written by the run, never by hand.
register_permission_policy(RefresherDelivery, ReadOnlyPermissionPolicy(RefresherDelivery))


@hooks.register("register_admin_viewset")
def register_refresher_viewsets():
    return RefresherViewSetGroup()


register_reports(
    prefix="reports/festival-refreshers/",
    namespace="refresher_reports",
    reports=[
        Report(
            "schedule",
            RefresherScheduleView,
            label=_("Festival refreshers schedule"),
            icon="date",
            order=160,
        ),
    ],
)
