from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course and module pages, enrolment, progress and completion."""

    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import completion
        from .selectors import ModulesCompletedCriterion

        completion.register(ModulesCompletedCriterion())
