from django.db import models
from django.utils.translation import gettext_lazy as _


class ExternalCompletion(models.Model):
    """
    A completion another system recorded through the API (``POST /api/v1/external-completions/``),
    under that system's own id: sending the same id again returns the first record instead of a
    second. The completion itself is ``compliance.PriorCertification`` and its
    ``CourseCompletion``, written by ``compliance.prior``; this row only remembers the id.
    Not edited in the admin (the prior certification is, under Compliance).
    """

    external_id = models.CharField(_("external id"), max_length=100, unique=True)
    token = models.ForeignKey(
        "accounts.ApiToken", on_delete=models.PROTECT, related_name="+", verbose_name=_("API token")
    )
    prior = models.OneToOneField(
        "compliance.PriorCertification", on_delete=models.PROTECT, related_name="+", verbose_name=_("record")
    )
    evidence_reference = models.CharField(_("evidence reference"), max_length=500)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("completion recorded through the API")
        verbose_name_plural = _("completions recorded through the API")

    def __str__(self):
        return self.external_id
