from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy

from .models import Statement
from .viewsets import StatementViewSet

# The outbox is written by learning events and the forwarding, never by hand.
register_permission_policy(Statement, ReadOnlyPermissionPolicy(Statement))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return StatementViewSet()
