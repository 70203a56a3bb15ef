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
        from . import input_guards, pages, sites
        from .spreadsheets import patch_wagtail_exports

        # Every CSV export neutralises formula-like cells (docs/security.md §5).
        patch_wagtail_exports()
        # Bad input is a 400 where Django or Wagtail would fail (docs/security.md §4).
        input_guards.refuse_ids_out_of_range()
        input_guards.refuse_unreadable_streamfields()
        input_guards.refuse_garbage_ids_in_wagtail_choosers()
        input_guards.refuse_missing_link_addresses()
        input_guards.delete_only_through_the_confirmation_form()
        # The request's site comes from the cache; a changed site or root page forgets it.
        sites.connect_signals()
        # The privacy check skips its query where no page on the branch is restricted.
        pages.connect_signals()
