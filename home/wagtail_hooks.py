"""
The admin as the platform's, not Wagtail's (issue 12, points 5 and 6; decision 55):
no links to Wagtail's editor guide or release notes, and a dashboard per role
(``home/dashboard.py``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem, help_menu

from . import dashboard

#: Wagtail's help items about Wagtail itself: its editor guide and what is new in its release.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def keep_help_about_the_platform(request, items):
    items[:] = [item for item in items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


@hooks.register("construct_main_menu")
def help_without_new_item_badges(request, items):
    """
    Wagtail's Help menu counts its unread release notes as "new items"; with those gone, a
    plain submenu (same name, icon and place) has nothing to announce.
    """
    for position, item in enumerate(items):
        if item.name == "help":
            items[position] = SubmenuMenuItem(_("Help"), help_menu, name="help", icon_name="help", order=item.order)


@hooks.register("construct_homepage_panels")
def dashboard_for_the_viewer(request, panels):
    dashboard.arrange(request, panels)
