"""
The audit trail: who did or looked at what, and when.

Events are written only through ``audit.services.record_event``; nothing edits or deletes
them. The administrators' report is ``audit.views`` (registered in ``audit.wagtail_hooks``).
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


class AuditEvent(models.Model):
    """
    One thing that happened, append-only. People are snapshotted by name as well as linked,
    so renaming or anonymising an account does not rewrite who did what at the time.
    """

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

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["actor", "occurred_at"], name="audit_actor_when"),
            models.Index(fields=["subject", "occurred_at"], name="audit_subject_when"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.occurred_at:%Y-%m-%d %H:%M})"

    def get_action_display(self) -> str:
        try:
            return str(Action(self.action).label)
        except ValueError:
            return self.action
