"""
The public verification page (anyone, signed in or not, rate-limited per address) and the
permission-checked PDF download (the officer, the managers of their units, administrators).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from audit.models import Action
from audit.services import record_event

from . import selectors, throttling
from .forms import VerifyForm
from .models import CertificateStatus
from .pdf import render_pdf


@require_safe
@never_cache
def verify(request):
    """The code form. A well-formed code goes to its own address (the one the QR code holds)."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify_code", code=form.cleaned_data["code"])
    return render(request, "certificates/verify.html", {"form": form})


@require_safe
@never_cache
def verify_code(request, code: str):
    """What a certificate certifies and whether it stands: valid, expired or revoked (with the date)."""
    if not throttling.allow_lookup(request):
        response = render(
            request,
            "certificates/rate_limited.html",
            {"minutes": max(1, round(throttling.retry_after_seconds() / 60))},
            status=429,
        )
        response["Retry-After"] = str(throttling.retry_after_seconds())
        return response
    certificate = selectors.by_code(code)
    if certificate is None:
        return render(request, "certificates/not_found.html", {"form": VerifyForm()}, status=404)
    return render(
        request,
        "certificates/verified.html",
        {
            "certificate": certificate,
            "status": certificate.status(timezone.localdate()),
            "statuses": CertificateStatus,
            "valid_until": certificate.current_valid_until(),
        },
    )


@require_safe
@login_required
def download(request, pk: int):
    """The certificate as a PDF, rendered now from what was issued. Anyone not allowed gets a 404."""
    certificate = get_object_or_404(selectors.downloadable_by(request.user), pk=pk)
    if certificate.user_id != request.user.pk:
        record_event(
            action=Action.CERTIFICATE_DOWNLOADED,
            request=request,
            subject=certificate.user,
            target=f"certificate:{certificate.pk}",
        )
    response = HttpResponse(render_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.display_code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
