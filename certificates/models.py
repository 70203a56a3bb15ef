"""
Certificates: one per course completion, issued automatically when the completion is written
(``certificates.signals``) or by an administrator on someone's behalf, verified on the public
page by its code, and revoked by an administrator with a reason. Administrators find them under
Certificates in the Wagtail admin (``certificates.viewsets``); the site's wording is
``CertificateSettings`` (Settings → Certificates).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 random bits
#: What people type for what they meant: I and L for 1, O for 0 (Crockford's decoding).
_TYPED = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str | None:
    """
    The stored form of a code as someone typed it (any case, with spaces or dashes, O for 0),
    or ``None`` if it cannot be a code. Never raises, whatever the input.
    """
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    code = "".join(typed.split()).replace("-", "").upper().translate(_TYPED)
    if len(code) != CODE_LENGTH or any(character not in CODE_ALPHABET for character in code):
        return None
    return code


def display_code(code: str) -> str:
    """``ABCD-EFGH-JKMN``: three groups of four, as printed and shown."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class Certificate(models.Model):
    """
    The certificate of one course completion: the facts certified, copied when it was issued
    (so the PDF always shows what was issued, whatever happens to the person or the course), a
    code anyone can check on the public verification page, and who issued or revoked it and
    why. Issued automatically at completion (``issued_by`` empty) or by an administrator on
    someone's behalf; never edited, only revoked (Certificates in the Wagtail admin).
    """

    completion = models.OneToOneField(
        "courses.CourseCompletion",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("completion"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("officer"),
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    full_name = models.CharField(_("name"), max_length=300)
    warrant_number = models.CharField(_("warrant number"), max_length=20, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    version_label = models.CharField(_("content version"), max_length=255, blank=True)
    completed_on = models.DateField(_("completed on"))
    valid_until = models.DateField(_("valid until (as issued)"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
        help_text=_("Empty when issued automatically at completion."),
    )
    issued_reason = models.TextField(_("reason for issuing"), blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    # A record about a person, pointing at no content: keeping it out of Wagtail's reference
    # index keeps the completion's transaction to the certificate's own two queries.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="certificates_revoked_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(issued_by__isnull=True) | ~Q(issued_reason=""),
                name="certificates_issued_by_hand_with_reason",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} – {self.course_title} ({self.display_code})"

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def initial_and_surname(self) -> str:
        """What the public page shows of the name: "A. Morgan"."""
        parts = self.full_name.split()
        if len(parts) < 2:
            return self.full_name
        return f"{parts[0][0]}. {' '.join(parts[1:])}"

    def current_valid_until(self):
        """The valid-until date as it stands now: the completion's, which may be recomputed."""
        return self.completion.valid_until

    def status(self, today=None) -> str:
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        valid_until = self.current_valid_until()
        today = today or timezone.localdate()
        if valid_until is not None and valid_until < today:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def get_status_display(self) -> str:
        return CertificateStatus(self.status()).label


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """What every certificate says about who issues it. Settings → Certificates."""

    force_name = models.CharField(_("force name"), max_length=200, blank=True)
    signatory_name = models.CharField(_("signatory's name"), max_length=200, blank=True)
    signatory_role = models.CharField(
        _("signatory's role"),
        max_length=200,
        blank=True,
        help_text=_("For example: Head of Learning and Development."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown at the top of every certificate. Give it alternative text in the image library."),
    )

    panels = [
        FieldPanel("force_name"),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("certificates")

    @classmethod
    def current(cls) -> "CertificateSettings":
        """The default site's settings (certificates are rendered outside any one site's pages)."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()
