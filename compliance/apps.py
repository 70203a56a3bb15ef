from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Mandatory training: requirements, assignments, exemptions, status and managers' reports."""

    name = "compliance"
    verbose_name = _("Training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401  (assignments follow people's units and ranks)
        from .snapshot_guard import register_sqlite_function

        # SQLite: the snapshot triggers ask this function whether the guard holds (it does,
        # except inside manage.py flush).
        connection_created.connect(register_sqlite_function, dispatch_uid="compliance_snapshot_guard")
