"""Reads: what a partner reviewer is asked to review, and what partners have approved."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState

from .models import PartnerApproval, PartnerReviewTask


def is_partner_reviewer(user) -> bool:
    """
    Someone whose admin access comes from the partner reviewer role: fenced to their reviews
    (``reviews.middleware``). Read from the permissions Django has already loaded for the
    request, so it costs no query of its own.
    """
    return bool(
        user is not None
        and user.is_authenticated
        and not user.is_superuser
        and user.has_perm("reviews.review_as_partner")
    )


def review_states_for(user):
    """The in-progress partner review steps of ``user``'s organisation (none for anyone else)."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=PartnerReviewTask.objects.filter(active=True, organisation__reviewers__user=user),
    )


def pages_awaiting(user) -> set[int]:
    """Ids of the pages ``user`` is asked to review now."""
    page_type = Page._meta.label_lower
    ids = review_states_for(user).filter(
        revision__base_content_type__app_label=page_type.split(".")[0],
        revision__base_content_type__model=page_type.split(".")[1],
    )
    return {int(object_id) for object_id in ids.values_list("revision__object_id", flat=True)}


def latest_approval(page: Page) -> PartnerApproval | None:
    """The latest partner approval of the page's live version, or else its latest approval."""
    live = page.live_revision_id or 0
    return (
        PartnerApproval.objects.filter(page_id=page.pk)
        .annotate(
            is_live=Case(When(revision_number=live, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("is_live", "-approved_at", "-pk")
        .first()
    )


def review_line(page: Page) -> str:
    """
    "Reviewed with <organisation> on <date>", from the latest recorded approval; when the
    live version is not the one approved, the line says which version was.
    """
    approval = latest_approval(page)
    if approval is None:
        return ""
    values = {
        "organisation": approval.organisation_name,
        "date": date_format(localtime(approval.approved_at), "j F Y"),
        "version": date_format(localtime(approval.revision_created_at), "j F Y"),
    }
    if page.live_revision_id and approval.revision_number == page.live_revision_id:
        return _("Reviewed with %(organisation)s on %(date)s") % values
    return (
        _("Reviewed with %(organisation)s on %(date)s (the version of %(version)s; the course has changed since)")
        % values
    )
