"""
The demo's certificates: one for every demo completion (issued by the completion itself, as
on a live site; any completion loaded without one is issued here on the officer's behalf),
the Example Police Service's wording, and one certificate revoked by the administrator.
Completions older than their validity show as expired on the verification page.
"""

from accounts.models import User
from certificates import services
from certificates.models import Certificate, CertificateSettings
from courses.models import CourseCompletion

REVOKED_REASON = "Completed on a colleague's account during a training day; to be completed again."


def load_certificates(people: dict[str, User]) -> list[Certificate]:
    admin = people["admin"]
    options = CertificateSettings.current()
    options.force_name = options.force_name or "Example Police Service"
    options.signatory_name = options.signatory_name or "Pat Okafor"
    options.signatory_role = options.signatory_role or "Head of Learning and Development"
    options.save()
    for completion in CourseCompletion.objects.filter(certificate__isnull=True).exclude(user=admin):
        services.issue_on_behalf(
            completion=completion, issued_by=admin, reason="Completed before certificates were issued."
        )
    if not Certificate.objects.filter(revoked_at__isnull=False).exists():
        # Someone in the crowd, never a named demo account whose journey the README describes.
        named = [person.pk for person in people.values()]
        revocable = Certificate.objects.exclude(user__in=named).order_by("pk").first()
        if revocable is not None:
            services.revoke(certificate=revocable, revoked_by=admin, reason=REVOKED_REASON)
    return list(Certificate.objects.all())
