"""Admin filters about people and units, shared by every listing and report that filters by unit."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .selectors import unit_tree


class UnitTreeFilter(django_filters.ModelChoiceFilter):
    """
    A unit and everything below it: rows whose unit path starts with the chosen unit's
    (treebeard's materialised path). ``field_name`` is the unit (``"user__unit"`` for records
    about a person); ``path_field`` the path compared, by default that unit's own, or a copy
    kept on the row (``compliance.ComplianceState.unit_path``). The choices are every unit in
    tree order unless ``queryset`` says otherwise: a callable given the request scopes them to
    the viewer, as Wagtail's own report filters do (``queryset=lambda request: ...``).
    """

    def __init__(self, *args, path_field: str | None = None, **kwargs):
        kwargs.setdefault("queryset", unit_tree())
        kwargs.setdefault("label", _("Unit (with its sub-units)"))
        self.path_field = path_field
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        path_field = self.path_field or f"{self.field_name}__path"
        return qs.filter(**{f"{path_field}__startswith": value.path})
