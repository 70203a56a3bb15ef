"""
Writes through SCIM: create (a joiner), replace or patch (a mover, a change of name or
address), deactivate (a leaver). Each runs in one transaction and is recorded in the audit
trail with the token that asked for it; a refusal leaves nothing written.

Saving ``User`` is what moves the rest: ``accounts.signals`` keeps the unit history and
``compliance.signals`` re-synchronises the person's mandatory-training assignments, in the
same transaction. Staff and administrator accounts are out of reach: they are managed in the
platform's admin, so a provisioning token cannot change an administrator's email address and
take the account over by a password reset.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from scim2_models import Context, PatchOp, SCIMException

from accounts.models import User as Person
from audit.models import Action
from audit.services import record_event

from .auth import Scope
from .errors import ScimError
from .mapping import ENTERPRISE, ScimUser, username_field, values_of

#: Fields SCIM may write, and those that must be unique.
WRITABLE = (
    "username",
    "staff_number",
    "warrant_number",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "external_id",
    "rank",
    "unit",
)
UNIQUE = ("staff_number", "warrant_number", "username")
#: What a cleared attribute (PATCH remove) sets the field to.
CLEARED = {"first_name": "", "last_name": "", "email": "", "external_id": "", "rank": "", "warrant_number": None}


def _token_data(scope: Scope) -> dict:
    token = scope.token
    return {"token": f"{token.name} ({token.prefix}…)", "token_id": token.pk}


def _clean(person: Person, values: dict) -> None:
    """Each value through its model field's own checks (length, format, choices): 400 otherwise."""
    for name, value in values.items():
        if name == "unit":
            continue
        field = Person._meta.get_field(name)
        try:
            field.clean(value, person)
        except ValidationError as error:
            message = " ".join(error.messages)
            raise ScimError(400, f"{field.verbose_name}: {message}", "invalidValue") from error


def _check_unique(person: Person, values: dict) -> None:
    for name in UNIQUE:
        value = values.get(name)
        if not value:
            continue
        taken = Person.objects.filter(**{f"{name}__iexact": value}).exclude(pk=person.pk)
        if taken.exists():
            raise ScimError(
                409, f"Another person already has this {Person._meta.get_field(name).verbose_name}.", "uniqueness"
            )


def _check_reach(person: Person, scope: Scope) -> None:
    if person.is_staff or person.is_superuser:
        raise ScimError(
            403, "Administrators and staff are managed in the platform's admin, not through SCIM.", "mutability"
        )


def _save(person: Person, fields: list[str] | None = None) -> None:
    try:
        with transaction.atomic():
            person.save(update_fields=fields)
    except IntegrityError as error:  # a concurrent request took the same number first
        raise ScimError(409, "Another person already has this number or user name.", "uniqueness") from error


def parse(payload, *, context: Context):
    """A SCIM ``User`` from a request body, or a 400 saying what is wrong."""
    if not isinstance(payload, dict):
        raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
    try:
        return ScimUser.model_validate(payload, scim_ctx=context)
    except SCIMException as error:
        raise ScimError(400, error.detail, error.scim_type) from error
    except (ValueError, TypeError) as error:  # pydantic's ValidationError is a ValueError
        raise ScimError(400, _first_error(error), "invalidValue") from error


def _first_error(error: Exception) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid"))
        except (IndexError, TypeError, ValueError):
            pass
    return "The request body is not a valid SCIM User."


@transaction.atomic
def create_person(*, resource, scope: Scope) -> Person:
    """A joiner: created in a unit the token covers, with no role and no password (they sign in by SSO)."""
    values = {name: value for name, value in values_of(resource).items() if value is not None}
    field = username_field()
    if not values.get(field):
        raise ScimError(400, "userName is required.", "invalidValue")
    values.setdefault("username", values[field] if field != "username" else values["username"])
    values.setdefault("is_active", True)
    if not scope.covers(values.get("unit")):
        raise ScimError(403, "This token may only provision people in its own units; give a unit it covers.")
    person = Person(is_staff=False, is_superuser=False)
    person.set_unusable_password()
    _clean(person, values)
    _check_unique(person, values)
    for name, value in values.items():
        setattr(person, name, value)
    _save(person)
    record_event(
        action=Action.SCIM_PERSON_CREATED,
        subject=person,
        target=f"user:{person.pk}",
        data={**_token_data(scope), "fields": sorted(values)},
    )
    return person


def _update(person: Person, wanted: dict, scope: Scope) -> Person:
    _check_reach(person, scope)
    changes = {}
    for name, value in wanted.items():
        current = getattr(person, name) if name != "unit" else person.unit
        if name == "unit":
            if (current.pk if current else None) != (value.pk if value else None):
                changes[name] = value
        elif current != value:
            changes[name] = value
    if "unit" in changes and not scope.covers(changes["unit"]):
        raise ScimError(403, "This token may only move people into its own units.")
    if not changes:
        return person
    plain = {name: value for name, value in changes.items() if name != "unit"}
    _clean(person, plain)
    _check_unique(person, plain)
    before = {name: _shown(getattr(person, name)) for name in changes}
    for name, value in changes.items():
        setattr(person, name, value)
    _save(person, fields=list(changes))
    deactivated = changes.get("is_active") is False
    record_event(
        action=Action.SCIM_PERSON_DEACTIVATED if deactivated else Action.SCIM_PERSON_UPDATED,
        subject=person,
        target=f"user:{person.pk}",
        data={
            **_token_data(scope),
            "changes": {name: {"from": before[name], "to": _shown(value)} for name, value in changes.items()},
        },
    )
    return person


def _shown(value):
    return getattr(value, "pk", value)


@transaction.atomic
def replace_person(*, person: Person, resource, scope: Scope) -> Person:
    """PUT: the attributes the body carries replace the person's; those it leaves out stay as they are."""
    person = Person.objects.select_for_update(of=("self",)).select_related("unit").get(pk=person.pk)
    wanted = {name: value for name, value in values_of(resource).items() if value is not None}
    return _update(person, wanted, scope)


@transaction.atomic
def patch_person(*, person: Person, document: dict, payload, scope: Scope) -> Person:
    """PATCH: the operations are applied to the person's current document, and the difference written."""
    if not isinstance(payload, dict):
        raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
    person = Person.objects.select_for_update(of=("self",)).select_related("unit").get(pk=person.pk)
    try:
        operations = PatchOp[ScimUser].model_validate(
            _with_work_email(payload, document), scim_ctx=Context.RESOURCE_PATCH_REQUEST
        )
        resource = ScimUser.model_validate(document)
        operations.patch(resource)
    except SCIMException as error:
        raise ScimError(400, error.detail, error.scim_type) from error
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise ScimError(400, _first_error(error), "invalidValue") from error
    current = (document.get(ENTERPRISE, {}).get("department"), person.unit) if person.unit_id else None
    values = values_of(resource, current=current)
    field = username_field()
    if not values.get(field):
        if getattr(person, field):
            raise ScimError(400, "userName cannot be removed.", "mutability")
        values.pop(field)  # someone the platform knows without one (added in the admin): left so
    wanted = {}
    for name, value in values.items():
        if value is None:
            if name == "is_active":
                continue
            value = CLEARED.get(name)
        wanted[name] = value
    if field != "username":
        wanted.pop("username", None)
    return _update(person, wanted, scope)


def _with_work_email(payload: dict, document: dict) -> dict:
    """
    Entra ID sets an address with ``add emails[type eq "work"].value``; for someone with no
    address yet nothing matches that filter, so it is read as adding a work address.
    """
    if document.get("emails"):
        return payload
    operations = payload.get("Operations")
    if not isinstance(operations, list):
        return payload
    rewritten = []
    for operation in operations:
        if (
            isinstance(operation, dict)
            and str(operation.get("op", "")).lower() in ("add", "replace")
            and str(operation.get("path", "")).replace(" ", "").lower() == 'emails[typeeq"work"].value'
        ):
            operation = {
                "op": "add",
                "path": "emails",
                "value": [{"value": operation.get("value"), "type": "work", "primary": True}],
            }
        rewritten.append(operation)
    return {**payload, "Operations": rewritten}


@transaction.atomic
def deactivate_person(*, person: Person, scope: Scope) -> Person:
    """DELETE: the person is deactivated, never deleted; their training records stay."""
    person = Person.objects.select_for_update(of=("self",)).select_related("unit").get(pk=person.pk)
    if not person.is_active:
        return person
    return _update(person, {"is_active": False}, scope)
