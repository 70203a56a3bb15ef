"""
What granting something to a person (an exemption, a reasonable adjustment) has in common,
wherever it is granted (docs/security.md §1):

- only to someone the granter may act for (``may_grant_to``), never to themselves (each
  model's ``clean``, so the form, the service and any other path refuse it alike);
- the granter's name as it is at the time is kept on the record (``accounts.scoping.granter_name``);
- in the admin, the add and delete views go through the app's service (``GrantCreateView``,
  ``WithdrawView``), which checks its limits again under a lock, records the audit event
  and Wagtail's history in the same transaction.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic

from .scoping import ScopedDeleteView, sees_everyone
from .selectors import people_visible_to


def may_grant_to(granter, person, see_everyone_permission: str | None = None) -> bool:
    """Whether ``granter`` may grant something to ``person`` (scope only; never to oneself is ``clean``'s)."""
    if sees_everyone(granter, see_everyone_permission):
        return True
    return people_visible_to(granter).filter(pk=person.pk).exists()


def refuse_out_of_scope(granter, person, see_everyone_permission: str | None = None) -> None:
    if not may_grant_to(granter, person, see_everyone_permission):
        raise ValidationError({"user": _("You can grant this only to the people in your units.")})


def add_errors(form, error: ValidationError) -> None:
    """Show a refusal from a service on the form: on its field if the form has it, else above."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class GrantCreateView(generic.CreateView):
    """An add view that creates through ``grant(form)`` (the app's service), not ``form.save()``."""

    def grant(self, form):
        raise NotImplementedError

    def save_instance(self):
        return self.grant(self.form)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # Refused under the lock (another grant was made meanwhile): nothing was saved.
            add_errors(form, error)
            return self.form_invalid(form)


class WithdrawView(ScopedDeleteView):
    """A scoped delete view that withdraws through ``withdraw(instance)`` (the app's service)."""

    def withdraw(self, instance):
        raise NotImplementedError

    def delete_action(self):
        self.withdraw(self.object)
