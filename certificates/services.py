"""
Issuing and revoking certificates. Automatic issue runs inside the completion's transaction
(``certificates.signals``) and costs two queries: the facts to copy, then the row. Nothing is
rendered then: the PDF is made from the stored facts when someone downloads it (``pdf.py``).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from audit.services import record_event
from courses.models import CourseCompletion, CourseCompletionModule

from .models import Certificate
from .signals import certificate_issued

User = get_user_model()


def version_label(*, content_saved_at: datetime.datetime | None, course_revision_id: int | None) -> str:
    """The content version a completion rests on, as people read it: "Content of 3 March 2026 (revision 41)"."""
    parts = []
    if content_saved_at is not None:
        day = formats.date_format(timezone.localdate(content_saved_at), "j F Y")
        parts.append(str(_("Content of %(date)s") % {"date": day}))
    if course_revision_id:
        revision = str(_("revision %(number)s") % {"number": course_revision_id})
        parts.append(f"({revision})" if parts else revision.capitalize())
    return " ".join(parts)


def _facts(completion: CourseCompletion) -> dict:
    """What the certificate certifies, read in one query (the person and the newest module version read)."""
    newest_version = (
        CourseCompletionModule.objects.filter(completion=completion.pk)
        .order_by("-version__revision_created_at")
        .values("version__revision_created_at")[:1]
    )
    person = (
        User.objects.filter(pk=completion.user_id)
        .annotate(content_saved_at=Subquery(newest_version))
        .values("first_name", "last_name", "username", "warrant_number", "content_saved_at")
        .get()
    )
    full_name = f"{person['first_name']} {person['last_name']}".strip() or person["username"]
    return {
        "full_name": full_name,
        "warrant_number": person["warrant_number"] or "",
        "course_title": completion.course_title,
        "version_label": version_label(
            content_saved_at=person["content_saved_at"], course_revision_id=completion.course_revision_id
        ),
        "completed_on": timezone.localdate(completion.completed_at),
        "valid_until": completion.valid_until,
    }


def _create(completion: CourseCompletion, **extra) -> Certificate:
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    completion=completion, user_id=completion.user_id, **_facts(completion), **extra
                )
        except IntegrityError:
            # A code collision (one in 2**60) or a certificate already issued for this completion.
            if Certificate.objects.filter(completion=completion).exists():
                raise
    raise IntegrityError("Could not find an unused certificate code.")


def issue_for_completion(*, completion: CourseCompletion) -> Certificate:
    """
    The certificate of a completion just written, issued by nobody in particular. Called inside
    the completion's transaction; the completion is new, so no certificate exists for it yet.
    Two queries (no savepoint: a failure rolls the completion back with it, as it should).
    """
    certificate = Certificate.objects.create(completion=completion, user_id=completion.user_id, **_facts(completion))
    certificate_issued.send(sender=Certificate, certificate=certificate)
    return certificate


def _refuse_own(actor, person_id: int, message) -> None:
    if actor is not None and actor.pk == person_id:
        raise ValidationError(message)


def issue_on_behalf(*, completion: CourseCompletion, issued_by, reason: str, request=None) -> Certificate:
    """
    An administrator issues the certificate of a completion that has none (for example one
    recorded before certificates existed), with a reason. Never their own.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"issued_reason": _("Say why you are issuing this certificate.")})
    _refuse_own(issued_by, completion.user_id, {"completion": _("You cannot issue a certificate to yourself.")})
    with transaction.atomic():
        completion = CourseCompletion.objects.select_for_update().get(pk=completion.pk)
        if Certificate.objects.filter(completion=completion).exists():
            raise ValidationError({"completion": _("This completion already has a certificate.")})
        try:
            certificate = _create(completion, issued_by=issued_by, issued_reason=reason)
        except IntegrityError as error:
            raise ValidationError({"completion": _("This completion already has a certificate.")}) from error
        certificate_issued.send(sender=Certificate, certificate=certificate)
        record_event(
            action=Action.CERTIFICATE_ISSUED,
            actor=issued_by,
            subject=certificate.user,
            request=request,
            target=f"certificate:{certificate.pk}",
            data={"course": certificate.course_title, "reason": reason},
        )
    return certificate


def revoke(*, certificate: Certificate, revoked_by, reason: str, request=None) -> Certificate:
    """Revoke a certificate with a reason, once; the verification page says so from then on."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revoked_reason": _("Say why you are revoking this certificate.")})
    _refuse_own(revoked_by, certificate.user_id, {"revoked_reason": _("You cannot revoke your own certificate.")})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            raise ValidationError({"revoked_reason": _("This certificate has already been revoked.")})
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = revoked_by
        certificate.revoked_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
        record_event(
            action=Action.CERTIFICATE_REVOKED,
            actor=revoked_by,
            subject=certificate.user,
            request=request,
            target=f"certificate:{certificate.pk}",
            data={"course": certificate.course_title, "reason": reason},
        )
    return certificate
