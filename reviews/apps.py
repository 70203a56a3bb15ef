from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    """Community-partner review of courses: organisations, their reviewers, the workflow step, approvals."""

    name = "reviews"
    verbose_name = _("Partner review")
    default_auto_field = "django.db.models.BigAutoField"
