from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """The question bank, quiz pages and officers' attempts."""

    name = "quizzes"
    verbose_name = _("Quizzes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import completion

        from .completion import AssessmentPassedCriterion

        completion.register(AssessmentPassedCriterion())

        from django.contrib.auth.signals import user_logged_in

        from .kept_answers import discard_unless_theirs

        user_logged_in.connect(discard_unless_theirs, dispatch_uid="quizzes.kept_answers")
