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


def record_unit_changes(*, units: dict[int, int | None], when=None, chunk: int = 500) -> None:
    """
    ``record_unit_change`` for many people at once (an HR import): ``units`` maps each person's
    id to the unit they are in now. The same rule, in three queries per ``chunk`` people.
    """
    when = when or timezone.now()
    people = sorted(units)
    with transaction.atomic():
        for start in range(0, len(people), chunk):
            ids = people[start : start + chunk]
            current = dict(
                UnitMembership.objects.select_for_update()
                .filter(user_id__in=ids, ended_at__isnull=True)
                .values_list("user_id", "unit_id")
            )
            changed = [user_id for user_id in ids if current.get(user_id) != units[user_id]]
            ending = [user_id for user_id in changed if user_id in current]
            if ending:
                UnitMembership.objects.filter(user_id__in=ending, ended_at__isnull=True).update(ended_at=when)
            UnitMembership.objects.bulk_create(
                UnitMembership(user_id=user_id, unit_id=units[user_id], started_at=when)
                for user_id in changed
                if units[user_id] is not None
            )


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
