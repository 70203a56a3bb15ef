from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Mandatory training: requirements, assignments, exemptions, status and managers' reports."""

    name = "compliance"
    verbose_name = _("Training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (assignments follow people's units and ranks)
