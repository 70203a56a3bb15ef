"""The demo's partner review is real: made through the workflow, recorded, and not repeated."""

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from accounts.models import User
from audit.models import Action, AuditEvent
from courses.models import CoursePage
from demo.management.commands.load_demo import DEMO_PASSWORD
from reviews.models import PartnerApproval

pytestmark = pytest.mark.django_db


def test_the_judaism_course_carries_a_recorded_cst_approval_of_its_live_version(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # loading again approves nothing again

    course = CoursePage.objects.get(slug="guide-to-judaism")
    approval = PartnerApproval.objects.get()
    assert approval.page_id == course.pk
    assert approval.revision_number == course.live_revision_id
    assert (approval.organisation_name, approval.reviewer.username) == ("Community Security Trust (CST)", "partner")
    assert AuditEvent.objects.filter(action=Action.PARTNER_APPROVED).count() == 1
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [ts.task.name for ts in state.task_states.order_by("started_at")] == [
        "Community Security Trust (CST) review",
        "Content approvers review",
    ]
    assert course.reviewed_with_line.startswith("Reviewed with Community Security Trust (CST) on ")

    partner = User.objects.get(username="partner")
    assert partner.check_password(DEMO_PASSWORD)
    assert partner.unit is None  # not one of the force's people: no training is assigned to them
    assert not partner.assignments.exists()
