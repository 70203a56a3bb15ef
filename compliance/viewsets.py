"""
Admin for requirements (administrators and the training lead) and exemptions (managers,
for the people in their units, and administrators). Saving a requirement brings its
assignments up to date at once.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from accounts.grants import GrantCreateView, WithdrawView
from accounts.scoping import ScopedToPeopleViewSet
from core.tables import AbsoluteDateColumn, YesNoColumn

from . import services
from .exemptions import grant_exemption, withdraw_exemption
from .forms import ExemptionForm, PriorCertificationForm
from .models import Exemption, PriorCertification, Requirement, ValidityRuleChange
from .prior import record_prior_certification


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
        YesNoColumn("active", label=_("Active")),
    ]
    list_filter = ["active", "course"]
    search_fields = ["name", "course__title"]
    list_export = ["__str__", "course", "due_rule", "due_date", "due_days", "starts_on", "active"]
    export_filename = "training-requirements"


def _evidence_link(exemption):
    if not exemption.evidence:
        return ""
    return format_html('<a href="{}">{}</a>', reverse("compliance:evidence", args=[exemption.pk]), _("Evidence"))


class ExemptionCreateView(GrantCreateView):
    def grant(self, form):
        data = form.cleaned_data
        return grant_exemption(
            person=data["user"],
            requirement=data["requirement"],
            reason=data["reason"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            evidence=data.get("evidence"),
            granted_by=self.request.user,
            request=self.request,
        )


class ExemptionWithdrawView(WithdrawView):
    def withdraw(self, instance):
        withdraw_exemption(exemption=instance, withdrawn_by=self.request.user, request=self.request)


class ExemptionViewSet(ScopedToPeopleViewSet):
    model = Exemption
    add_view_class = ExemptionCreateView
    delete_view_class = ExemptionWithdrawView
    name = "exemptions"
    icon = "pick"
    menu_label = _("Exemptions")
    scope_select_related = ("user", "user__unit", "requirement__course", "granted_by")
    list_display = [
        Column("person", label=_("Person"), accessor="user.display_name"),
        "requirement",
        AbsoluteDateColumn("starts_on", label=_("From")),
        AbsoluteDateColumn("ends_on", label=_("Until")),
        Column("granted_by", label=_("Granted by"), accessor="granted_by_name"),
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
        "granted_by_name",
        "granted_at",
    ]
    export_headings = {"user.display_name": _("Person"), "user.warrant_number": _("Warrant number")}
    export_filename = "exemptions"

    def get_form_class(self, for_update=False):
        return ExemptionForm


def _prior_evidence_link(prior):
    if not prior.evidence:
        return ""
    return format_html(
        '<a href="{}">{}</a>', reverse("compliance_reports:prior_evidence", args=[prior.pk]), _("Evidence")
    )


class PriorCertificationCreateView(GrantCreateView):
    def grant(self, form):
        data = form.cleaned_data
        return record_prior_certification(
            person=data["user"],
            course=data["course"],
            completed_on=data["completed_on"],
            kind=data["kind"],
            note=data.get("note", ""),
            evidence=data.get("evidence"),
            recorded_by=self.request.user,
            request=self.request,
        )


class PriorCertificationViewSet(ScopedToPeopleViewSet):
    """Administrators record prior certifications; they are never edited or deleted here."""

    model = PriorCertification
    add_view_class = PriorCertificationCreateView
    name = "prior_certifications"
    icon = "doc-full-inverse"
    menu_label = _("Prior certifications")
    scope_select_related = ("user", "user__unit", "completion")
    list_display = [
        Column("person", label=_("Person"), accessor="user.display_name"),
        "course_title",
        "kind",
        AbsoluteDateColumn("completed_on", label=_("Completed")),
        Column("valid_until", label=_("Valid until"), accessor="completion.valid_until"),
        Column("recorded_by", label=_("Recorded by"), accessor="recorded_by_name"),
        Column("evidence", label=_("Evidence"), accessor=_prior_evidence_link),
    ]
    list_filter = ["kind", "course"]
    search_fields = ["user__first_name", "user__last_name", "user__warrant_number", "course_title"]
    list_export = [
        "user.display_name",
        "user.warrant_number",
        "course_title",
        "kind",
        "completed_on",
        "completion.valid_until",
        "note",
        "recorded_by_name",
        "recorded_at",
    ]
    export_headings = {
        "user.display_name": _("Person"),
        "user.warrant_number": _("Warrant number"),
        "completion.valid_until": _("Valid until"),
    }
    export_filename = "prior-certifications"

    def get_form_class(self, for_update=False):
        return PriorCertificationForm


class ValidityRuleChangeViewSet(ModelViewSet):
    """The record of validity rule changes: read-only (each is written by the change action)."""

    model = ValidityRuleChange
    name = "validity_rule_changes"
    icon = "time"
    menu_label = _("Validity rule changes")
    # Never added or edited here (the permission policy refuses it); Wagtail wants a form anyway.
    form_fields = ["course_title"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "course_title",
        AbsoluteDateColumn("changed_at", label=_("Changed")),
        Column("changed_by", label=_("Changed by"), accessor="changed_by_name"),
        "old_rule_text",
        "new_rule_text",
        "choice",
        "completions_changed",
        "people_expired",
    ]
    list_filter = ["choice", "course"]
    search_fields = ["course_title", "changed_by_name"]
    list_export = [
        "course_title",
        "changed_at",
        "changed_by_name",
        "old_rule_text",
        "new_rule_text",
        "choice",
        "completions_changed",
        "people_expired",
        "people_renewed",
    ]
    export_filename = "validity-rule-changes"


class ComplianceViewSetGroup(ModelViewSetGroup):
    menu_label = _("Compliance")
    menu_icon = "tasks"
    menu_order = 230
    items = (RequirementViewSet, ExemptionViewSet, PriorCertificationViewSet, ValidityRuleChangeViewSet)
