"""
Admin views of records about people (attempts, adjustments, exemptions) show only the
people ``people_visible_to`` the viewer, in the listing and by id, in every view that
names a record: index, inspect, history, usage, edit and delete.

Subclass ``ScopedToPeopleViewSet`` and set ``person_field`` and, if some role sees
everyone, ``see_everyone_permission``; its views get both. A view class of one's own
must subclass the matching ``Scoped*View``. Wagtail's site history report shows their
log entries on the same terms (``accounts.history``).
"""

from django import forms
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import User
from .selectors import can_see_all_training_records, people_visible_to


def sees_everyone(user, see_everyone_permission: str | None = None) -> bool:
    """Whether ``user`` may see (or act for) every person, not only those in their units."""
    return bool(user) and (
        can_see_all_training_records(user) or bool(see_everyone_permission and user.has_perm(see_everyone_permission))
    )


class ScopedToPeopleMixin:
    person_field = "user"
    see_everyone_permission: str | None = None
    select_related: tuple[str, ...] = ()

    def sees_everyone(self) -> bool:
        return sees_everyone(self.request.user, self.see_everyone_permission)

    def scoped_queryset(self):
        queryset = self.model._default_manager.select_related(*self.select_related)
        if self.sees_everyone():
            return queryset
        return queryset.filter(**{f"{self.person_field}__in": people_visible_to(self.request.user)})


class ScopedIndexView(ScopedToPeopleMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped_queryset()


class ScopedInspectView(ScopedToPeopleMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_queryset(), pk=self.pk)


class ScopedHistoryView(ScopedToPeopleMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedUsageView(ScopedToPeopleMixin, UsageView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedEditView(ScopedToPeopleMixin, generic.EditView):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedDeleteView(ScopedToPeopleMixin, generic.DeleteView):
    def get_queryset(self):
        return self.scoped_queryset()


#: Every model with a ``ScopedToPeopleViewSet``: ``{model: (person_field, see_everyone_permission)}``.
#: Wagtail's site history is scoped by it too (``accounts.history``).
SCOPED_MODELS: dict[type, tuple[str, str | None]] = {}


def visible_records(model, user):
    """The records of a scoped ``model`` that ``user`` may see."""
    person_field, see_everyone_permission = SCOPED_MODELS[model]
    queryset = model._default_manager.all()
    if sees_everyone(user, see_everyone_permission):
        return queryset
    return queryset.filter(**{f"{person_field}__in": people_visible_to(user)})


class ScopedToPeopleViewSet(ModelViewSet):
    """A ``ModelViewSet`` of records about people, every view scoped to the viewer's people."""

    person_field = "user"
    see_everyone_permission: str | None = None
    scope_select_related: tuple[str, ...] = ()

    # Copying would prefill the add form from a record looked up by id across everyone.
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def on_register(self):
        super().on_register()
        SCOPED_MODELS[self.model] = (self.person_field, self.see_everyone_permission)

    def _scope_kwargs(self) -> dict:
        return {
            "person_field": self.person_field,
            "see_everyone_permission": self.see_everyone_permission,
            "select_related": self.scope_select_related,
        }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(**self._scope_kwargs(), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(**self._scope_kwargs(), **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(**self._scope_kwargs(), **kwargs)

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(**self._scope_kwargs(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(**self._scope_kwargs(), **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(**self._scope_kwargs(), **kwargs)


def granter_name(user) -> str:
    """The granter as a record names them then: rank, name and warrant number."""
    return user.display_name[:255]


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name}{f', {obj.unit}' if obj.unit_id else ''}"


class GrantedForPersonFormMixin:
    """
    For admin forms that grant something to a person (an exemption, an adjustment): the
    person must be someone the signed-in user may act for, and who granted it is recorded.
    """

    see_everyone_permission: str | None = None

    def limit_people(self, for_user) -> None:
        people = User.objects.filter(is_active=True).select_related("unit")
        if not sees_everyone(for_user, self.see_everyone_permission):
            people = people.filter(pk__in=people_visible_to(for_user).values("pk"))
        self.fields["user"].queryset = people.order_by("last_name", "first_name")
        if for_user is not None and not self.instance.pk:
            # Known before validation, so that the model's rules (never to oneself) apply to it.
            self.instance.granted_by = for_user

    def save(self, commit=True):
        self.instance.granted_by = self.for_user
        self.instance.granted_by_name = granter_name(self.for_user)
        return super().save(commit=commit)
