from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """
    What the force holds about a person, on request (subject access) and after they leave
    (retention). Above ``compliance`` and ``quizzes``: it reads every app's records of a person.
    It has no models of its own.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Personal data")
