"""
The demo's partner review: the Community Security Trust (CST) reviews the Judaism course.

A "Course review" workflow (CST's step, then the content approvers' step, which publishes)
is assigned to the Judaism course, and the course's live version is approved through it as
people would: the trainer submits, the demo partner reviewer ("partner") approves, which
records the ``PartnerApproval`` the course page's "Reviewed with …" line reads, and the
approver approves, which publishes it. Loading again does nothing while that approval is of the live version.
"""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from courses.models import CourseCompletion, CoursePage
from demo import history
from reviews.models import PartnerApproval, PartnerOrganisation, PartnerReviewer, PartnerReviewTask

ORGANISATION = "Community Security Trust (CST)"
WORKFLOW = "Course review"
COURSE_SLUG = "guide-to-judaism"


def load_workflow(organisation: PartnerOrganisation, course: CoursePage) -> Workflow:
    approvers_task = GroupApprovalTask.objects.get(name="Content approvers review")
    partner_task, _ = PartnerReviewTask.objects.get_or_create(
        name=f"{organisation.name} review", defaults={"organisation": organisation}
    )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, task in enumerate([partner_task, approvers_task]):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    WorkflowPage.objects.update_or_create(page=course, defaults={"workflow": workflow})
    return workflow


def approve_through_workflow(*, workflow: Workflow, course: CoursePage, people: dict) -> PartnerApproval:
    """Submit the course's current content, and have each step approve it: what a reviewer's clicks do."""
    course.save_revision(user=people["trainer"])
    state = workflow.start(course, people["trainer"])
    comments = {
        "partner": "Checked with our community safety team: accurate and respectful. Approved.",
        "approver": "Approved by the partner; published.",
    }
    for username in ("partner", "approver"):
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, people[username], "approve", comment=comments[username])
    return PartnerApproval.objects.filter(page_id=course.pk).latest("approved_at")


def load_partner_review(people: dict) -> PartnerApproval:
    organisation, _ = PartnerOrganisation.objects.get_or_create(name=ORGANISATION)
    PartnerReviewer.objects.update_or_create(user=people["partner"], defaults={"organisation": organisation})
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    workflow = load_workflow(organisation, course)
    current = PartnerApproval.objects.filter(page_id=course.pk, revision_number=course.live_revision_id).first()
    if current is not None:
        return current
    approval = approve_through_workflow(workflow=workflow, course=course, people=people)
    if not CourseCompletion.objects.filter(course=course).exists():
        # First load: nobody has read the course yet, so the review belongs with its writing.
        history.date_review_with_the_writing(course, approval)
    return approval
