"""
LTI 1.3 records: the platforms that may launch us, our signing keys, the nonces already used,
the people a platform's accounts were linked to, and the grades owed back (docs/standards.md, LTI).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentifyBy(models.TextChoices):
    """Which claim of a launch names our person. The platform's ``sub`` is linked after the first match."""

    EMAIL = "email", _("Email address (the launch's email claim)")
    STAFF_NUMBER = "staff_number", _("HR staff number (a custom claim)")
    WARRANT_NUMBER = "warrant_number", _("Warrant number (a custom claim)")
    LINKED_ONLY = "linked", _("Only accounts already linked by an administrator")


class Platform(models.Model):
    """
    Another learning platform (a force's Moodle, a national MLE) registered to launch our
    courses. Its issuer, client id and deployment ids come from the platform's tool
    registration; its URLs are where we send the browser (login), fetch its keys (JWKS) and
    ask for a token to post grades. Edited in the Wagtail admin under Settings → LTI platforms.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("For example “Kent Police Moodle”."))
    issuer = models.URLField(_("issuer"), max_length=255, help_text=_("The platform's issuer (iss), a URL."))
    client_id = models.CharField(_("client id"), max_length=255, help_text=_("The client id the platform gave us."))
    deployment_ids = models.TextField(
        _("deployment ids"),
        help_text=_("One per line, as the platform shows them (Moodle: the tool's deployment id)."),
    )
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    auth_audience = models.CharField(
        _("access token audience"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty unless the platform asks for one: the token URL is used."),
    )
    key_set_url = models.URLField(_("public keyset (JWKS) URL"), max_length=500)
    identify_by = models.CharField(
        _("identify people by"), max_length=20, choices=IdentifyBy.choices, default=IdentifyBy.EMAIL
    )
    custom_claim = models.CharField(
        _("custom claim name"),
        max_length=100,
        blank=True,
        default="staff_number",
        help_text=_(
            "For staff or warrant numbers: the custom parameter that carries it (Moodle: custom parameters "
            "such as staff_number=$User.idnumber)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Inactive platforms cannot launch."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_issuer_client_once"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.deployment_id_list():
            raise ValidationError({"deployment_ids": _("Give at least one deployment id.")})
        if self.identify_by in {IdentifyBy.STAFF_NUMBER, IdentifyBy.WARRANT_NUMBER} and not self.custom_claim:
            raise ValidationError({"custom_claim": _("Name the custom parameter that carries the number.")})

    def deployment_id_list(self) -> list[str]:
        return [line.strip() for line in (self.deployment_ids or "").splitlines() if line.strip()]


class KeyState(models.TextChoices):
    ACTIVE = "active", _("Active: signs our messages")
    PREVIOUS = "previous", _("Previous: still published, no longer signs")
    RETIRED = "retired", _("Retired: not published")


class ToolKey(models.Model):
    """
    Our RSA key pair for signing deep linking responses and token requests. One is active; the
    one before it stays published in our JWKS for a rotation period so that platforms holding
    it can still check what it signed. Rotated from the admin (Settings → LTI tool keys →
    Rotate), never edited.
    """

    kid = models.CharField(_("key id"), max_length=100, unique=True, editable=False)
    state = models.CharField(_("state"), max_length=10, choices=KeyState.choices, editable=False)
    private_key_pem = models.TextField(editable=False)
    public_jwk = models.JSONField(_("public key"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("LTI tool key")
        verbose_name_plural = _("LTI tool keys")
        ordering = ["-created_at", "-pk"]
        permissions = [("rotate_toolkey", _("Can rotate the LTI tool keys"))]
        constraints = [
            models.UniqueConstraint(
                fields=["state"], condition=models.Q(state="active"), name="lti_toolkey_one_active"
            ),
        ]

    def __str__(self):
        return f"{self.kid[:12]}… ({self.get_state_display()})"


class UsedNonce(models.Model):
    """
    A launch's nonce, recorded once when the launch is accepted, so that the same signed launch
    posted again is refused (pylti1p3 checks the nonce is present, never that it is fresh). Kept
    until the launch token would have expired anyway; expired rows are removed as launches come in.
    """

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=255)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "nonce"], name="lti_nonce_once")]

    def __str__(self):
        return self.nonce


class LinkedAccount(models.Model):
    """
    A platform's user (its ``sub``) linked to our person: made at the first launch matched by the
    configured claim, or by an administrator. Later launches use the link, whatever the claims say.
    """

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="linked_accounts")
    subject = models.CharField(_("platform user id (sub)"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_accounts", verbose_name=_("person")
    )
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("linked LTI account")
        verbose_name_plural = _("linked LTI accounts")
        constraints = [models.UniqueConstraint(fields=["platform", "subject"], name="lti_account_subject_once")]

    def __str__(self):
        return f"{self.platform}: {self.subject}"


class GradeTarget(models.Model):
    """
    Where a person's result for one course goes back: the platform's line item from the launch's
    Assignment and Grade Services claim. Written at launch; read when the course completes.
    """

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+")
    subject = models.CharField(max_length=255)
    lineitem = models.URLField(max_length=500)
    scopes = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "user", "lineitem"], name="lti_grade_target_once"),
        ]

    def __str__(self):
        return self.lineitem


class ScoreStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Accepted by the platform")
    FAILED = "failed", _("Given up after the last try")


class ScorePost(models.Model):
    """
    One score owed to a platform for one completion: written in the completion's transaction,
    sent by ``lti.tasks.post_score`` after the commit, tried again with backoff until accepted.
    """

    target = models.ForeignKey(GradeTarget, on_delete=models.CASCADE, related_name="posts")
    completion = models.ForeignKey("courses.CourseCompletion", on_delete=models.SET_NULL, null=True, related_name="+")
    score_given = models.DecimalField(max_digits=6, decimal_places=2)
    score_maximum = models.DecimalField(max_digits=6, decimal_places=2)
    completed_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=ScoreStatus.choices, default=ScoreStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "completion"], name="lti_score_once")]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="lti_score_due")]

    def __str__(self):
        return f"{self.score_given}/{self.score_maximum} → {self.target}"
