"""Read queries for the site shell (the header and footer on every page)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q


@dataclass(frozen=True)
class Header:
    """What the header says about the signed-in person."""

    unit_name: str
    can_use_admin: bool


def header_for(user) -> Header | None:
    """
    The person's unit and whether the header links to the admin (Wagtail's
    ``wagtailadmin.access_admin``, given directly or through a group, as Django's
    ``ModelBackend`` grants it), in one query instead of three.
    """
    if not user.is_authenticated:
        return None
    access_admin = Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
        content_type__app_label="wagtailadmin",
        codename="access_admin",
    )
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(can_use_admin=Exists(access_admin))
        .values("unit__name", "can_use_admin")
        .first()
    )
    if row is None:
        return None
    can_use_admin = user.is_active and (user.is_superuser or row["can_use_admin"])
    return Header(unit_name=row["unit__name"] or "", can_use_admin=can_use_admin)
