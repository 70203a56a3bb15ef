"""
The admin dashboard per role (issue 12, points 5 and 6; decision 55). Wagtail's
``construct_homepage_panels`` hook hands over its own panels; ``arrange`` keeps those a
viewer can use and adds the platform's:

- people who write content (trainers, content approvers, administrators) see their drafts,
  what they sent for approval, content due for review and the questions officers most often
  get wrong, each panel in a fixed number of queries (pinned in tests/home/test_dashboard.py);
- people who cannot change pages or questions (managers) do not get Wagtail's page panels at
  all: they would be empty, and each costs a query. The compliance panel
  (``compliance/wagtail_hooks.py``) is theirs.

Wagtail's "Awaiting your review" panel (``WorkflowObjectsToModeratePanel``) stays for content
approvers: it carries the approve and request-changes actions.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component

from . import selectors

#: Wagtail's panels about the viewer's own page and snippet work, replaced by the platform's
#: bounded ones (theirs render a privacy and lock check per row).
REPLACED = {"recent_edits", "user_objects_in_workflow_moderation"}
#: Wagtail's panels about pages and workflow tasks: of no use to someone who cannot edit content.
CONTENT_PANELS = REPLACED | {"workflow_objects_to_moderate", "locked_pages"}

ROWS = 5
DUE_SOON_DAYS = 30
#: A facility from fewer answers than this says little about the question.
MIN_ASKED = 5


def writes_content(user) -> bool:
    return user_has_any_page_permission(user) or user.has_perm("quizzes.change_question")


def arrange(request, panels) -> None:
    user = request.user
    if not writes_content(user):
        # A partner reviewer edits nothing but decides on the tasks sent to their organisation:
        # Wagtail's "Awaiting your review" panel is where they find them.
        hidden = CONTENT_PANELS
        if user.has_perm("reviews.review_as_partner"):
            hidden = CONTENT_PANELS - {"workflow_objects_to_moderate"}
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in hidden]
        return
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    panels.extend([DraftsPanel(user), AwaitingApprovalPanel(user)])
    if user.has_perm("courses.view_content_review_report"):
        panels.append(ContentDueForReviewPanel())
    if user.has_perm("quizzes.view_item_analysis"):
        panels.append(LowestFacilityPanel())


class DraftsPanel(Component):
    """The viewer's pages and questions with unpublished changes, not yet sent for approval."""

    name = "platform_drafts"
    order = 100
    template_name = "home/admin/drafts_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"drafts": selectors.drafts_for(self.user, limit=ROWS), "rows": ROWS}


class AwaitingApprovalPanel(Component):
    """What the viewer sent for approval and a workflow still holds (Wagtail's workflow states)."""

    name = "platform_awaiting_approval"
    order = 110
    template_name = "home/admin/awaiting_approval_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"submissions": selectors.awaiting_approval_for(self.user, limit=ROWS), "rows": ROWS}


class ContentDueForReviewPanel(Component):
    """The first rows of the "Content due for review" report, with the counts and a link to it."""

    name = "platform_content_review"
    order = 120
    template_name = "home/admin/content_review_panel.html"

    def get_context_data(self, parent_context=None):
        from courses.selectors import content_due_for_review

        return {
            "due": content_due_for_review(today=timezone.localdate(), horizon_days=DUE_SOON_DAYS, limit=ROWS),
            "days": DUE_SOON_DAYS,
            "report_url": reverse("courses_reports:content_review"),
        }


class LowestFacilityPanel(Component):
    """The questions officers most often get wrong, each linked to its quiz's item analysis."""

    name = "platform_lowest_facility"
    order = 130
    template_name = "home/admin/lowest_facility_panel.html"

    def get_context_data(self, parent_context=None):
        from quizzes.selectors import lowest_facility

        return {
            "questions": lowest_facility(limit=ROWS, min_asked=MIN_ASKED),
            "min_asked": MIN_ASKED,
            "report_url": reverse("quizzes_reports:item_analysis"),
        }
