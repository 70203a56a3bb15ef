from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    """LTI 1.3 tool: other platforms launch our courses, pick them by deep linking and receive grades."""

    name = "lti"
    verbose_name = _("LTI 1.3")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
