from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy

from .models import Adjustment, Attempt
from .permissions import AdjustmentPermissionPolicy
from .reports import REPORT_PERMISSION, ItemAnalysisView
from .viewsets import LearnerRecordsGroup, QuestionBankGroup

# Attempts are evidence: listed and inspected, never added, edited or deleted by hand.
register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))
register_permission_policy(Adjustment, AdjustmentPermissionPolicy(Adjustment))


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankGroup()


@hooks.register("register_admin_viewset")
def register_learner_records():
    return LearnerRecordsGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    patterns = [
        path("", ItemAnalysisView.as_view(), name="item_analysis"),
        path("results/", ItemAnalysisView.as_view(results_only=True), name="item_analysis_results"),
    ]
    return [path("reports/item-analysis/", include((patterns, "quizzes_reports"), namespace="quizzes_reports"))]


class ItemAnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    return ItemAnalysisMenuItem(
        _("Item analysis"),
        reverse("quizzes_reports:item_analysis"),
        name="item-analysis",
        icon_name="table",
        order=160,
    )
