"""
The xAPI outbox. Every learning event writes its statement here, in the event's own transaction
(``xapi.signals``), so a statement exists exactly when its event committed. ``xapi.forwarding``
posts what is pending to the configured Learning Record Store and marks what it accepted; with no
LRS configured the rows simply wait. Listed (read-only) in the admin under Settings → xAPI outbox
(``xapi.viewsets``).
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Accepted by the LRS")
    REJECTED = "rejected", _("Refused by the LRS")


class Statement(models.Model):
    """
    One xAPI 1.0.3 statement as it will be (or was) sent. ``statement_id`` is derived from the
    event (uuid5), so the same event can never produce two statements and an LRS that receives
    it twice keeps it once. ``posts`` counts the HTTP requests that carried it: 1 when all went
    well, more only after a failed or unanswered request.
    """

    statement_id = models.UUIDField(_("statement id"), unique=True)
    event = models.CharField(_("event"), max_length=40)
    verb = models.CharField(_("verb"), max_length=200)
    object_id = models.CharField(_("activity"), max_length=500)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="xapi_statements",
        verbose_name=_("officer"),
    )
    payload = models.JSONField(_("statement"), encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=StatementState.choices, default=StatementState.PENDING)
    posts = models.PositiveIntegerField(_("requests that carried it"), default=0)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="xapi_statement_due")]

    def __str__(self):
        return f"{self.event} {self.statement_id}"
