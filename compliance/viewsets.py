"""
Admin for requirements (administrators and the training lead) and exemptions (managers,
for the people in their units, and administrators). Saving a requirement brings its
assignments up to date at once.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from accounts.scoping import ScopedToPeopleViewSet

from . import services
from .forms import ExemptionForm
from .models import Exemption, Requirement


class SyncAfterSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        services.sync_requirement(instance)
        return instance


class RequirementCreateView(SyncAfterSaveMixin, generic.CreateView):
    pass


class RequirementEditView(SyncAfterSaveMixin, generic.EditView):
    pass


class RequirementIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            Requirement.objects.select_related("course")
            .prefetch_related("targets__unit", "targets__user")
            .annotate(people=Count("assignments", filter=Q(assignments__ended_on__isnull=True)))
        )


def _targets(requirement) -> str:
    return "; ".join(str(target) for target in requirement.targets.all())


class RequirementViewSet(ModelViewSet):
    model = Requirement
    name = "requirements"
    icon = "list-ul"
    menu_label = _("Requirements")
    index_view_class = RequirementIndexView
    add_view_class = RequirementCreateView
    edit_view_class = RequirementEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("who", label=_("Who"), accessor=_targets),
        Column("due_rule", label=_("Due"), accessor="get_due_rule_display"),
        Column("people", label=_("People assigned now")),
        "active",
    ]
    list_filter = ["active", "course"]
    search_fields = ["name", "course__title"]
    list_export = ["__str__", "course", "due_rule", "due_date", "due_days", "starts_on", "active"]
    export_filename = "training-requirements"


def _evidence_link(exemption):
    if not exemption.evidence:
        return ""
    return format_html('<a href="{}">{}</a>', reverse("compliance:evidence", args=[exemption.pk]), _("Evidence"))


class ExemptionViewSet(ScopedToPeopleViewSet):
    model = Exemption
    name = "exemptions"
    icon = "pick"
    menu_label = _("Exemptions")
    scope_select_related = ("user", "user__unit", "requirement__course", "granted_by")
    list_display = [
        Column("person", label=_("Person"), accessor="user.display_name"),
        "requirement",
        DateColumn("starts_on", label=_("From")),
        DateColumn("ends_on", label=_("Until")),
        Column("granted_by", label=_("Granted by"), accessor="granted_by"),
        Column("evidence", label=_("Evidence"), accessor=_evidence_link),
    ]
    list_filter = ["requirement"]
    search_fields = ["user__first_name", "user__last_name", "user__warrant_number", "reason"]
    list_export = [
        "user.display_name",
        "user.warrant_number",
        "requirement",
        "starts_on",
        "ends_on",
        "reason",
        "granted_by",
    ]
    export_filename = "exemptions"

    def get_form_class(self, for_update=False):
        return ExemptionForm


class ComplianceGroup(ModelViewSetGroup):
    menu_label = _("Compliance")
    menu_icon = "tasks"
    menu_order = 230
    items = (RequirementViewSet, ExemptionViewSet)
