from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Officers' ratings of the courses they complete, and the published satisfaction rates."""

    name = "feedback"
    verbose_name = _("Course feedback")
    default_auto_field = "django.db.models.BigAutoField"
