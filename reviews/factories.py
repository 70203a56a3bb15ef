"""Factories for partner review, used by the tests (never by the demo)."""

import factory
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts import roles
from accounts.factories import UserFactory

from .models import PartnerOrganisation, PartnerReviewer, PartnerReviewTask


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Community partner {n}")


def partner_reviewer(organisation: PartnerOrganisation, **kwargs):
    """An account in the "Partner reviewers" role that reviews for ``organisation`` (in no unit)."""
    kwargs.setdefault("rank", "")
    kwargs.setdefault("warrant_number", None)
    user = UserFactory(roles=[roles.PARTNER_REVIEWER], **kwargs)
    PartnerReviewer.objects.create(user=user, organisation=organisation)
    return user


def course_review_workflow(organisation: PartnerOrganisation, page, name: str = "Course review") -> Workflow:
    """The partner's step, then the content approvers' step (which publishes), assigned to ``page``."""
    partner_task = PartnerReviewTask.objects.create(name=f"{organisation.name} review", organisation=organisation)
    workflow = Workflow.objects.create(name=name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=partner_task, sort_order=0)
    WorkflowTask.objects.create(
        workflow=workflow, task=GroupApprovalTask.objects.get(name="Content approvers review"), sort_order=1
    )
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
