"""Writes and rules about officers and units. Reads live in ``selectors.py``."""

from django.db import transaction
from django.utils import timezone

from audit.models import Action
from audit.services import record_event

from .models import Unit, UnitMembership, User


@transaction.atomic
def record_unit_change(*, user: User, unit: Unit | None, when=None) -> None:
    """
    Close the person's current spell in a unit and open one in ``unit`` (if any).

    Called whenever ``User.unit`` changes, so the history of where someone served is
    derived from the one field that says where they serve now. Idempotent: recording the
    unit they are already in changes nothing.
    """
    when = when or timezone.now()
    current = UnitMembership.objects.select_for_update().filter(user=user, ended_at__isnull=True).first()
    if current and unit and current.unit_id == unit.pk:
        return
    if current:
        current.ended_at = when
        current.save(update_fields=["ended_at"])
    if unit is not None:
        UnitMembership.objects.create(user=user, unit=unit, started_at=when)


def move_person(*, user: User, unit: Unit | None) -> User:
    """Move someone to another unit; their earlier spells stay in ``UnitMembership``."""
    user.unit = unit
    user.save(update_fields=["unit"])
    return user


def change_email(*, user: User, email: str, request=None) -> User:
    """
    Change a person's email address (the view has checked their current password), recorded
    in the audit trail with the old and new addresses: reset links go to this address.
    """
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        old = user.email
        user.email = email
        user.save(update_fields=["email"])
        record_event(
            action=Action.EMAIL_CHANGED,
            subject=user,
            request=request,
            target=f"user:{user.pk}",
            data={"from": old, "to": email},
        )
    return user
