"""
Community-partner review of course content (issue 12, point 7).

A ``PartnerOrganisation`` (a snippet, edited under Snippets → Partner organisations by
administrators) has ``PartnerReviewer`` accounts: people in the "Partner reviewers" role
(``accounts.roles.PARTNER_REVIEWER``), each belonging to one organisation. A
``PartnerReviewTask`` is a step of a Wagtail workflow assigned to one organisation: its
reviewers approve or request changes, with a comment. Each approval is kept as a
``PartnerApproval``: which page and which revision, which organisation and reviewer, when,
and what they said. The course page's "Reviewed with … on …" line is read from it
(``reviews.selectors.review_line``).

An approval is a record, like a learner's: it points at the page, the revision, the
organisation and the reviewer with ``SET_NULL`` and keeps their names and numbers, so
deleting any of them never deletes the record of what was approved.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Task, TaskState
from wagtail.search import index


class PartnerOrganisation(index.Indexed, ClusterableModel):
    """
    A community organisation that reviews courses with the force, such as a faith community's
    security charity. Edited as a snippet (``reviews.wagtail_hooks``); its reviewers are
    listed inline.
    """

    name = models.CharField(_("name"), max_length=200, unique=True, help_text=_("As the course page credits it."))

    panels = [FieldPanel("name"), InlinePanel("reviewers", heading=_("Partner reviewers"), label=_("Reviewer"))]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        permissions = [("review_as_partner", _("Can review courses for a partner organisation"))]

    def __str__(self):
        return self.name


def _partner_reviewer_accounts():
    from accounts.roles import PARTNER_REVIEWER

    return {"groups__name": PARTNER_REVIEWER}


class PartnerReviewer(models.Model):
    """
    One account's membership of one partner organisation (an account belongs to at most
    one). Edited inline on the organisation; only accounts in the "Partner reviewers" role
    can be chosen.
    """

    organisation = ParentalKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="reviewers")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_reviewer",
        limit_choices_to=_partner_reviewer_accounts,
        verbose_name=_("account"),
    )

    panels = [FieldPanel("user")]

    class Meta:
        verbose_name = _("partner reviewer")
        verbose_name_plural = _("partner reviewers")

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class PartnerReviewTask(Task):
    """
    A workflow step that a partner organisation's reviewers approve, modelled on Wagtail's
    ``GroupApprovalTask``. Created and added to a workflow under Settings → Workflows (the
    demo's "Course review" workflow has one for CST). The reviewers can open the page under
    review read-only (``locked_for_user``), preview it, compare its revisions, and approve or
    request changes; nobody else can act on this step, administrators included (an
    administrator can still cancel the workflow). Approving records a ``PartnerApproval``.
    """

    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        related_name="review_tasks",
        verbose_name=_("partner organisation"),
        help_text=_("Whose reviewers approve pages at this step."),
    )

    admin_form_fields = Task.admin_form_fields + ["organisation"]

    class Meta:
        verbose_name = _("partner review task")
        verbose_name_plural = _("partner review tasks")

    def is_reviewer(self, user) -> bool:
        """Is ``user`` an active reviewer of this task's organisation? Cached on the user per task."""
        if not (user and user.is_authenticated and user.is_active):
            return False
        checks = user.__dict__.setdefault("_partner_review_task_checks", {})
        if self.pk not in checks:
            checks[self.pk] = user.has_perm("reviews.review_as_partner") and (
                PartnerReviewer.objects.filter(user=user, organisation_id=self.organisation_id).exists()
            )
        return checks[self.pk]

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(user)

    def locked_for_user(self, obj, user):
        # Partners review; they never edit. Everyone else waits for their answer.
        return True

    def user_can_lock(self, obj, user):
        return False

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.is_reviewer(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        from .services import record_decision

        if not self.is_reviewer(user):
            raise PermissionDenied
        with transaction.atomic():
            record_decision(task_state=task_state, user=user, action=action_name, comment=kwargs.get("comment", ""))
            super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.is_reviewer(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("Reviewers of the chosen partner organisation approve or request changes")


class PartnerApproval(models.Model):
    """
    A partner organisation's approval of one revision of a page: written by
    ``reviews.services.record_decision`` when a reviewer approves a ``PartnerReviewTask``,
    never edited. Listed read-only in the admin under Reports → Partner approvals.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="partner_approvals"
    )
    page_title = models.CharField(_("page"), max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revision_number = models.PositiveIntegerField(_("revision"), help_text=_("The approved revision's id."))
    revision_created_at = models.DateTimeField(_("version of"))
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.SET_NULL, null=True, related_name="approvals"
    )
    organisation_name = models.CharField(_("partner organisation"), max_length=200)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="partner_approvals"
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=255)
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("partner approval")
        verbose_name_plural = _("partner approvals")
        ordering = ["-approved_at", "-pk"]
        indexes = [models.Index(fields=["page", "-approved_at"])]

    def __str__(self):
        return f"{self.page_title}: {self.organisation_name}, {self.approved_at:%Y-%m-%d}"
