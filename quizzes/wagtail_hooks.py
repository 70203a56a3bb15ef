from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy
from core.reports import Report, register_reports

from .models import Adjustment, Attempt
from .permissions import AdjustmentPermissionPolicy
from .reports import ItemAnalysisView
from .viewsets import LearnerRecordsViewSetGroup, QuestionBankViewSetGroup

# Attempts are evidence: listed and inspected, never added, edited or deleted by hand.
register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))
register_permission_policy(Adjustment, AdjustmentPermissionPolicy(Adjustment))


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankViewSetGroup()


@hooks.register("register_admin_viewset")
def register_learner_records():
    return LearnerRecordsViewSetGroup()


register_reports(
    prefix="reports/item-analysis/",
    namespace="quizzes_reports",
    reports=[Report("item_analysis", ItemAnalysisView, label=_("Item analysis"), icon="table", order=160)],
)
