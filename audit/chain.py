"""
The hash chain over the audit trail: how an event is written down to be hashed, and how the
whole trail is checked again (``manage.py verify_audit_trail``).

An event's canonical form is its fields as JSON with sorted keys and no spaces, times in UTC
to the microsecond; its hash is the SHA-256 of that text, and the text includes the previous
event's hash. Changing any field of any event, removing one or reordering them changes a
hash that a later event (or the chain head) still holds.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

#: The fields that are hashed, in the order they are listed (the JSON is key-sorted anyway).
HASHED_FIELDS = (
    "sequence",
    "occurred_at",
    "action",
    "actor_id",
    "actor_label",
    "subject_id",
    "subject_label",
    "target",
    "ip_address",
    "data",
    "previous_hash",
)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def canonical(fields: dict) -> str:
    """The text that is hashed: ``HASHED_FIELDS`` as key-sorted, compact JSON."""
    values = {name: fields[name] for name in HASHED_FIELDS}
    values["occurred_at"] = _utc(values["occurred_at"])
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(fields: dict) -> str:
    return hashlib.sha256(canonical(fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    sequence: int | None
    reason: str


@dataclass(frozen=True)
class Verification:
    checked: int
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(events: Iterable[dict], head: dict | None) -> Verification:
    """
    Re-compute the chain from ``events`` (dicts of ``HASHED_FIELDS`` plus ``hash``, in
    ``sequence`` order) and compare its end with ``head`` (the ``ChainHead`` row's
    ``sequence`` and ``hash``, or None if there is none). Stops at the first broken link.
    """
    expected_sequence = 1
    previous = ""
    checked = 0
    for event in events:
        sequence = event["sequence"]
        if sequence != expected_sequence:
            reason = (
                f"event {expected_sequence} is missing (the next one is {sequence})"
                if sequence > expected_sequence
                else f"event {sequence} is out of order"
            )
            return Verification(checked, Break(expected_sequence, reason))
        if event["previous_hash"] != previous:
            return Verification(checked, Break(sequence, "its previous hash is not the hash of the event before it"))
        if event_hash(event) != event["hash"]:
            return Verification(checked, Break(sequence, "its contents do not match its hash (edited)"))
        previous = event["hash"]
        expected_sequence += 1
        checked += 1
    last = expected_sequence - 1
    head_sequence = head["sequence"] if head else 0
    head_hash = head["hash"] if head else ""
    if head_sequence != last or head_hash != previous:
        if head_sequence > last:
            reason = (
                f"the chain ends at event {last} but its head records {head_sequence} (events removed from the end)"
            )
        else:
            reason = f"the chain head records event {head_sequence} but the trail goes on to {last}"
        return Verification(checked, Break(last + 1 if head_sequence > last else head_sequence, reason))
    return Verification(checked, None)
