from wagtail.permission_policies import ModelPermissionPolicy


class AdjustmentPermissionPolicy(ModelPermissionPolicy):
    """Adjustments are granted and withdrawn, never edited: a change is a new record."""

    def user_has_permission(self, user, action):
        if action == "change":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
