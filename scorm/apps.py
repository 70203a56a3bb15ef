from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    """SCORM 1.2 and 2004 packages played as course modules, with their runtime data per officer and attempt."""

    name = "scorm"
    verbose_name = _("SCORM packages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import completion

        from .completion import ScormCompletedCriterion

        completion.register(ScormCompletedCriterion())
