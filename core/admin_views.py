"""Helpers for Wagtail admin viewsets shared by several apps."""

from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.generic import DeleteView
from wagtail.permission_policies import ModelPermissionPolicy


class ProtectedDeleteMixin:
    """
    For delete views: explain, rather than crash, when other records protect the object
    (a unit with members, a person with training records). Nothing is deleted.
    """

    protected_message = _("“%(object)s” cannot be deleted because other records depend on it.")

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, self.get_protected_message())
            return HttpResponseRedirect(self.get_success_url())

    def get_protected_message(self) -> str:
        return str(self.protected_message) % {"object": self.object}


class ProtectedDeleteView(ProtectedDeleteMixin, DeleteView):
    pass


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """
    Records that are evidence (learner attempts, unit history) are never added, edited or
    deleted in the admin: only people with the "view" permission may list and inspect them.
    Subclasses may forbid fewer actions (``forbidden_actions``).
    """

    forbidden_actions = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.forbidden_actions]
        if not actions:
            return self.user_model.objects.none()
        return super().users_with_any_permission(actions)
