"""Admin forms for course pages (Wagtail's page edit form, with this app's defaults)."""

from wagtail.admin.forms import WagtailAdminPageForm


class ModulePageForm(WagtailAdminPageForm):
    """
    The module edit form. "This change needs officers to re-read the module" starts unticked
    for every new change: it is a decision about this change, not a property of the module.
    A draft that was saved with it ticked shows it ticked until it is published.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if not self.is_bound and (page.pk is None or not page.has_unpublished_changes):
            self.initial["needs_rereading"] = False
