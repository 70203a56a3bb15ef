"""Read queries about officers and units. Writes live in ``services.py``."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.functions import Length, Substr

from .models import Unit

User = get_user_model()


def can_see_all_training_records(user) -> bool:
    """Administrators and the force training lead see every officer's records."""
    return user.is_active and user.has_perm("accounts.view_all_training_records")


def units_managed_by(user) -> QuerySet[Unit]:
    """
    Every unit the user manages, directly or because it sits below a unit they manage.

    One query: a unit is in scope when some unit the user manages has a path that is a
    prefix of the unit's path (the materialised path of treebeard).
    """
    if not user.is_authenticated:
        return Unit.objects.none()
    managed = (
        Unit.managers.through.objects.filter(user_id=user.pk)
        .annotate(path_length=Length("unit__path"))
        .filter(unit__path=Substr(OuterRef("path"), 1, F("path_length")))
    )
    return Unit.objects.filter(Exists(managed))


def managers_of_unit(unit: Unit) -> QuerySet:
    """Everyone who manages the unit, directly or through a unit above it."""
    return User.objects.filter(managed_units__path__in=unit.ancestor_paths, is_active=True).distinct()


def members_of_unit(unit: Unit, *, include_subunits: bool = True) -> QuerySet:
    """The people currently serving in the unit (and, by default, in the units below it)."""
    if include_subunits:
        return User.objects.filter(unit__path__startswith=unit.path)
    return User.objects.filter(unit=unit)


def people_visible_to(user) -> QuerySet:
    """
    The people whose training records the user may see: everyone for an administrator,
    the members of the units they manage (and sub-units) for a manager, nobody otherwise.
    """
    if not user.is_authenticated:
        return User.objects.none()
    if can_see_all_training_records(user):
        return User.objects.all()
    return User.objects.filter(unit__in=units_managed_by(user))


def unit_tree() -> QuerySet[Unit]:
    """Every unit in tree order (a parent before its children), for listings and choices."""
    return Unit.objects.order_by("path")
