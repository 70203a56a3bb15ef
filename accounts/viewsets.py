"""
Wagtail admin for people and units: Wagtail's own user viewset with the officer fields,
a viewset for the unit tree, and a read-only listing of unit history.
"""

import django_filters
from django.db import transaction
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.users.views import users as wagtail_users

from audit.models import Action
from audit.services import record_event
from core.admin_views import ProtectedDeleteMixin, ProtectedDeleteView
from core.tables import AbsoluteDateColumn

from .filters import UnitTreeFilter
from .forms import OfficerUserCreationForm, OfficerUserEditForm, UnitForm
from .importing.views import HRImportViewSet, ImportRunViewSet
from .models import Rank, Unit, UnitMembership, User


class OfficerFilterSet(wagtail_users.UserFilterSet):
    unit = UnitTreeFilter(field_name="unit")
    rank = django_filters.ChoiceFilter(choices=Rank.choices, label=_("Rank or role"))

    class Meta(wagtail_users.UserFilterSet.Meta):
        model = User
        fields = []


class OfficerIndexView(wagtail_users.IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        extra = [
            Column("warrant_number", label=_("Warrant no."), sort_key="warrant_number", width="12%"),
            Column("rank_title", label=_("Rank or role"), width="15%"),
            Column("unit", label=_("Unit"), sort_key="unit__path", width="18%"),
        ]
        # After the name and username columns.
        return columns[:3] + extra + columns[3:]

    @cached_property
    def search_fields(self):
        return ["username", "first_name", "last_name", "email", "warrant_number", "staff_number"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("unit")


class OfficerDeleteView(ProtectedDeleteMixin, wagtail_users.DeleteView):
    protected_message = _(
        "“%(object)s” has training records, which are kept as evidence. Deactivate the account instead "
        "(untick “Active”): they will no longer be able to sign in or be assigned training."
    )


class OfficerEditView(wagtail_users.EditView):
    """
    An administrator changing someone's email address or password in the user editor is
    recorded in the audit trail, in the transaction of the change (people change their own
    on the account pages, which record it themselves).
    """

    def save_instance(self):
        changed = self.form.changed_data
        old_email = type(self.object).objects.filter(pk=self.object.pk).values_list("email", flat=True).first()
        with transaction.atomic():
            instance = super().save_instance()
            target = f"user:{instance.pk}"
            if "email" in changed:
                record_event(
                    action=Action.EMAIL_CHANGED,
                    subject=instance,
                    request=self.request,
                    target=target,
                    data={"from": old_email, "to": instance.email, "by": "user editor"},
                )
            if "password1" in changed:
                record_event(
                    action=Action.PASSWORD_CHANGED,
                    subject=instance,
                    request=self.request,
                    target=target,
                    data={"by": "user editor"},
                )
        return instance


class OfficerUserViewSet(wagtail_users.UserViewSet):
    """Wagtail's user admin, showing and editing warrant number, rank and unit."""

    index_view_class = OfficerIndexView
    edit_view_class = OfficerEditView
    delete_view_class = OfficerDeleteView
    filterset_class = OfficerFilterSet

    def get_form_class(self, for_update=False):
        return OfficerUserEditForm if for_update else OfficerUserCreationForm


class UnitDeleteView(ProtectedDeleteView):
    protected_message = _(
        "“%(object)s” still has people or history in it. Move its people to another unit first; "
        "units that people have served in are kept for their records."
    )


class UnitFilterSet(WagtailFilterSet):
    class Meta:
        model = Unit
        fields = ["kind"]


class UnitIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(member_count=Count("members", distinct=True))


class UnitViewSet(ModelViewSet):
    """The force's organisation, listed as a tree (each unit under its parent)."""

    model = Unit
    name = "units"
    icon = "group"
    menu_label = _("Units")
    add_to_reference_index = False
    index_view_class = UnitIndexView
    delete_view_class = UnitDeleteView
    ordering = ["path"]
    list_per_page = 100
    list_display = [
        TitleColumn("indented_name", label=_("Unit"), url_name="units:edit"),
        "kind",
        "code",
        Column("member_count", label=_("People (this unit only)")),
    ]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    list_export = ["name", "kind", "code", "path", "depth"]
    export_filename = "units"
    inspect_view_enabled = True
    inspect_view_fields = ["name", "kind", "code", "managers"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
            FieldPanel("kind"),
            FieldPanel("parent"),
            FieldPanel("managers"),
        ],
        base_form_class=UnitForm,
    )


class UnitMembershipIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return UnitMembership.objects.select_related("user", "unit")


class UnitMembershipViewSet(ModelViewSet):
    """Where each person has served: derived from their unit, never edited by hand."""

    model = UnitMembership
    name = "unit_history"
    icon = "history"
    index_view_class = UnitMembershipIndexView
    menu_label = _("Unit history")
    add_to_reference_index = False
    form_fields = []  # never shown: the policy forbids adding and editing
    list_display = [
        "user",
        "unit",
        AbsoluteDateColumn("started_at", label=_("Joined")),
        AbsoluteDateColumn("ended_at", label=_("Left")),
    ]
    list_filter = ["unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__warrant_number"]
    # Wagtail reads export columns as dotted paths (``user.warrant_number``), not ORM lookups.
    list_export = ["user", "user.warrant_number", "unit", "started_at", "ended_at"]
    export_headings = {"user": _("Person"), "user.warrant_number": _("Warrant no."), "unit": _("Unit")}
    export_filename = "unit-history"
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-started_at"]


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 250
    items = (UnitViewSet, UnitMembershipViewSet, HRImportViewSet, ImportRunViewSet)
