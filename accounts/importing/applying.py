"""
Applying a plan (``planning.py``) in one transaction: units first (parents before children),
then new people, then changes, then deactivations, then line managers.

People are written in bulk (a fixed number of queries per 500 people): their unit history
through ``services.record_unit_changes`` (the rule the per-save signal applies), and every
person touched is noted for the batch (``signals.people_changes_batched``), so compliance
synchronises their assignments once, together, when the batch ends. Deactivations are saved
one by one so that each is recorded in the audit trail (``role_auditing``), as in the admin.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from ..models import Unit, UnitKind, User
from ..services import record_unit_changes
from ..signals import defer_person_change, people_changes_batched, unit_moved
from .planning import FIELDS, Plan

KINDS_BY_DEPTH = {1: UnitKind.FORCE, 2: UnitKind.COMMAND}
BATCH = 500


def _create_units(plan: Plan) -> dict[str, Unit]:
    """Every unit the plan names, by its path as shown ("Force/Command/Team")."""
    units: dict[str, Unit] = {}
    shown_by_path: dict[str, str] = {}
    for unit in Unit.objects.order_by("path"):
        parent = shown_by_path.get(unit.path[: -Unit.steplen])
        shown_by_path[unit.path] = f"{parent}/{unit.name}" if parent else unit.name
        units[shown_by_path[unit.path]] = unit
    renumbered: dict[str, Unit] = {}
    for shown in plan.units_to_create:
        parent_shown, _slash, name = shown.rpartition("/")
        kind = KINDS_BY_DEPTH.get(shown.count("/") + 1, UnitKind.TEAM)
        if parent_shown:
            # Fresh from the database: treebeard places a child from its parent's child count.
            parent = Unit.objects.get(pk=units[parent_shown].pk)
            units[shown] = parent.add_child(name=name, kind=kind)
        else:
            units[shown] = Unit.add_root(name=name, kind=kind)
        if parent_shown not in plan.units_to_create:
            renumbered[parent_shown] = units[shown]
    # Sorted by name, a new unit renumbers the siblings after it (and what is below them): what
    # is stored of their paths (compliance state) follows, as after a move. Once per parent that
    # existed before (under a new unit nobody has stored state yet), after every unit is made.
    for unit in renumbered.values():
        unit_moved.send(sender=Unit, unit=unit)
    return units


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def apply_plan(plan: Plan) -> None:
    """Write the plan, all or nothing. A plan with row errors is refused."""
    if plan.errors:
        raise ValueError("A plan with row errors is never applied.")
    with transaction.atomic(), people_changes_batched():
        units = _create_units(plan)
        touched = {person.user_id for person in plan.updates + plan.deactivations if person.user_id}
        existing = User.objects.in_bulk(sorted(touched)) if touched else {}
        managers: list[tuple[User, str | None]] = []
        unit_of: dict[int, int | None] = {}

        new_people = []
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
            new_people.append(person)
            managers.append((person, values["line_manager"]))
        User.objects.bulk_create(new_people, batch_size=BATCH)
        for person in new_people:
            unit_of[person.pk] = person.unit_id

        changed_fields: set[str] = set()
        changed_people = []
        for entry in plan.updates:
            person = existing[entry.user_id]
            for name, new in entry.values.items():
                if name == "unit":
                    person.unit = units[new]
                    unit_of[person.pk] = person.unit_id
                elif name == "line_manager":
                    managers.append((person, new))
                    continue
                elif name == "leaving_date":
                    person.leaving_date = _date(new)
                else:
                    setattr(person, name, new)
                changed_fields.add(name)
            changed_people.append(person)
        if changed_fields:
            fields = [name for name in FIELDS if name in changed_fields]
            User.objects.bulk_update(changed_people, fields, batch_size=BATCH)

        record_unit_changes(units=unit_of)
        for user_id in [person.pk for person in new_people] + [person.pk for person in changed_people]:
            defer_person_change(user_id)

        for entry in plan.deactivations:
            person = existing[entry.user_id]
            person.is_active = False
            person.save(update_fields=["is_active"])  # recorded in the audit trail, one by one

        # Line managers last: they may be people created above. Not a coverage field.
        by_warrant = {person.warrant_number: person.pk for person, _warrant in managers if person.warrant_number}
        missing = {warrant for _person, warrant in managers if warrant and warrant not in by_warrant}
        if missing:
            by_warrant.update(User.objects.filter(warrant_number__in=missing).values_list("warrant_number", "pk"))
        with_manager = []
        for person, warrant in managers:
            manager_id = by_warrant.get(warrant) if warrant else None
            if person.line_manager_id != manager_id:
                person.line_manager_id = manager_id
                with_manager.append(person)
        User.objects.bulk_update(with_manager, ["line_manager"], batch_size=BATCH)
