"""Every API view needs a live token carrying the view's scope (``required_scope``)."""

from rest_framework.permissions import BasePermission

from accounts.models import ApiToken


class HasTokenScope(BasePermission):
    def has_permission(self, request, view) -> bool:
        token = request.auth
        return isinstance(token, ApiToken) and token.has_scope(getattr(view, "required_scope", "read"))
