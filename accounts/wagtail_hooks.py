from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy

from .models import ApiToken, ImportRun, UnitMembership
from .token_admin import ApiTokenPermissionPolicy, ApiTokenViewSet
from .viewsets import OrganisationViewSetGroup

# Unit history is derived from each person's unit: nobody edits it by hand.
register_permission_policy(UnitMembership, ReadOnlyPermissionPolicy(UnitMembership))
# So is the record of HR imports: written by the import itself (accounts.importing).
register_permission_policy(ImportRun, ReadOnlyPermissionPolicy(ImportRun))
# API tokens are made and revoked, never deleted (the audit trail names them).
register_permission_policy(ApiToken, ApiTokenPermissionPolicy(ApiToken))


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


@hooks.register("register_admin_viewset")
def register_api_token_viewset():
    return ApiTokenViewSet()


# The admin's account settings cannot ask for the current password, so email and password
# are changed on our account pages (WAGTAIL_EMAIL_MANAGEMENT_ENABLED and
# WAGTAIL_PASSWORD_MANAGEMENT_ENABLED are off); the admin links to them.


@hooks.register("register_account_menu_item")
def email_change_menu_item(request):
    return {
        "url": reverse("accounts:email_change"),
        "label": _("Change email address"),
        "help_text": _("Needs your current password."),
    }


@hooks.register("register_account_menu_item")
def password_change_menu_item(request):
    return {
        "url": reverse("accounts:password_change"),
        "label": _("Change password"),
        "help_text": _("Needs your current password."),
    }


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("accounts:security"),
        "label": _("Second factor"),
        "help_text": _("Your authenticator apps and backup codes."),
    }
