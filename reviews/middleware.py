"""
The partner reviewer's fence: in the admin, a partner reviewer reaches their dashboard, their
own account, and the review views of the pages sent to their organisation, and nothing else.

Wagtail's permissions already keep them out of almost everything (their role has no model or
page permissions). The fence makes that an allow-list rather than a hope: a view added later,
by us or by Wagtail, is closed to partners until it is named here (docs/security.md, "Partner
reviewers"). Its test walks every admin URL (tests/reviews/test_fence.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import is_partner_reviewer, pages_awaiting

#: Admin views a partner reviewer may open at all.
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_home",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_account",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_dismissibles",
    }
)
#: Views of one page, open only for a page under review by the reviewer's organisation.
#: (Wagtail's revision view and comparison answer through ``reviews.views``.)
REVIEW_VIEWS = frozenset(
    {
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
        "wagtailadmin_pages:workflow_preview",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:workflow_history_detail",
        "reviews_pages:revisions_compare",
        "reviews_pages:revisions_view",
    }
)
#: Of those, the ones a partner may post to: their decision, and the preview panel's form.
#: (The edit view is read-only for them; posting it could only cancel the workflow.)
REVIEW_POSTS = frozenset(
    {
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
        "wagtailadmin_pages:preview_on_edit",
    }
)


class PartnerReviewerFenceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if not is_partner_reviewer(getattr(request, "user", None)):
            return None
        if match.view_name in OPEN_VIEWS:
            return None
        writing = request.method not in ("GET", "HEAD")
        if match.view_name in REVIEW_VIEWS and (not writing or match.view_name in REVIEW_POSTS):
            page_id = view_kwargs.get("page_id", view_kwargs.get("pk"))
            if page_id is not None and int(page_id) in pages_awaiting(request.user):
                return None
        if not writing and not request.headers.get("x-requested-with"):
            messages.error(request, _("You can open only the courses sent to your organisation for review."))
            return redirect("wagtailadmin_home")
        raise PermissionDenied
