from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.reports import Report, register_reports

from . import reports, selectors, snapshots
from .models import Exemption
from .views import ExportListView, TranscriptView, download_export
from .viewsets import ComplianceViewSetGroup


class ExemptionPermissionPolicy(ModelPermissionPolicy):
    """Exemptions are granted and (by administrators) withdrawn, never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Exemption, ExemptionPermissionPolicy(Exemption))


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    return ComplianceViewSetGroup()


register_reports(
    prefix="reports/compliance/",
    namespace="compliance_reports",
    reports=[
        Report("summary", reports.ComplianceSummaryView, label=_("Compliance summary"), icon="table", order=100),
        Report(
            "officers",
            reports.OfficerStatusReportView,
            "officers/",
            label=_("Officers' training status"),
            icon="user",
            order=103,
        ),
        Report(
            "overdue", reports.OverdueReportView, "overdue/", label=_("Overdue training"), icon="warning", order=101
        ),
        Report(
            "expiring", reports.ExpiringReportView, "expiring/", label=_("Expiring training"), icon="time", order=102
        ),
        Report(
            "charts", reports.ComplianceChartsView, "charts/", label=_("Compliance charts"), icon="view", order=104
        ),
        Report("exports", ExportListView, "exports/", label=_("Your exports"), icon="download", order=105),
        Report(
            "snapshots",
            snapshots.SnapshotListView,
            "snapshots/",
            label=_("Compliance snapshots"),
            icon="history",
            order=106,
        ),
        Report("snapshot_compare", snapshots.SnapshotCompareView, "snapshots/compare/"),
        Report("snapshot", snapshots.SnapshotFiguresView, "snapshots/<int:pk>/"),
    ],
    urls=[
        path("people/<int:user_id>/", TranscriptView.as_view(), name="transcript"),
        path("exports/<int:pk>/download/", download_export, name="export_download"),
    ],
)


class CompliancePanel(Component):
    """On the admin dashboard: the viewer's units at a glance, with links to the lists."""

    name = "compliance"
    order = 50
    template_name = "compliance/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        window = selectors.Window.now()
        return {
            "totals": selectors.totals(self.request.user, window),
            "window": window,
            "summary_url": reverse("compliance_reports:summary"),
            "overdue_url": reverse("compliance_reports:overdue"),
            "expiring_url": reverse("compliance_reports:expiring"),
            "due_soon_url": reverse("compliance_reports:officers") + "?status=due_soon",
        }


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    if request.user.has_perm(reports.REPORT_PERMISSION):
        panels.append(CompliancePanel(request))
