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
        # Unit history is derived data; sign-in events, role changes, session limits and the
        # second-factor flag are receivers of Django's auth signals.
        from . import auditing, role_auditing, second_factor, sessions, signals  # noqa: F401


class OfficerUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the officer fields (warrant number, rank, unit)."""

    user_viewset = "accounts.viewsets.OfficerUserViewSet"
