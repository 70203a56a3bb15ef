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
        from . import input_guards

        input_guards.refuse_ids_out_of_range()
        input_guards.refuse_unreadable_streamfields()
        input_guards.refuse_garbage_ids_in_wagtail_choosers()
        input_guards.refuse_missing_link_addresses()
