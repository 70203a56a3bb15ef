from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """`manage.py load_demo`: a fictional force with people and courses. Nothing imports it."""

    name = "demo"
    verbose_name = _("Demo data")
