"""
From an HR export's rows to a plan: who is created, updated (field by field), moved or
deactivated, which units are created, and every row's errors. Reads only: nothing is
written until the plan is applied (``applying.py``). A fixed number of queries whatever
the number of rows.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import DETECTIVE_RANKS, Rank, Unit, User, identifier_validator, normalise_identifier
from .reading import Row

#: The person fields an import writes (and compares), in report order. Nothing else, ever:
#: not staff or superuser status, not roles, not passwords.
FIELDS = (
    "warrant_number",
    "staff_number",
    "first_name",
    "last_name",
    "email",
    "rank",
    "is_detective",
    "unit",
    "line_manager",
    "leaving_date",
)
LABELS = {
    "warrant_number": "warrant number",
    "staff_number": "staff number",
    "first_name": "first name",
    "last_name": "last name",
    "email": "email",
    "rank": "rank",
    "is_detective": "detective",
    "unit": "unit",
    "line_manager": "line manager",
    "leaving_date": "leaving date",
}


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class PersonPlan:
    """One person's part of the plan. ``values`` are what they will have (unit as a path)."""

    row: int | None
    key: str
    name: str
    user_id: int | None = None
    username: str = ""
    values: dict = field(default_factory=dict)
    changes: dict = field(default_factory=dict)  # field -> [old, new] as shown
    moved_from: str | None = None
    deactivate: bool = False


@dataclass
class Plan:
    full: bool
    today: str
    creates: list[PersonPlan] = field(default_factory=list)
    updates: list[PersonPlan] = field(default_factory=list)
    deactivations: list[PersonPlan] = field(default_factory=list)
    units_to_create: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def moves(self) -> list[PersonPlan]:
        return [person for person in self.updates if person.moved_from is not None]

    @property
    def unchanged(self) -> int:
        return self.rows - len(self.creates) - len(self.updates) - len({e.row for e in self.errors})

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "create": len(self.creates),
            "update": len(self.updates),
            "move": len(self.moves),
            "deactivate": len(self.deactivations),
            "units_to_create": len(self.units_to_create),
            "errors": len(self.errors),
        }

    def digest(self) -> str:
        """A hash of everything the plan would write: a confirmation applies this or nothing."""
        content = {
            "full": self.full,
            "today": self.today,
            "creates": [asdict(person) for person in self.creates],
            "updates": [asdict(person) for person in self.updates],
            "deactivations": [asdict(person) for person in self.deactivations],
            "units": self.units_to_create,
            "errors": [asdict(error) for error in self.errors],
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _segments(path: str) -> list[str]:
    return [" ".join(part.split()) for part in path.split("/")]


def _rank_lookup() -> dict[str, tuple[str, bool]]:
    """Ranks by code and by name, any case; "Detective …" for the ranks that carry it."""
    found = {}
    for rank in Rank:
        found[rank.value.casefold()] = (rank.value, False)
        found[str(rank.label).casefold()] = (rank.value, False)
        if rank in DETECTIVE_RANKS:
            found[f"detective {rank.label}".casefold()] = (rank.value, True)
    found["detective constable"] = (Rank.POLICE_CONSTABLE.value, True)
    found["dc"] = (Rank.POLICE_CONSTABLE.value, True)
    found["ds"] = (Rank.SERGEANT.value, True)
    return found


def _parse_date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise ValueError(text)


class _UnitTree:
    """The existing tree by (parent path, name), and the units the file would add."""

    def __init__(self):
        self.children: dict[tuple[str, str], str] = {}  # (parent's path, name folded) -> path
        self.display: dict[str, str] = {}  # path -> "Force/Command/Team"
        self.names_by_pk: dict[int, str] = {}
        roots = []
        for pk, path, name in Unit.objects.order_by("path").values_list("pk", "path", "name"):
            parent = path[: -Unit.steplen]
            self.children[(parent, name.casefold())] = path
            self.display[path] = f"{self.display[parent]}/{name}" if parent else name
            self.names_by_pk[pk] = self.display[path]
            if not parent:
                roots.append(name)
        self.root = roots[0] if roots else None
        self.to_create: list[str] = []
        self._creating: dict[str, str] = {}

    def resolve(self, segments: list[str]) -> str:
        """The path as the platform spells it, noting the units to create (parents first)."""
        parent: str | None = ""
        shown: list[str] = []
        for name in segments:
            if parent is not None and (parent, name.casefold()) in self.children:
                parent = self.children[(parent, name.casefold())]
                shown = self.display[parent].split("/")
                continue
            parent = None
            text = "/".join([*shown, name])
            if text.casefold() not in self._creating:
                self._creating[text.casefold()] = text
                self.to_create.append(text)
            shown = self._creating[text.casefold()].split("/")
        return "/".join(shown)


def plan_import(
    rows: list[Row], *, full: bool, run_by: User | None = None, today: datetime.date | None = None
) -> Plan:
    """The plan for ``rows``: errors are collected row by row, never raised."""
    today = today or timezone.localdate()
    plan = Plan(full=full, today=today.isoformat(), rows=len(rows))
    ranks = _rank_lookup()
    tree = _UnitTree()

    keys = set()
    for row in rows:
        for column in ("warrant_number", "staff_number"):
            value = normalise_identifier(row.values.get(column, ""))
            if value:
                keys.add(value)
    people = {
        person.pk: person
        for person in User.objects.filter(
            Q(warrant_number__in=keys) | Q(staff_number__in=keys) | (Q(is_active=True) if full else Q(pk__in=[]))
        ).select_related("unit", "line_manager")
    }
    by_warrant = {p.warrant_number: p for p in people.values() if p.warrant_number}
    by_staff = {p.staff_number: p for p in people.values() if p.staff_number}

    def error(row: Row, message: str) -> None:
        plan.errors.append(RowError(row=row.number, message=message))

    parsed = []  # (row, person or None, values)
    seen_warrant: dict[str, int] = {}
    seen_staff: dict[str, int] = {}
    seen_person: dict[int, int] = {}
    allowed_root = tree.root
    for row in rows:
        cells = row.values
        before = len(plan.errors)
        if cells.get("__extra__"):
            error(row, _("The row has more cells than the header row has columns."))
        warrant = normalise_identifier(cells.get("warrant_number", ""))
        staff = normalise_identifier(cells.get("staff_number", ""))
        for column, value in (("warrant number", warrant), ("staff number", staff)):
            if value:
                try:
                    identifier_validator(value)
                except ValidationError:
                    error(
                        row,
                        _("The %(column)s “%(value)s” may use only letters, digits and hyphens.")
                        % {"column": column, "value": value},
                    )
        if not warrant and not staff:
            error(row, _("The row has neither a warrant number nor a staff number."))
        if warrant in seen_warrant:
            error(
                row,
                _("Warrant number %(value)s is also on row %(other)s.")
                % {"value": warrant, "other": seen_warrant[warrant]},
            )
        elif warrant:
            seen_warrant[warrant] = row.number
        if staff in seen_staff:
            error(
                row,
                _("Staff number %(value)s is also on row %(other)s.") % {"value": staff, "other": seen_staff[staff]},
            )
        elif staff:
            seen_staff[staff] = row.number
        first, last = cells.get("first_name", ""), cells.get("last_name", "")
        if not first or not last:
            error(row, _("The first name and the last name are both needed."))
        if len(first) > 150 or len(last) > 150:
            error(row, _("A name is longer than 150 characters."))
        email = cells.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error(row, _("“%(value)s” is not an email address.") % {"value": email})
        rank_text = " ".join(cells.get("rank", "").split()).casefold()
        rank = ranks.get(rank_text)
        if rank is None:
            error(
                row,
                _("Unknown rank “%(value)s”. Use a rank's name or code, for example Police Constable or PC.")
                % {"value": cells.get("rank", "")},
            )
        unit_path = None
        segments = _segments(cells.get("unit_path", ""))
        if not cells.get("unit_path", "").strip():
            error(row, _("The unit path is empty."))
        elif any(not part for part in segments):
            error(
                row,
                _(
                    "The unit path “%(value)s” has an empty part (two slashes together, or one at an end): "
                    "the unit would have no parent."
                )
                % {"value": cells["unit_path"]},
            )
        elif len({part.casefold() for part in segments}) != len(segments):
            error(
                row,
                _("The unit path “%(value)s” names the same unit twice: a unit cannot be inside itself.")
                % {"value": cells["unit_path"]},
            )
        elif allowed_root is not None and segments[0].casefold() != allowed_root.casefold():
            error(
                row,
                _(
                    "The unit path “%(value)s” does not start with the force, “%(force)s”: "
                    "the unit would sit outside the organisation."
                )
                % {"value": cells["unit_path"], "force": allowed_root},
            )
        else:
            allowed_root = allowed_root or segments[0]
        leaving = None
        if cells.get("leaving_date"):
            try:
                leaving = _parse_date(cells["leaving_date"])
            except ValueError:
                error(
                    row,
                    _("The leaving date “%(value)s” is not a date: write it as 2026-03-31 or 31/03/2026.")
                    % {"value": cells["leaving_date"]},
                )

        person = by_warrant.get(warrant) if warrant else None
        other = by_staff.get(staff) if staff else None
        if person and other and person.pk != other.pk:
            error(
                row,
                _(
                    "Warrant number %(warrant)s and staff number %(staff)s belong to two different people "
                    "on the platform."
                )
                % {"warrant": warrant, "staff": staff},
            )
        person = person or other
        if person is not None:
            if person.pk in seen_person:
                error(row, _("This is the same person as row %(other)s.") % {"other": seen_person[person.pk]})
            seen_person.setdefault(person.pk, row.number)
        if len(plan.errors) > before:
            continue
        unit_path = tree.resolve(segments)
        parsed.append(
            (
                row,
                person,
                {
                    "warrant_number": warrant,
                    "staff_number": staff,
                    "first_name": first,
                    "last_name": last,
                    "email": email,
                    "rank": rank[0],
                    "is_detective": rank[1],
                    "unit": unit_path,
                    "line_manager": normalise_identifier(cells.get("line_manager_warrant_number", "")),
                    "leaving_date": leaving.isoformat() if leaving else None,
                },
            )
        )

    # Line managers: in the file (on a good row) or on the platform.
    in_file = {values["warrant_number"] for _row, _person, values in parsed if values["warrant_number"]}
    wanted = {values["line_manager"] for _row, _person, values in parsed if values["line_manager"]}
    on_platform = set(
        User.objects.filter(warrant_number__in=wanted - in_file).values_list("warrant_number", flat=True)
    )
    good = []
    for row, person, values in parsed:
        manager = values["line_manager"]
        if manager and manager == values["warrant_number"]:
            error(row, _("A person cannot be their own line manager."))
        elif manager and manager not in in_file and manager not in on_platform:
            error(
                row, _("The line manager %(value)s is neither in the file nor on the platform.") % {"value": manager}
            )
        else:
            good.append((row, person, values))
    plan.units_to_create = list(tree.to_create)

    # New people's usernames: their warrant (or staff) number, made unique.
    candidates = [
        (values["warrant_number"] or values["staff_number"]).lower() for _r, person, values in good if person is None
    ]
    taken = set(User.objects.filter(username__in=candidates).values_list("username", flat=True))
    for row, person, values in good:
        key = values["warrant_number"] or values["staff_number"]
        name = f"{values['first_name']} {values['last_name']}"
        leaving = values["leaving_date"]
        ends = leaving is not None and leaving <= plan.today
        if person is None:
            username = key.lower()
            suffix = 2
            while username in taken:
                username, suffix = f"{key.lower()}-{suffix}", suffix + 1
            taken.add(username)
            plan.creates.append(
                PersonPlan(row=row.number, key=key, name=name, username=username, values=values, deactivate=ends)
            )
            continue
        current = _current_values(person, tree)
        changes = {}
        for name_ in FIELDS:
            new = values[name_]
            if name_ in ("email", "staff_number") and not new:
                continue  # blank leaves the platform's value as it is
            if new != current[name_]:
                changes[name_] = [current[name_], new]
        deactivate = ends and person.is_active
        if changes or deactivate:
            entry = PersonPlan(
                row=row.number,
                key=key,
                name=name,
                user_id=person.pk,
                values={name_: new for name_, (_old, new) in changes.items()},
                changes=changes,
                moved_from=current["unit"] if "unit" in changes else None,
                deactivate=deactivate,
            )
            plan.updates.append(entry)
            if deactivate:
                plan.deactivations.append(entry)

    if full:
        named = set(seen_person)
        for person in sorted(people.values(), key=lambda p: p.pk):
            if person.pk in named or not person.is_active:
                continue
            if not (person.warrant_number or person.staff_number):
                continue  # service and administrator accounts without HR numbers are not HR's
            if run_by is not None and person.pk == run_by.pk:
                continue  # nobody deactivates themselves by import
            plan.deactivations.append(
                PersonPlan(
                    row=None,
                    key=person.warrant_number or person.staff_number,
                    name=person.get_full_name(),
                    user_id=person.pk,
                    deactivate=True,
                )
            )
    plan.errors.sort(key=lambda item: item.row)
    return plan


def _current_values(person: User, tree: _UnitTree) -> dict:
    return {
        "warrant_number": person.warrant_number,
        "staff_number": person.staff_number,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "rank": person.rank,
        "is_detective": person.is_detective,
        "unit": tree.names_by_pk.get(person.unit_id),
        "line_manager": person.line_manager.warrant_number if person.line_manager_id else None,
        "leaving_date": person.leaving_date.isoformat() if person.leaving_date else None,
    }
