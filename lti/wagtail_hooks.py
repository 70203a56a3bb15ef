"""LTI in the admin: platforms, linked accounts and tool keys (``viewsets``); keys are rotated, never edited."""

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .choosers import person_chooser_viewset
from .models import ToolKey
from .viewsets import LtiViewSetGroup


class ToolKeyPermissionPolicy(ModelPermissionPolicy):
    """Keys are made by the rotate action only: nobody adds, edits or deletes one."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in {"add", "change", "delete"}]
        return super().users_with_any_permission(actions) if actions else self.user_model.objects.none()


register_permission_policy(ToolKey, ToolKeyPermissionPolicy(ToolKey))


@hooks.register("register_admin_viewset")
def register_lti_viewsets():
    return LtiViewSetGroup()


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset
