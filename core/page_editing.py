"""
The page editor in the platform's words (issue 12, point 5; decision 55). Wagtail's
help texts speak of "the public" and "search engines"; most pages here need sign-in and are
read by officers. Every page class gets these through ``PlatformPagePanelsMixin`` (part of
``core.pages.LeanPageMixin``), without a migration: the model fields keep Wagtail's texts,
the editor's form and panels say ours.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

HELP_TEXTS = {
    "title": _("The heading officers see on the page and in lists of courses and modules."),
    "slug": _(
        "The last part of the page's web address, e.g. /courses/[this-part]/. Lower-case letters, "
        "numbers and hyphens; changing it changes the address officers may have bookmarked."
    ),
    "seo_title": _("Shown in the browser tab and bookmarks instead of the title. Leave empty to use the title."),
    "search_description": _(
        "A sentence on what the page is about, for search engines. Only public pages (such as the "
        "accessibility statement) are seen by search engines; pages that need sign-in never are."
    ),
}


class PlatformPageForm(WagtailAdminPageForm):
    """Wagtail's page form with the platform's help texts on Wagtail's own fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in HELP_TEXTS.items():
            if name in self.fields:
                self.fields[name].help_text = text


class PlatformPagePanelsMixin:
    """
    The form above, and a "Promote" tab without Wagtail's "For site menus" choice (no menu
    on the platform is built from it) under a heading that says what the fields are for.
    """

    base_form_class = PlatformPageForm

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("Web address and browser title"),
        ),
    ]
