from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.reports import Report, register_reports

from . import reports, selectors, snapshots
from .models import Exemption, PriorCertification, ValidityRuleChange
from .views import ExportListView, TranscriptView, ValidityRuleView, download_export, prior_evidence
from .viewsets import ComplianceViewSetGroup


class ExemptionPermissionPolicy(ModelPermissionPolicy):
    """Exemptions are granted and (by administrators) withdrawn, never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Exemption, ExemptionPermissionPolicy(Exemption))


class RecordOnlyPermissionPolicy(ModelPermissionPolicy):
    """Prior certifications and validity rule changes are records: added (or written by an action), never edited."""

    def user_has_permission(self, user, action):
        return action not in ("change", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(PriorCertification, RecordOnlyPermissionPolicy(PriorCertification))


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Validity rule changes are written only by the change action (``compliance.periods``)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ValidityRuleChange, ReadOnlyPermissionPolicy(ValidityRuleChange))


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
        path("courses/<int:page_id>/validity/", ValidityRuleView.as_view(), name="validity_rule"),
        path("prior-certifications/<int:pk>/evidence/", prior_evidence, name="prior_evidence"),
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


def _validity_rule_button(page, user, priority):
    from courses.models import CoursePage

    from .periods import may_change_rule

    page = page.specific_deferred if type(page) is not CoursePage else page
    if isinstance(page, CoursePage) and may_change_rule(user, page):
        yield Button(
            _("Change validity rule"),
            reverse("compliance_reports:validity_rule", args=[page.pk]),
            icon_name="time",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def validity_rule_header_button(page, user, view_name=None, next_url=None):
    """On a course's editor header menu: the recorded way to change its validity rule."""
    yield from _validity_rule_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def validity_rule_listing_button(page, user, next_url=None):
    yield from _validity_rule_button(page, user, priority=55)
