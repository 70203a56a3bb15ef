"""Writes: a partner reviewer's decision on a partner review step, recorded and audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import TaskState

from audit.models import Action
from audit.services import record_event

from .models import PartnerApproval, PartnerReviewer


def _name(user) -> str:
    return (user.get_full_name() or user.get_username())[:255]


@transaction.atomic
def record_decision(*, task_state: TaskState, user, action: str, comment: str = "") -> PartnerApproval | None:
    """
    Record a reviewer's answer on an in-progress partner review step, before Wagtail moves
    the workflow on (the caller, ``PartnerReviewTask.on_action``, does both in one
    transaction). "approve" writes a ``PartnerApproval`` of the revision under review and an
    audit event; "reject" (request changes) writes the audit event only, with the comment.
    Refused unless ``user`` reviews for the step's organisation and the step is in progress.
    """
    task = task_state.task.specific
    membership = PartnerReviewer.objects.select_related("organisation").filter(user=user).first()
    if (
        membership is None
        or membership.organisation_id != getattr(task, "organisation_id", None)
        or not user.has_perm("reviews.review_as_partner")
    ):
        raise PermissionDenied("Only the partner organisation's reviewers can decide this review.")
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("This review has already been decided.")

    revision = task_state.revision
    page = revision.content_object
    organisation = membership.organisation
    data = {
        "page_id": revision.object_id,
        "revision_id": revision.pk,
        "organisation": organisation.name,
        "comment": comment,
    }
    if action == "reject":
        record_event(
            action=Action.PARTNER_CHANGES_REQUESTED, actor=user, target=f"page:{revision.object_id}", data=data
        )
        return None
    if action != "approve":
        raise PermissionDenied(f"Unknown action {action!r}.")

    approval = PartnerApproval.objects.create(
        page_id=int(revision.object_id),
        # The title of the version approved, not of the live page.
        page_title=(revision.object_str or str(getattr(page, "title", "")))[:255],
        revision=revision,
        revision_number=revision.pk,
        revision_created_at=revision.created_at,
        organisation=organisation,
        organisation_name=organisation.name,
        reviewer=user,
        reviewer_name=_name(user),
        approved_at=timezone.now(),
        comment=comment,
    )
    record_event(
        action=Action.PARTNER_APPROVED,
        actor=user,
        target=f"page:{revision.object_id}",
        data={**data, "approval_id": approval.pk},
    )
    return approval
