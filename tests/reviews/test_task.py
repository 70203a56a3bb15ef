"""The partner review step: who may act on it, what approving and requesting changes do."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page, TaskState, WorkflowState

from audit.models import Action, AuditEvent
from courses.models import CoursePage
from reviews.models import PartnerApproval, PartnerReviewTask
from reviews.services import record_decision

pytestmark = pytest.mark.django_db


def action_url(state, action):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[state.content_object.pk, action, state.current_task_state.pk]
    )


def test_the_partner_sees_the_course_awaiting_their_review_on_the_dashboard(client, partner, in_review):
    client.force_login(partner)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "A guide to Judaism, revised" in content
    assert action_url(in_review, "approve") in content


def test_the_partner_approves_with_a_comment_and_the_version_is_recorded(client, partner, approver, in_review):
    revision = in_review.current_task_state.revision
    client.force_login(partner)
    response = client.post(action_url(in_review, "approve"), {"comment": "Accurate and respectful."})
    assert response.status_code in (200, 302)

    approval = PartnerApproval.objects.get()
    assert approval.revision == revision
    assert approval.revision_number == revision.pk
    assert approval.revision_created_at == revision.created_at
    assert (approval.organisation_name, approval.reviewer_name) == ("Community Security Trust (CST)", "Miriam Adler")
    assert approval.reviewer == partner
    assert approval.page_id == in_review.content_object.pk
    assert approval.page_title == "A guide to Judaism, revised"
    assert approval.comment == "Accurate and respectful."
    event = AuditEvent.objects.get(action=Action.PARTNER_APPROVED)
    assert event.actor == partner
    assert event.data["revision_id"] == revision.pk
    assert event.data["approval_id"] == approval.pk

    # The content approvers' step follows, and publishes the approved version.
    in_review.refresh_from_db()
    assert in_review.status == WorkflowState.STATUS_IN_PROGRESS
    assert in_review.current_task_state.task.name == "Content approvers review"
    assert CoursePage.objects.get(pk=approval.page_id).title == "A guide to Judaism"
    client.force_login(approver)
    client.post(action_url(in_review, "approve"), {"comment": ""})
    course = CoursePage.objects.get(pk=approval.page_id)
    assert course.title == "A guide to Judaism, revised"
    assert course.live_revision_id == revision.pk


def test_the_partner_requests_changes_and_nothing_is_approved(client, partner, in_review):
    client.force_login(partner)
    client.post(action_url(in_review, "reject"), {"comment": "The Shabbat times are wrong."})

    in_review.refresh_from_db()
    assert in_review.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert in_review.current_task_state.comment == "The Shabbat times are wrong."
    assert not PartnerApproval.objects.exists()
    event = AuditEvent.objects.get(action=Action.PARTNER_CHANGES_REQUESTED)
    assert event.data["comment"] == "The Shabbat times are wrong."


@pytest.mark.parametrize("who", ["other_partner", "administrator", "trainer", "approver", "officer"])
def test_nobody_but_the_organisations_reviewers_can_decide_its_review(
    client, people, partner, other_partner, approver, in_review, who
):
    user = {"other_partner": other_partner, "approver": approver}.get(who) or people[who]
    client.force_login(user)
    for action in ("approve", "reject"):
        response = client.post(action_url(in_review, action), {"comment": "Approved by the wrong people."})
        assert response.status_code in (302, 403)
    in_review.refresh_from_db()
    assert in_review.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert in_review.current_task_state.task.specific.__class__ is PartnerReviewTask
    assert not PartnerApproval.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="review.").exists()


def test_the_task_refuses_another_organisations_reviewer_in_code_too(other_partner, in_review):
    task_state = in_review.current_task_state
    task = task_state.task.specific
    assert task.get_actions(in_review.content_object, other_partner) == []
    assert not task.get_task_states_user_can_moderate(other_partner).exists()
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, other_partner, "approve", comment="")
    with pytest.raises(PermissionDenied):
        record_decision(task_state=task_state, user=other_partner, action="approve")
    assert not PartnerApproval.objects.exists()


def test_a_decided_review_cannot_be_approved_again(partner, in_review):
    task_state = in_review.current_task_state
    task_state.task.specific.on_action(task_state, partner, "reject", comment="Not yet.")
    task_state.refresh_from_db()
    with pytest.raises(PermissionDenied):
        record_decision(task_state=task_state, user=partner, action="approve")
    assert not PartnerApproval.objects.exists()


def test_the_partner_reads_the_page_under_review_but_cannot_change_it(client, partner, in_review):
    page = in_review.content_object
    client.force_login(partner)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    task_id = in_review.current_task_state.task_id
    assert client.get(reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_id])).status_code == 200
    revision = in_review.current_task_state.revision
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk])
    assert "A guide to Judaism, revised" in client.get(compare).content.decode()
    view = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
    assert client.get(view).status_code == 200
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "A guide to Judaism, revised" in edit_page  # the version under review

    before = page.specific.latest_revision_id
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Changed by the partner", "slug": "judaism", "summary": "x", "action-publish": "publish"},
    )
    page = Page.objects.get(pk=page.pk).specific
    assert page.latest_revision_id == before
    assert page.title == "A guide to Judaism"


def test_the_partner_cannot_open_a_course_not_sent_to_them(client, partner, in_review, other_course, people):
    client.force_login(partner)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[other_course.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[other_course.pk]),
        reverse("wagtailadmin_pages:edit", args=[in_review.content_object.get_children().first().pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_once_decided_the_page_is_closed_to_the_partner_again(client, partner, in_review):
    client.force_login(partner)
    client.post(action_url(in_review, "approve"), {"comment": ""})
    response = client.get(reverse("wagtailadmin_pages:edit", args=[in_review.content_object.pk]))
    assert response.status_code == 302


def test_the_approval_outlives_its_revision_and_its_page(partner, in_review):
    task_state = in_review.current_task_state
    task_state.task.specific.on_action(task_state, partner, "approve", comment="Fine.")
    approval = PartnerApproval.objects.get()
    number = approval.revision_number
    in_review.content_object.specific.delete()
    approval.refresh_from_db()
    assert approval.revision is None and approval.page is None
    assert (approval.revision_number, approval.page_title) == (number, "A guide to Judaism, revised")
    assert approval.reviewer_name == "Miriam Adler"


def test_the_approval_is_dated_now(partner, in_review):
    task_state = in_review.current_task_state
    before = timezone.now()
    task_state.task.specific.on_action(task_state, partner, "approve", comment="")
    approval = PartnerApproval.objects.get()
    assert before <= approval.approved_at <= timezone.now()
    assert date_format(timezone.localtime(approval.approved_at), "j F Y")


def test_the_partner_cannot_cancel_the_workflow_from_the_edit_view(client, partner, in_review):
    client.force_login(partner)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[in_review.content_object.pk]), {"action-cancel-workflow": "1"}
    )
    assert response.status_code == 403
    in_review.refresh_from_db()
    assert in_review.status == WorkflowState.STATUS_IN_PROGRESS
