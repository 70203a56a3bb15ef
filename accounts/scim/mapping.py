"""
A person as a SCIM ``User`` (core schema and the enterprise extension) and back.

=============================  =====================================================
SCIM attribute                 Platform field
=============================  =====================================================
``id``                         ``User.pk`` (read-only)
``userName``                   ``SCIM_USERNAME_FIELD``: the HR staff number by default
``externalId``                 ``User.external_id`` (the identity provider's id)
``name.givenName``             ``first_name``
``name.familyName``            ``last_name``
``emails`` (primary or first)  ``email``
``active``                     ``is_active`` (false deactivates; nothing is deleted)
``title``                      ``rank`` (code such as ``PC`` or name such as ``Sergeant``)
enterprise ``employeeNumber``  ``warrant_number``
enterprise ``department``      ``unit``: its code (``N-A``) or its path of names
                               (``Test Constabulary/North Command/Team A``); read back as
                               the path
=============================  =====================================================

Roles, groups, entitlements, passwords and everything else in a request are ignored: SCIM
never grants staff, administrator or role powers.
"""

from django.conf import settings
from django.db.models import Q
from scim2_models import EnterpriseUser, User

from accounts.models import Rank, Unit, normalise_identifier
from accounts.models import User as Person

from .errors import ScimError

ScimUser = User[EnterpriseUser]
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
USERNAME_FIELDS = ("staff_number", "warrant_number", "username", "email")
PATH_SEPARATOR = "/"


def username_field() -> str:
    """The platform field ``userName`` stands for (``SCIM_USERNAME_FIELD``)."""
    field = getattr(settings, "SCIM_USERNAME_FIELD", "staff_number")
    if field not in USERNAME_FIELDS:
        raise ScimError(500, f"SCIM_USERNAME_FIELD must be one of {', '.join(USERNAME_FIELDS)}.")
    return field


def filter_attributes() -> dict:
    """SCIM filter attributes and the fields they read (keys as ``scim2-filter-parser`` wants them)."""
    return {
        ("id", None, None): "pk",
        ("username", None, None): username_field(),
        ("externalid", None, None): "external_id",
        ("name", "givenname", None): "first_name",
        ("name", "familyname", None): "last_name",
        ("emails", None, None): "email",
        ("emails", "value", None): "email",
        ("active", None, None): "is_active",
        ("displayname", None, None): "last_name",
        ("employeenumber", None, ENTERPRISE.lower()): "warrant_number",
        ("employeenumber", None, None): "warrant_number",
    }


# Reading: a person as a SCIM document.


def unit_labels(units) -> dict[int, str]:
    """Each unit's path of names ("Force/Command/Team"), for many units in one query."""
    units = [unit for unit in units if unit is not None]
    wanted = {path for unit in units for path in unit.ancestor_paths}
    names = dict(Unit.objects.filter(path__in=wanted).values_list("path", "name")) if wanted else {}
    return {unit.pk: PATH_SEPARATOR.join(names.get(path, "") for path in unit.ancestor_paths) for unit in units}


def to_document(person: Person, *, labels: dict[int, str], location: str) -> dict:
    """The SCIM ``User`` document for ``person`` (``labels`` from :func:`unit_labels`)."""
    enterprise = {}
    if person.warrant_number:
        enterprise["employeeNumber"] = person.warrant_number
    if person.unit_id:
        enterprise["department"] = labels.get(person.unit_id, "")
    document = {
        "schemas": [CORE, ENTERPRISE],
        "id": str(person.pk),
        "userName": getattr(person, username_field()) or "",
        "name": {
            "givenName": person.first_name,
            "familyName": person.last_name,
            "formatted": person.get_full_name(),
        },
        "displayName": person.get_full_name() or person.username,
        "active": person.is_active,
        "meta": {
            "resourceType": "User",
            "created": person.date_joined.isoformat(),
            "location": location,
        },
    }
    if person.external_id:
        document["externalId"] = person.external_id
    if person.email:
        document["emails"] = [{"value": person.email, "type": "work", "primary": True}]
    if person.rank:
        document["title"] = str(Rank(person.rank).label) if person.rank in Rank.values else person.rank
    if enterprise:
        document[ENTERPRISE] = enterprise
    return document


# Writing: what a SCIM resource asks the person's fields to be.


def find_unit(value: str) -> Unit:
    """A unit by its code (any case) or its full path of names; 400 when there is none."""
    value = value.strip()
    unit = Unit.objects.filter(~Q(code=""), code__iexact=value).first()
    if unit is not None:
        return unit
    names = [name.strip() for name in value.split(PATH_SEPARATOR) if name.strip()]
    if names:
        candidates = Unit.get_root_nodes().filter(name=names[0])
        for name in names[1:]:
            found = [child for parent in candidates for child in parent.get_children().filter(name=name)]
            candidates = found
            if not candidates:
                break
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            raise ScimError(400, f"More than one unit has the path {value!r}: use its code.", "invalidValue")
    raise ScimError(400, f"No unit has the code or path {value!r}. Units are created in the platform.", "invalidValue")


def _unit_for(department: str | None, current: tuple[str, Unit] | None) -> Unit | None:
    if not department or not department.strip():
        return None
    if current is not None and department == current[0]:
        return current[1]
    return find_unit(department)


def find_rank(value: str) -> str:
    wanted = " ".join(value.split()).casefold()
    for code, label in Rank.choices:
        if wanted in (code.casefold(), str(label).casefold()):
            return code
    raise ScimError(400, f"Unknown rank {value!r} in title.", "invalidValue")


def values_of(resource, *, current: tuple[str, Unit] | None = None) -> dict:
    """
    The platform's fields as ``resource`` has them; ``None`` where the resource says nothing.
    Units and ranks are looked up (400 when unknown); a department that still reads as the
    person's ``current`` (label, unit) is their unit, without a look-up.
    """
    field = username_field()
    enterprise = resource[EnterpriseUser]
    emails = resource.emails or []
    email = next((item.value for item in emails if item.primary), None) or next(
        (item.value for item in emails if item.value), None
    )
    department = enterprise.department if enterprise is not None else None
    values = {
        "first_name": resource.name.given_name if resource.name else None,
        "last_name": resource.name.family_name if resource.name else None,
        "email": email,
        "is_active": resource.active,
        "external_id": resource.external_id,
        "warrant_number": enterprise.employee_number if enterprise is not None else None,
        "unit": _unit_for(department, current),
        "rank": find_rank(resource.title) if resource.title and resource.title.strip() else None,
    }
    values[field] = resource.user_name
    if field in ("staff_number", "warrant_number"):
        values[field] = normalise_identifier(values[field]) if values[field] is not None else None
    return values
