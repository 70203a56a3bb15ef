"""Admin forms for course pages (the platform's page edit form, with this app's defaults)."""

from django.utils.translation import gettext_lazy as _

from core.page_editing import PlatformPageForm


class ModulePageForm(PlatformPageForm):
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


class CoursePageForm(PlatformPageForm):
    """
    The course edit form. Once officers have completed the course, its validity rule is
    shown but not editable here: changing it is the recorded "Change validity rule" action
    (reached from the course's menu), which previews who is affected and asks whether
    existing completions are recomputed. Disabled fields keep the stored value whatever is
    posted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.completions.exists():
            for name in page.VALIDITY_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "Officers have completed this course: change the rule with \u201cChange validity rule\u201d "
                        "in the course\u2019s menu, which shows who is affected first."
                    )
