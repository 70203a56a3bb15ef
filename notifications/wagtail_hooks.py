from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy
from core.reports import Report, register_reports

# --- Festival refreshers (helper "refresh") -------------------------------------------------
from .models import RefresherDelivery
from .reports_refreshers import RefresherScheduleView
from .viewsets_refreshers import RefresherViewSetGroup

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
# --- end of festival refreshers -------------------------------------------------------------
