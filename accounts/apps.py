from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """Officers, the force's unit tree and who manages which unit."""

    default = True
    name = "accounts"
    verbose_name = _("Officers and units")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import auditing, signals  # noqa: F401  (unit history is derived data; role changes are audited)


class OfficerUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the officer fields (warrant number, rank, unit)."""

    user_viewset = "accounts.viewsets.OfficerUserViewSet"
