"""
The certificate as a PDF, rendered with WeasyPrint from the facts stored when it was issued
(never from the live person or course), tagged for screen readers (PDF/UA-1: a title, a
language, a structure tree) and carrying a QR code of its verification address.
"""

import base64
import mimetypes

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Certificate, CertificateSettings


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public verification page (``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificates:verify_code", args=[certificate.code])


def _logo_data_uri(image) -> str | None:
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None  # a missing file leaves the certificate without a logo rather than failing
    kind = mimetypes.guess_type(image.file.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def render_pdf(certificate: Certificate, *, options: CertificateSettings | None = None) -> bytes:
    """The PDF of ``certificate``: what was issued, and "revoked" across it if it has been."""
    from weasyprint import HTML  # imported here: loading Pango costs time every process need not pay

    options = options or CertificateSettings.current()
    url = verification_url(certificate)
    qr = segno.make(url, error="m")
    language = translation.get_language() or settings.LANGUAGE_CODE
    html = render_to_string(
        "certificates/pdf.html",
        {
            "certificate": certificate,
            "options": options,
            "logo": _logo_data_uri(options.logo),
            "qr": qr.svg_data_uri(scale=4, border=2, dark="#0b0c0c"),
            "verification_url": url,
            "language": language,
        },
    )
    return HTML(string=html, base_url=settings.WAGTAILADMIN_BASE_URL).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True
    )
