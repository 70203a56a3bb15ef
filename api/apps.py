from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """
    The versioned REST API for a force's HR and records systems: it reads through the apps'
    selectors and writes through their services; nothing imports it.
    """

    name = "api"
    verbose_name = _("REST API")
    default_auto_field = "django.db.models.BigAutoField"
