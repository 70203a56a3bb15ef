"""
Unit history is derived data: whenever ``User.unit`` changes, by whatever route (the
admin, an HR import, the shell), ``UnitMembership`` is brought up to date.

Changes to the organisation that other apps keep derived data about are announced as
signals defined here (``accounts`` imports none of those apps), sent inside the transaction
that made the change.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_init, post_save
from django.dispatch import Signal, receiver

from .models import User
from .services import record_unit_change

#: A unit moved in the tree, so its path and its sub-units' paths changed. Arguments: ``unit``.
unit_moved = Signal()

#: Many people changed at once (an HR import), announced once when the batch ends, inside its
#: transaction. Arguments: ``user_ids`` (sorted). See ``people_changes_batched``.
people_changed = Signal()

_batch: ContextVar[set[int] | None] = ContextVar("people_changes_batch", default=None)


@contextmanager
def people_changes_batched() -> Iterator[set[int]]:
    """
    Collect the people changed inside the block and announce them once, as ``people_changed``,
    when it ends without an error: apps that keep derived data per person (compliance's
    assignments) then bring everyone up to date in one bulk pass instead of once per save.
    Receivers of ``post_save`` call ``defer_person_change`` first. Nested blocks join the
    outer one. Use it inside the transaction that makes the changes.
    """
    if _batch.get() is not None:
        yield _batch.get()
        return
    collected: set[int] = set()
    token = _batch.set(collected)
    try:
        yield collected
    finally:
        _batch.reset(token)
    if collected:
        people_changed.send(sender=User, user_ids=sorted(collected))


def defer_person_change(user_id: int) -> bool:
    """Inside ``people_changes_batched``: note the person for the batch's announcement and say so."""
    collected = _batch.get()
    if collected is None:
        return False
    collected.add(user_id)
    return True


@receiver(post_init, sender=User)
def remember_unit(sender, instance: User, **kwargs):
    instance._unit_id_at_load = instance.__dict__.get("unit_id")


@receiver(post_save, sender=User)
def record_unit_history(sender, instance: User, created: bool, raw: bool = False, **kwargs):
    if raw:
        return
    if created or instance.unit_id != instance._unit_id_at_load:
        if instance.unit_id is not None or not created:
            record_unit_change(user=instance, unit=instance.unit)
        instance._unit_id_at_load = instance.unit_id
