from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import reports, selectors
from .models import Exemption
from .views import ExportListView, TranscriptView, download_export
from .viewsets import ComplianceGroup


class ExemptionPermissionPolicy(ModelPermissionPolicy):
    """Exemptions are granted and (by administrators) withdrawn, never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Exemption, ExemptionPermissionPolicy(Exemption))


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    return ComplianceGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    patterns = [
        path("", reports.ComplianceSummaryView.as_view(), name="summary"),
        path("results/", reports.ComplianceSummaryView.as_view(results_only=True), name="summary_results"),
        path("officers/", reports.OfficerStatusReportView.as_view(), name="officers"),
        path("officers/results/", reports.OfficerStatusReportView.as_view(results_only=True), name="officers_results"),
        path("overdue/", reports.OverdueReportView.as_view(), name="overdue"),
        path("overdue/results/", reports.OverdueReportView.as_view(results_only=True), name="overdue_results"),
        path("expiring/", reports.ExpiringReportView.as_view(), name="expiring"),
        path("expiring/results/", reports.ExpiringReportView.as_view(results_only=True), name="expiring_results"),
        path("charts/", reports.ComplianceChartsView.as_view(), name="charts"),
        path("people/<int:user_id>/", TranscriptView.as_view(), name="transcript"),
        path("exports/", ExportListView.as_view(), name="exports"),
        path("exports/<int:pk>/download/", download_export, name="export_download"),
    ]
    return [path("reports/compliance/", include((patterns, "compliance_reports"), namespace="compliance_reports"))]


class ComplianceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(reports.REPORT_PERMISSION)


REPORT_MENU = [
    (_("Compliance summary"), "compliance_reports:summary", "table", 100),
    (_("Overdue training"), "compliance_reports:overdue", "warning", 101),
    (_("Expiring training"), "compliance_reports:expiring", "time", 102),
    (_("Officers' training status"), "compliance_reports:officers", "user", 103),
    (_("Compliance charts"), "compliance_reports:charts", "view", 104),
    (_("Your exports"), "compliance_reports:exports", "download", 105),
]


def _menu_item(label, url_name, icon, order):
    @hooks.register("register_reports_menu_item")
    def register():
        return ComplianceReportMenuItem(
            label, reverse(url_name), name=url_name.split(":")[1], icon_name=icon, order=order
        )

    return register


for _label, _url_name, _icon, _order in REPORT_MENU:
    _menu_item(_label, _url_name, _icon, _order)


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
