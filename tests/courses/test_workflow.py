"""Trainers edit courses but cannot publish alone: changes go to content approvers."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import ModulePage
from tests.courses.conftest import new_course_form

pytestmark = pytest.mark.django_db


def module_form(title: str, text: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "module-1",
            "summary": "",
            "estimated_minutes": 6,
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        }
    )


def test_trainer_can_edit_but_not_publish_a_module(client_as, modules):
    client = client_as("trainer")
    edit_url = reverse("wagtailadmin_pages:edit", args=[modules[0].pk])
    assert client.get(edit_url).status_code == 200

    client.post(edit_url, {**module_form("Module 1, corrected", "Corrected text."), "action-publish": "publish"})

    module = ModulePage.objects.get(pk=modules[0].pk)
    assert module.title == "Module 1"  # the live page is unchanged
    assert module.has_unpublished_changes
    assert module.get_latest_revision_as_object().title == "Module 1, corrected"


def test_trainer_submits_a_change_and_a_content_approver_publishes_it(client_as, client, modules, approver):
    trainer = client_as("trainer")
    edit_url = reverse("wagtailadmin_pages:edit", args=[modules[0].pk])
    trainer.post(edit_url, {**module_form("Module 1, corrected", "Corrected text."), "action-submit": "submit"})

    state = WorkflowState.objects.get(object_id=str(modules[0].pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Course approval"
    assert ModulePage.objects.get(pk=modules[0].pk).title == "Module 1"

    client.force_login(approver)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[modules[0].pk, "approve", state.current_task_state.pk]),
        {"comment": "Checked with the partner."},
    )
    assert response.status_code in (200, 302)

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    module = ModulePage.objects.get(pk=modules[0].pk)
    assert module.title == "Module 1, corrected"
    assert not module.has_unpublished_changes


@pytest.mark.parametrize(
    ("role", "can_edit"),
    [
        ("officer", False),
        ("other_officer", False),
        ("trainer", True),
        ("manager_of_other_unit", False),
        ("manager_of_unit", False),
        ("administrator", True),
    ],
)
def test_only_trainers_and_administrators_edit_course_pages(client_as, modules, role, can_edit):
    response = client_as(role).get(reverse("wagtailadmin_pages:edit", args=[modules[0].pk]))
    assert (response.status_code == 200) is can_edit


def test_a_trainer_creates_a_course_and_a_module_and_submits_them_for_approval(client_as, catalogue):
    from courses.models import CoursePage

    client = client_as("trainer")
    add_course = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    assert client.get(add_course).status_code == 200
    course_form = new_course_form()
    response = client.post(add_course, {**course_form, "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="disability-hate-crime")
    assert not course.live  # a trainer's new course waits for a content approver
    assert WorkflowState.objects.get(object_id=str(course.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    add_module = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    response = client.post(
        add_module,
        {**module_form("What it looks like", "Hostility hidden as friendship."), "action-publish": "publish"},
    )
    assert response.status_code == 302
    module = ModulePage.objects.child_of(course).get()
    assert not module.live  # "publish" from a trainer is not publishing
    assert module.title == "What it looks like"
