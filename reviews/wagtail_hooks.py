from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import PartnerApproval
from .viewsets import PartnerReviewGroup


class ApprovalRecordPermissionPolicy(ModelPermissionPolicy):
    """Partner approvals are written by the workflow, never added, changed or deleted in the admin."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(PartnerApproval, ApprovalRecordPermissionPolicy(PartnerApproval))


@hooks.register("register_admin_viewset")
def register_partner_review_viewsets():
    return PartnerReviewGroup()
