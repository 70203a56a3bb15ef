"""Reads of the audit trail: the chain check and the events about one person."""

from django.db.models import Q, QuerySet

from .chain import HASHED_FIELDS, Verification, verify
from .models import AuditEvent, ChainHead


def verify_trail(*, chunk_size: int = 2000) -> Verification:
    """Re-compute the whole chain from the primary database, oldest first, and check its head."""
    events = (
        AuditEvent.objects.using("default")
        .order_by("sequence")
        .values(*HASHED_FIELDS, "hash")
        .iterator(chunk_size=chunk_size)
    )
    head = ChainHead.objects.using("default").filter(pk=1).values("sequence", "hash").first()
    return verify(events, head)


def events_about(person) -> QuerySet[AuditEvent]:
    """
    Events concerning ``person``, and those they caused that concern nobody else (their own
    sign-ins, the reports they ran): what a subject-access export includes. Events in which
    they acted on someone else name that other person, so they are left out.
    """
    return AuditEvent.objects.filter(Q(subject=person) | Q(actor=person, subject__isnull=True)).order_by("sequence")
