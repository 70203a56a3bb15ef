"""
The audit trail: who did or looked at what, and when.

Events are written only through ``audit.services.record_event``; nothing edits or deletes
them (refused here in code, and on PostgreSQL by a trigger from ``migrations/0002``). Each
event carries the hash of the one before it, so ``manage.py verify_audit_trail`` can show
that none was changed, removed or reordered. The administrators' report is ``audit.views``
(registered in ``audit.wagtail_hooks``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """
    Every kind of event the trail records. Kept off the model field on purpose: adding an
    action is a code change, not a migration.
    """

    SIGN_IN = "auth.sign_in", _("Signed in")
    SIGN_IN_FAILED = "auth.sign_in_failed", _("Sign-in failed")
    SIGN_OUT = "auth.sign_out", _("Signed out")
    LOCKED_OUT = "auth.locked_out", _("Locked out after repeated failures")
    PASSWORD_CHANGED = "auth.password_changed", _("Password changed")
    PASSWORD_RESET = "auth.password_reset", _("Password reset by email")
    EMAIL_CHANGED = "auth.email_changed", _("Email address changed")
    SECOND_FACTOR_ADDED = "auth.second_factor_added", _("Second factor added")
    SECOND_FACTOR_REMOVED = "auth.second_factor_removed", _("Second factor removed")
    BACKUP_CODES_ISSUED = "auth.backup_codes_issued", _("Backup codes issued")
    SECOND_FACTOR_FAILED = "auth.second_factor_failed", _("Second factor code refused")
    GROUPS_CHANGED = "people.groups_changed", _("Roles changed")
    STAFF_STATUS_CHANGED = "people.staff_status_changed", _("Administrator or staff status changed")
    PERSON_DEACTIVATED = "people.deactivated", _("Account deactivated")
    PERSON_ANONYMISED = "people.anonymised", _("Person anonymised under the retention policy")
    RECORD_VIEWED = "record.viewed", _("Training record viewed")
    TRANSCRIPT_VIEWED = "record.transcript_viewed", _("Transcript viewed")
    REPORT_VIEWED = "report.viewed", _("Report viewed")
    REPORT_EXPORTED = "report.exported", _("Report exported")
    EVIDENCE_DOWNLOADED = "evidence.downloaded", _("Evidence downloaded")
    EXEMPTION_GRANTED = "exemption.granted", _("Exemption granted")
    EXEMPTION_CHANGED = "exemption.changed", _("Exemption changed")
    EXEMPTION_WITHDRAWN = "exemption.withdrawn", _("Exemption withdrawn")
    ADJUSTMENT_GRANTED = "adjustment.granted", _("Adjustment granted")
    ADJUSTMENT_CHANGED = "adjustment.changed", _("Adjustment changed")
    ADJUSTMENT_WITHDRAWN = "adjustment.withdrawn", _("Adjustment withdrawn")
    SUBJECT_ACCESS_EXPORTED = "privacy.subject_access_exported", _("Subject-access export made")
    PERSON_REACTIVATED = "people.reactivated", _("Account reactivated")
    AUDIT_TRAIL_VIEWED = "audit.viewed", _("Audit trail viewed")
    AUDIT_TRAIL_EXPORTED = "audit.exported", _("Audit trail exported")
    PARTNER_APPROVED = "review.partner_approved", _("Partner approved content")
    PARTNER_CHANGES_REQUESTED = "review.partner_changes_requested", _("Partner requested changes")
    PRIOR_CERTIFICATION_RECORDED = "completion.prior_recorded", _("Prior certification recorded")
    VALIDITY_RULE_CHANGED = "course.validity_rule_changed", _("Validity rule changed")

    CERTIFICATE_ISSUED = "certificate.issued", _("Certificate issued on someone's behalf")
    CERTIFICATE_REVOKED = "certificate.revoked", _("Certificate revoked")
    CERTIFICATE_DOWNLOADED = "certificate.downloaded", _("Someone else's certificate downloaded")

    API_TOKEN_ISSUED = "api.token_issued", _("API token issued")
    API_TOKEN_REVOKED = "api.token_revoked", _("API token revoked")
    API_COMPLETION_RECORDED = "api.completion_recorded", _("Completion recorded through the API")

    HR_IMPORT_RUN = "people.hr_import", _("HR import run")
    LTI_KEY_ROTATED = "lti.key_rotated", _("LTI tool keys rotated")
    LTI_LAUNCH_REFUSED = "lti.launch_refused", _("LTI launch refused for a person with staff access")
    LTI_LAUNCHED = "lti.launched", _("Signed in by an LTI launch")
    LTI_ACCOUNT_LINKED = "lti.account_linked", _("LTI platform account linked to a person by a launch")

    SCIM_PERSON_CREATED = "scim.person_created", _("Person created through SCIM provisioning")
    SCIM_PERSON_UPDATED = "scim.person_updated", _("Person updated through SCIM provisioning")
    SCIM_PERSON_DEACTIVATED = "scim.person_deactivated", _("Person deactivated through SCIM provisioning")
    SCORM_PACKAGE_UPLOADED = "scorm.package_uploaded", _("SCORM package version uploaded")
    SCORM_ATTEMPT_RESET = "scorm.attempt_reset", _("An officer's SCORM attempt reset")
    # Single sign-on (issue 14; accounts/sso.py)
    SSO_SIGN_IN_REFUSED = "auth.sso_sign_in_refused", _("Single sign-on refused")
    SSO_ROLES_CHANGED = "auth.sso_roles_changed", _("Roles changed by single sign-on")


class AppendOnlyError(Exception):
    """Raised by every code path that would change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    """Reads only: bulk writes would bypass the chain, and changes and deletions are refused."""

    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def bulk_create(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are added one at a time by audit.services.record_event.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    _raw_delete = delete


class AuditEvent(models.Model):
    """
    One thing that happened, append-only. People are snapshotted by name as well as linked,
    so renaming or anonymising an account does not rewrite who did what at the time.

    ``sequence`` numbers the events 1, 2, 3… with no gap; ``previous_hash`` is the ``hash``
    of event ``sequence - 1`` and ``hash`` is the SHA-256 of this event's canonical form
    (``audit.chain.canonical``), previous hash included. Listed in the admin under
    Reports → Audit trail, for administrators only.
    """

    sequence = models.PositiveBigIntegerField(_("number"), unique=True, editable=False)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person acting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("person acting (as named then)"), max_length=255, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_label = models.CharField(_("person concerned (as named then)"), max_length=255, blank=True)
    target = models.CharField(_("object"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(_("hash of the event before"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-sequence"]
        default_permissions = ("view",)
        permissions = [
            ("export_subject_access", _("Can export everything held about one person (subject access)")),
        ]
        indexes = [
            models.Index(fields=["actor", "occurred_at"], name="audit_actor_when"),
            models.Index(fields=["subject", "occurred_at"], name="audit_subject_when"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.occurred_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding or not getattr(self, "_appending", False):
            raise AppendOnlyError("Audit events are written once, by audit.services.record_event, and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def get_action_display(self) -> str:
        try:
            return str(Action(self.action).label)
        except ValueError:
            return self.action

    action_label = property(get_action_display)

    @property
    def details(self) -> str:
        """The details as one line of text ("filters: {...}, rows: 12"), for the report and its export."""
        return ", ".join(f"{key}: {value}" for key, value in sorted(self.data.items()))


class ChainHead(models.Model):
    """
    The end of the chain: one row holding the last event's number and hash. Appending locks
    and moves it (so concurrent writers queue instead of forking the chain), and
    ``verify_audit_trail`` compares it with the last event, so removing events from the end
    is detected too. Not shown in the admin.
    """

    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("end of the audit chain")
        default_permissions = ()

    def __str__(self) -> str:
        return f"#{self.sequence}"
