"""
Admin for partner review: the organisations and their reviewers (administrators), and the
record of partner approvals (read-only, for those who look after content).
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import PartnerApproval, PartnerOrganisation


class PartnerOrganisationViewSet(ModelViewSet):
    model = PartnerOrganisation
    name = "partner_organisations"
    icon = "group"
    menu_label = _("Partner organisations")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", Column("reviewers", label=_("Reviewers"), accessor=lambda o: o.reviewers.count())]
    search_fields = ["name"]


def _version_link(approval):
    if approval.page_id is None or approval.revision_id is None:
        return _("Revision %(number)s (no longer kept)") % {"number": approval.revision_number}
    return format_html(
        '<a href="{}">{}</a>',
        reverse("wagtailadmin_pages:revisions_view", args=[approval.page_id, approval.revision_id]),
        _("Revision %(number)s, of %(date)s")
        % {"number": approval.revision_number, "date": f"{approval.revision_created_at:%-d %B %Y %H:%M}"},
    )


def _is_live(approval):
    page = approval.page
    if page is None:
        return _("Page deleted")
    return _("Yes") if page.live_revision_id == approval.revision_number else _("No, changed since")


class ApprovalIndexView(generic.IndexView):
    def get_base_queryset(self):
        return PartnerApproval.objects.select_related("page")


class PartnerApprovalViewSet(ModelViewSet):
    """Which version of which page a partner approved, who, when, and what they said."""

    model = PartnerApproval
    name = "partner_approvals"
    icon = "tick"
    menu_label = _("Partner approvals")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "page_title",
        "organisation_name",
        "reviewer_name",
        DateColumn("approved_at", label=_("Approved on")),
        Column("version", label=_("Version approved"), accessor=_version_link),
        Column("live", label=_("Is the live version"), accessor=_is_live),
    ]
    list_filter = ["organisation_name"]
    search_fields = ["page_title", "organisation_name", "reviewer_name"]
    list_export = [
        "page_title",
        "organisation_name",
        "reviewer_name",
        "approved_at",
        "revision_number",
        "revision_created_at",
        "comment",
    ]
    export_filename = "partner-approvals"
    inspect_view_fields = [
        "page_title",
        "organisation_name",
        "reviewer_name",
        "approved_at",
        "revision_number",
        "revision_created_at",
        "comment",
    ]

    #: Never saved through the admin (``ApprovalRecordPermissionPolicy``); Wagtail asks for a form anyway.
    form_fields = ["comment"]
    index_view_class = ApprovalIndexView


class PartnerReviewGroup(ModelViewSetGroup):
    menu_label = _("Partner review")
    menu_icon = "group"
    menu_order = 240
    items = (PartnerOrganisationViewSet, PartnerApprovalViewSet)
