"""
Settings → API tokens: administrators make, list and revoke the tokens of the REST API and
SCIM (``accounts.tokens``). A token's key is shown once, on the page that follows its making,
and never again (only its hash is kept). Nobody makes a token that reads more than they may:
whole force only for those who see every record, otherwise units they manage. Tokens are never
deleted (the audit trail names them); editing renames or revokes.

Kept in its own module (rather than viewsets.py and forms.py) so that the API token screens
read in one place; registered in ``wagtail_hooks``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permission_policies import ModelPermissionPolicy

from core.tables import AbsoluteDateColumn

from .models import ApiToken
from .selectors import can_see_all_training_records, unit_tree, units_managed_by
from .tokens import issue_token, revoke_token


class ApiTokenPermissionPolicy(ModelPermissionPolicy):
    """The model's own permissions (Administrators hold them), except that nobody deletes a token."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


class ApiTokenCreateForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), choices=ApiToken.Scope.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiToken
        fields = ["name", "scopes", "whole_force", "units", "expires_at"]
        widgets = {"units": forms.CheckboxSelectMultiple, "expires_at": AdminDateTimeInput}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.sees_all = for_user is not None and can_see_all_training_records(for_user)
        self.fields["units"].queryset = unit_tree() if self.sees_all else units_managed_by(for_user).order_by("path")
        self.fields["units"].label_from_instance = lambda unit: unit.indented_name
        if not self.sees_all:
            self.fields["whole_force"].disabled = True
            self.fields["whole_force"].help_text = _("Only those who see every record can make a whole-force token.")

    def clean(self):
        data = super().clean()
        if data.get("whole_force") and not self.sees_all:
            raise ValidationError({"whole_force": _("You cannot make a token that reads the whole force.")})
        if not data.get("whole_force") and not data.get("units"):
            raise ValidationError({"units": _("Choose the units it reads, or the whole force.")})
        if data.get("whole_force"):
            data["units"] = []
        return data


class ApiTokenEditForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=_("Revoke this token"), required=False, help_text=_("It stops working at once. This cannot be undone.")
    )

    class Meta:
        model = ApiToken
        fields = ["name"]


class ApiTokenCreateView(ModelViewSet.add_view_class):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        data = form.cleaned_data
        issued = issue_token(
            name=data["name"],
            scopes=data["scopes"],
            created_by=self.request.user,
            whole_force=data["whole_force"],
            units=list(data["units"]),
            expires_at=data.get("expires_at"),
            request=self.request,
        )
        self.object = issued.token
        return TemplateResponse(
            self.request,
            "accounts/admin/api_token_issued.html",
            {"token": issued.token, "raw": issued.raw, "index_url": self.get_success_url()},
        )

    def get_success_url(self):
        from django.urls import reverse

        return reverse("api_tokens:index")


class ApiTokenEditView(ModelViewSet.edit_view_class):
    def save_instance(self):
        token = super().save_instance()
        if self.form.cleaned_data.get("revoke"):
            revoke_token(token, by=self.request.user, request=self.request)
        return token


class ApiTokenIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("units")


class ApiTokenViewSet(ModelViewSet):
    """The tokens other systems use for the REST API and SCIM (Settings → API tokens)."""

    model = ApiToken
    name = "api_tokens"
    icon = "key"
    menu_label = _("API tokens")
    add_to_settings_menu = True
    add_to_reference_index = False
    add_view_class = ApiTokenCreateView
    edit_view_class = ApiTokenEditView
    index_view_class = ApiTokenIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "prefix",
        "scopes",
        "whole_force",
        "units",
        "created_by",
        "created_at",
        "expires_at",
        "revoked_at",
        "revoked_by",
        "last_used_at",
        "last_used_from",
    ]
    list_display = [
        TitleColumn("name", label=_("Name"), url_name="api_tokens:inspect"),
        Column("prefix", label=_("Key starts")),
        Column("scopes", label=_("Scopes")),
        Column("scope_label", label=_("Reads")),
        AbsoluteDateColumn("last_used_at", label=_("Last used")),
        AbsoluteDateColumn("expires_at", label=_("Expires")),
        AbsoluteDateColumn("revoked_at", label=_("Revoked")),
    ]
    search_fields = ["name", "prefix"]
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return ApiTokenEditForm if for_update else ApiTokenCreateForm
