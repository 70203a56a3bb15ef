from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, AuditTrailReportView


@hooks.register("register_admin_urls")
def register_audit_urls():
    patterns = [
        path("", AuditTrailReportView.as_view(), name="report"),
        path("results/", AuditTrailReportView.as_view(results_only=True), name="report_results"),
    ]
    return [path("reports/audit/", include((patterns, "audit"), namespace="audit"))]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(_("Audit trail"), reverse("audit:report"), name="audit_trail", icon_name="list-ul", order=900)
