"""
The one way to write to the audit trail. Every app calls ``record_event``; nothing else
creates, changes or deletes an ``AuditEvent``.
"""

from __future__ import annotations

from typing import Any

from .models import Action, AuditEvent


def _label(user) -> str:
    if user is None or not getattr(user, "pk", None):
        return ""
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return (name or user.get_username())[:255]


def _address(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


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
    ("report:overdue", "exemption:12"); ``data`` holds JSON-safe details (filters, row counts).
    Call it inside the transaction that made the change, so a rolled-back change leaves no event.
    """
    action = Action(action)
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        action=action.value,
        actor=actor,
        actor_label=_label(actor),
        subject=subject,
        subject_label=_label(subject),
        target=target[:255],
        ip_address=_address(request),
        data=data or {},
    )
