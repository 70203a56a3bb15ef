"""
Applying a plan (``planning.py``) in one transaction: units first (parents before children),
then new people, then changes, then deactivations. People are saved one by one, so unit
history (``accounts.signals``) and the audit trail of deactivations (``role_auditing``) follow
as for any other save; the assignments of everyone touched are synchronised once, at the end,
through ``people_changes_batched``.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from ..models import Unit, UnitKind, User
from ..signals import people_changes_batched
from .planning import Plan

KINDS_BY_DEPTH = {1: UnitKind.FORCE, 2: UnitKind.COMMAND}


def _create_units(plan: Plan) -> dict[str, Unit]:
    """Every unit the plan names, by its path as shown ("Force/Command/Team")."""
    units: dict[str, Unit] = {}
    by_path: dict[str, Unit] = {}
    units_shown: dict[int, str] = {}
    for unit in Unit.objects.order_by("path"):
        by_path[unit.path] = unit
        parent = by_path.get(unit.path[: -Unit.steplen])
        shown = f"{units_shown[parent.pk]}/{unit.name}" if parent else unit.name
        units_shown[unit.pk] = shown
        units[shown] = unit
    for shown in plan.units_to_create:
        parent_shown, _slash, name = shown.rpartition("/")
        depth = shown.count("/") + 1
        kind = KINDS_BY_DEPTH.get(depth, UnitKind.TEAM)
        if parent_shown:
            # Fresh from the database: treebeard places a child from its parent's child count.
            parent = Unit.objects.get(pk=units[parent_shown].pk)
            units[shown] = parent.add_child(name=name, kind=kind)
        else:
            units[shown] = Unit.add_root(name=name, kind=kind)
    return units


def apply_plan(plan: Plan) -> None:
    """Write the plan, all or nothing. The caller has checked that it has no errors."""
    if plan.errors:
        raise ValueError("A plan with row errors is never applied.")
    with transaction.atomic(), people_changes_batched():
        units = _create_units(plan)
        touched = [person.user_id for person in plan.updates + plan.deactivations if person.user_id]
        existing = User.objects.in_bulk(touched)
        by_warrant: dict[str, int] = {}
        managers_later = []

        created = []
        for entry in plan.creates:
            values = entry.values
            person = User(
                username=entry.username,
                warrant_number=values["warrant_number"],
                staff_number=values["staff_number"],
                first_name=values["first_name"],
                last_name=values["last_name"],
                email=values["email"],
                rank=values["rank"],
                is_detective=values["is_detective"],
                unit=units[values["unit"]],
                leaving_date=_date(values["leaving_date"]),
                is_active=not entry.deactivate,
            )
            person.set_unusable_password()  # they sign in by single sign-on or a reset link
            person.save()
            created.append((person, values["line_manager"]))
            if person.warrant_number:
                by_warrant[person.warrant_number] = person.pk

        for entry in plan.updates:
            person = existing[entry.user_id]
            fields = []
            for name, new in entry.values.items():
                if name == "unit":
                    person.unit = units[new]
                elif name == "line_manager":
                    managers_later.append((person, new))
                    continue
                elif name == "leaving_date":
                    person.leaving_date = _date(new)
                else:
                    setattr(person, name, new)
                fields.append(name)
            if entry.deactivate:
                person.is_active = False
                fields.append("is_active")
            if fields:
                person.save(update_fields=fields)
            if person.warrant_number:
                by_warrant[person.warrant_number] = person.pk

        for entry in plan.deactivations:
            if entry.row is not None:
                continue  # a row's leaving date: deactivated with its other changes above
            person = existing[entry.user_id]
            person.is_active = False
            person.save(update_fields=["is_active"])

        # Line managers last: they may be people created above. Not a coverage field: bulk.
        wanted = {warrant for _person, warrant in created + managers_later if warrant}
        missing = wanted - set(by_warrant)
        if missing:
            by_warrant.update(User.objects.filter(warrant_number__in=missing).values_list("warrant_number", "pk"))
        changed = []
        for person, warrant in created + managers_later:
            manager_id = by_warrant.get(warrant) if warrant else None
            if person.line_manager_id != manager_id:
                person.line_manager_id = manager_id
                changed.append(person)
        User.objects.bulk_update(changed, ["line_manager"], batch_size=1000)


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None
