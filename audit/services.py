"""
The one way to write to the audit trail. Every app calls ``record_event``; nothing else
creates, changes or deletes an ``AuditEvent``.

Appending is serialised: the chain head row is locked by an ``UPDATE`` before the new event
is numbered and hashed, so two writers at the same moment queue rather than fork the chain
(on PostgreSQL the row lock; on SQLite the database's write lock, which the ``UPDATE`` takes
and, with ``transaction_mode=IMMEDIATE`` as configured, the transaction already holds).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .chain import HASHED_FIELDS, event_hash
from .context import current_request
from .models import Action, AuditEvent, ChainHead

HEAD_ID = 1


def _label(user) -> str:
    if user is None or not getattr(user, "pk", None):
        return ""
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return (name or user.get_username())[:255]


def _address(request) -> str | None:
    """
    The client's address as the sign-in throttle sees it (``CLIENT_IP_CALLABLE``, which knows
    how many proxies sit in front of the app); the connection's own address without it.
    """
    if request is None:
        return None
    callable_path = getattr(settings, "CLIENT_IP_CALLABLE", None)
    if callable_path:
        return import_string(callable_path)(request)
    return request.META.get("REMOTE_ADDR") or None


def _advance_head(alias: str) -> tuple[int, str, bool]:
    """
    Lock the chain head and move it on by one: the new event's number, the previous event's
    hash, and whether the head had to be rebuilt (it is created by migration 0001; a missing
    head, as after a test flush or a tampering, is rebuilt from the last event).
    """
    table = connections[alias].ops.quote_name(ChainHead._meta.db_table)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET sequence = sequence + 1 WHERE id = %s RETURNING sequence, hash",  # noqa: S608
            [HEAD_ID],
        )
        row = cursor.fetchone()
    if row is not None:
        return row[0], row[1], False
    last = AuditEvent.objects.using(alias).order_by("-sequence").values("sequence", "hash").first()
    last = last or {"sequence": 0, "hash": ""}
    ChainHead.objects.using(alias).bulk_create(
        [ChainHead(pk=HEAD_ID, sequence=last["sequence"], hash=last["hash"])], ignore_conflicts=True
    )
    sequence, previous, _rebuilt = _advance_head(alias)
    return sequence, previous, True


def record_event(
    *,
    action: Action | str,
    actor=None,
    subject=None,
    request=None,
    target: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """
    Append one event. ``actor`` defaults to the request's signed-in user; ``subject`` is the
    person the event is about (may be the actor); ``target`` names the object or report
    ("report:overdue", "exemption:12"); ``data`` holds JSON-safe details (filters, row counts;
    dates and decimals are written as text). ``request`` defaults to the request being served
    (``audit.middleware``). Call it inside the transaction that made the change, so a
    rolled-back change leaves no event.
    """
    action = Action(action)
    request = request if request is not None else current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    # What is hashed must be exactly what is stored and read back: JSON-native values only.
    data = json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))
    alias = router.db_for_write(AuditEvent)
    with transaction.atomic(using=alias, savepoint=False):
        sequence, previous_hash, rebuilt = _advance_head(alias)
        if rebuilt:
            data["chain_head_rebuilt"] = True
        event = AuditEvent(
            sequence=sequence,
            occurred_at=timezone.now(),
            action=action.value,
            actor=actor,
            actor_label=_label(actor),
            subject=subject,
            subject_label=_label(subject),
            target=target[:255],
            # As the database will store it (IPv6 is normalised), so the hash reads back the same.
            ip_address=AuditEvent._meta.get_field("ip_address").get_prep_value(_address(request)),
            data=data,
            previous_hash=previous_hash,
        )
        event.hash = event_hash({name: getattr(event, name) for name in HASHED_FIELDS})
        event._appending = True
        event.save(force_insert=True, using=alias)
        ChainHead.objects.using(alias).filter(pk=HEAD_ID).update(hash=event.hash)
    return event
