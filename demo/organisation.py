"""The demo force: "Example Police Service", its commands and teams, and the demo people."""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Rank, Unit, UnitKind, User

FORCE_CODE = "EPS"


@dataclass(frozen=True)
class DemoUnit:
    code: str
    name: str
    kind: str
    parent: str | None


UNITS = [
    DemoUnit("EPS", "Example Police Service", UnitKind.FORCE, None),
    DemoUnit("NE", "North East Command", UnitKind.COMMAND, "EPS"),
    DemoUnit("NE-SNT-STH", "Stamford Hill Safer Neighbourhood Team", UnitKind.TEAM, "NE"),
    DemoUnit("NE-RT1", "North East Response Team 1", UnitKind.TEAM, "NE"),
    DemoUnit("NE-CID", "North East CID", UnitKind.TEAM, "NE"),
    DemoUnit("SW", "South West Command", UnitKind.COMMAND, "EPS"),
    DemoUnit("SW-RT2", "South West Response Team 2", UnitKind.TEAM, "SW"),
    DemoUnit("SW-CUST", "South West Custody", UnitKind.TEAM, "SW"),
    DemoUnit("LD", "Learning and Development", UnitKind.TEAM, "EPS"),
]


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    rank: str
    unit: str | None
    roles: tuple[str, ...]
    warrant_number: str | None = None
    staff_number: str | None = None
    manages: tuple[str, ...] = ()
    is_detective: bool = False
    is_superuser: bool = False


PEOPLE = [
    DemoPerson("officer", "Alex", "Morgan", Rank.POLICE_CONSTABLE, "NE-SNT-STH", (roles.OFFICER,), "4721", "100471"),
    DemoPerson("officer2", "Sam", "Patel", Rank.POLICE_CONSTABLE, "SW-RT2", (roles.OFFICER,), "5832", "100583"),
    DemoPerson(
        "sergeant",
        "Jo",
        "Clarke",
        Rank.SERGEANT,
        "NE-SNT-STH",
        (roles.OFFICER, roles.MANAGER),
        "2210",
        "100221",
        manages=("NE-SNT-STH",),
    ),
    DemoPerson(
        "inspector",
        "Chris",
        "Evans",
        Rank.INSPECTOR,
        "NE",
        (roles.OFFICER, roles.MANAGER),
        "1187",
        "100118",
        manages=("NE",),
    ),
    # The force training lead: a manager of the whole force, so every report covers everyone.
    DemoPerson(
        "lead",
        "Priya",
        "Shah",
        Rank.CHIEF_INSPECTOR,
        "LD",
        (roles.OFFICER, roles.MANAGER),
        "0912",
        "100091",
        manages=("EPS",),
    ),
    DemoPerson("trainer", "Dana", "Cohen", Rank.POLICE_STAFF, "LD", (roles.TRAINER,), None, "200314"),
    DemoPerson(
        "approver",
        "Ruth",
        "Levy",
        Rank.INSPECTOR,
        "LD",
        (roles.OFFICER, roles.CONTENT_APPROVER),
        "1402",
        "100140",
        is_detective=True,
    ),
    # A community partner's reviewer: not one of the force's people, so in no unit.
    DemoPerson("partner", "Miriam", "Adler", "", None, (roles.PARTNER_REVIEWER,), None, None),
    DemoPerson(
        "admin", "Pat", "Okafor", Rank.POLICE_STAFF, "LD", (roles.ADMINISTRATOR,), None, "200001", is_superuser=True
    ),
]


def load_units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for spec in UNITS:
        unit = Unit.objects.filter(code=spec.code).first()
        if unit is None:
            if spec.parent is None:
                unit = Unit.add_root(name=spec.name, kind=spec.kind, code=spec.code)
            else:
                unit = units[spec.parent].add_child(name=spec.name, kind=spec.kind, code=spec.code)
                units[spec.parent].refresh_from_db()
        else:
            unit.name, unit.kind = spec.name, spec.kind
            unit.save(update_fields=["name", "kind"])
        units[spec.code] = unit
    return units


def demo_password_hash(password: str) -> str:
    """One hash for every demo account: hashing dozens of times would make loading slow."""
    return make_password(password)


def load_people(units: dict[str, Unit], password: str) -> dict[str, User]:
    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL_ROLES)}
    hashed = demo_password_hash(password)
    people: dict[str, User] = {}
    for spec in PEOPLE:
        user, _ = User.objects.update_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@example.police.uk",
                "rank": spec.rank,
                "is_detective": spec.is_detective,
                "warrant_number": spec.warrant_number,
                "staff_number": spec.staff_number,
                "unit": units[spec.unit] if spec.unit else None,
                "is_active": True,
                "is_superuser": spec.is_superuser,
                "is_staff": spec.is_superuser,
            },
        )
        user.password = hashed
        user.save(update_fields=["password"])
        user.groups.set([groups[name] for name in spec.roles])
        for code in spec.manages:
            units[code].managers.add(user)
        people[spec.username] = user
    return people
