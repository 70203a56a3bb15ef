from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """
    Cross-cutting pieces every app may use: GOV.UK form rendering, admin helpers.
    ``core`` imports no other app of ours, so the dependency always runs towards it.
    """

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from .forms import refuse_ids_out_of_range

        refuse_ids_out_of_range()
