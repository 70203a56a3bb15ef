"""
LTI in the Wagtail admin (Settings → LTI): the platforms registered to launch us, the people
linked to a platform's accounts, and our signing keys with their rotate action.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from .choosers import person_chooser_viewset
from .keys import rotate_keys
from .models import LinkedAccount, Platform, ToolKey


class PlatformViewSet(ModelViewSet):
    model = Platform
    name = "lti_platforms"
    icon = "link-external"
    menu_label = _("Platforms")
    list_display = ["name", "issuer", "client_id", Column("identify_by", label=_("Identify people by")), "is_active"]
    list_filter = ["is_active", "identify_by"]
    search_fields = ["name", "issuer", "client_id"]
    list_export = ["name", "issuer", "client_id", "deployment_ids", "identify_by", "is_active", "created_at"]
    export_filename = "lti-platforms"
    inspect_view_enabled = True
    form_fields = [
        "name",
        "issuer",
        "client_id",
        "deployment_ids",
        "auth_login_url",
        "auth_token_url",
        "auth_audience",
        "key_set_url",
        "identify_by",
        "custom_claim",
        "is_active",
    ]


class LinkedAccountViewSet(ModelViewSet):
    model = LinkedAccount
    name = "lti_linked_accounts"
    icon = "user"
    menu_label = _("Linked accounts")
    list_display = ["platform", "subject", "user", "linked_at"]
    list_filter = ["platform"]
    search_fields = ["subject", "user__last_name", "user__warrant_number", "user__staff_number"]
    inspect_view_enabled = True
    # A chooser, not a select of every person: a force has tens of thousands (lti/choosers.py).
    panels = [
        FieldPanel("platform"),
        FieldPanel("subject"),
        FieldPanel("user", widget=person_chooser_viewset.widget_class),
    ]

    def get_queryset(self, request):
        return LinkedAccount.objects.select_related("platform", "user")


class ToolKeyIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        if not self.permission_policy.user_has_permission(self.request.user, "rotate"):
            return []
        return [HeaderButton(_("Rotate keys"), url=reverse("lti_keys:rotate"), icon_name="rotate")]


class RotateKeysView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks, then makes a new active key; the old one stays published as "previous" until the next rotation."""

    permission_required = "rotate"
    template_name = "lti/admin/rotate_keys.html"
    page_title = _("Rotate the LTI tool keys")
    header_icon = "key"

    def post(self, request):
        key = rotate_keys(actor=request.user)
        messages.success(request, _("A new key signs from now on: %(kid)s.") % {"kid": key.kid})
        return redirect("lti_keys:index")


class ToolKeyViewSet(ModelViewSet):
    model = ToolKey
    name = "lti_keys"
    icon = "key"
    menu_label = _("Tool keys")
    index_view_class = ToolKeyIndexView
    list_display = ["kid", "state", "created_at", "retired_at"]
    list_filter = ["state"]
    inspect_view_enabled = True
    inspect_view_fields = ["kid", "state", "public_jwk", "created_at", "retired_at"]
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "rotate/",
                RotateKeysView.as_view(permission_policy=self.permission_policy),
                name="rotate",
            ),
        ]


class LtiViewSetGroup(ModelViewSetGroup):
    menu_label = _("LTI")
    menu_icon = "link-external"
    menu_order = 260
    items = (PlatformViewSet, LinkedAccountViewSet, ToolKeyViewSet)
