from core.admin_views import ReadOnlyPermissionPolicy


class AdjustmentPermissionPolicy(ReadOnlyPermissionPolicy):
    """Adjustments are granted and withdrawn, never edited: a change is a new record."""

    forbidden_actions = frozenset({"change"})
