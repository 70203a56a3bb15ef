"""
Wagtail's revision views, also open to a partner reviewer for the page under their review.

Wagtail's own ``RevisionsView`` and ``RevisionsCompareView`` first ask whether the user has
any page permission at all, which a partner reviewer never has. These answer at Wagtail's
addresses (``config/urls.py`` routes them ahead of the admin): a partner reviewer, whom the
fence (``reviews.middleware``) has already let through only for a page their organisation is
reviewing, gets the view without that first question; the view's own check (can edit, which
the review step's ``user_can_access_editor`` grants) still applies. Everyone else gets
Wagtail's views unchanged.
"""

from django.urls import re_path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.revisions import RevisionsCompareView, RevisionsView
from wagtail.admin.viewsets.pages import page_viewset_registry

from .selectors import is_partner_reviewer


class PartnerRevisionsCompareView(RevisionsCompareView):
    def dispatch(self, request, *args, **kwargs):
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)


class PartnerRevisionsView(RevisionsView):
    def dispatch(self, request, *args, **kwargs):
        return super(RevisionsView, self).dispatch(request, *args, **kwargs)


def _routed(view_name: str, page_id_kwarg: str, partner_view_class):
    wagtails_view = page_viewset_registry.as_view(view_name, page_id_kwarg=page_id_kwarg)

    @require_admin_access
    def view(request, *args, **kwargs):
        if is_partner_reviewer(request.user):
            viewset = page_viewset_registry.get_by_page_id(kwargs[page_id_kwarg])
            return viewset.construct_view(partner_view_class)(request, *args, **kwargs)
        return wagtails_view(request, *args, **kwargs)

    return view


urlpatterns = [
    re_path(
        r"^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$",
        _routed("revisions_compare", "pk", PartnerRevisionsCompareView),
        name="revisions_compare",
    ),
    re_path(
        r"^(?P<page_id>\d+)/revisions/(?P<revision_id>\d+)/view/$",
        _routed("revisions_view", "page_id", PartnerRevisionsView),
        name="revisions_view",
    ),
]
