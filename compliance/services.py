"""
Writes and rules for mandatory training: keeping assignments in step with requirements and
people, and keeping the stored compliance state (``ComplianceState``) in step with
assignments, completions, enrolments and exemptions. Reads (status, reports) live in
``status.py`` and ``selectors.py``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connections, router, transaction
from django.db.models import Case, CharField, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import StartsWith
from django.utils import timezone

from accounts.models import UnitMembership

from .models import (
    Assignment,
    AssignmentSource,
    ComplianceSnapshot,
    ComplianceState,
    Requirement,
    RequirementTarget,
    TargetKind,
)
from .status import pick_exemption

User = get_user_model()


@dataclass(frozen=True)
class SyncResult:
    created: int = 0
    ended: int = 0

    def __add__(self, other: SyncResult) -> SyncResult:
        return SyncResult(self.created + other.created, self.ended + other.ended)


def _covering(*, user_id, rank, unit_id, unit_path) -> Q:
    """
    The coverage rule, written once: the requirement lines (``RequirementTarget``) that cover
    a person with this id, rank, unit and unit path. A named person is covered by their line;
    a rank by its line (nobody by an empty rank); a unit by its line, and, with sub-units, by
    the line of any unit above it. The four are expressions: ``Value`` for one person
    (``sync_person``), ``OuterRef`` to the people of an outer query (``sync_requirement``).
    """
    return (
        Q(kind=TargetKind.PERSON, user_id=user_id)
        | (Q(kind=TargetKind.RANK, rank=rank) & ~Q(rank=""))
        | Q(kind=TargetKind.UNIT, include_subunits=False, unit_id=unit_id)
        | Q(StartsWith(unit_path, F("unit__path")), kind=TargetKind.UNIT, include_subunits=True)
    )


def people_covered_by(
    requirement: Requirement, *, user_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], tuple[Requirement, str]]:
    """
    Everyone the requirement covers now (or, with ``user_ids``, those of them it covers), with
    why (the first of its lines that covers them): one query, whatever the number of lines.
    """
    if not requirement.active:
        return {}
    first_line = (
        RequirementTarget.objects.filter(requirement=requirement)
        .filter(
            _covering(
                user_id=OuterRef("pk"),
                rank=OuterRef("rank"),
                unit_id=OuterRef("unit_id"),
                unit_path=OuterRef("unit__path"),
            )
        )
        .order_by("pk")
        .values("kind")[:1]
    )
    people = User.objects.filter(is_active=True)
    if user_ids is not None:
        people = people.filter(pk__in=list(user_ids))
    people = (
        people.annotate(kind=Subquery(first_line)).filter(kind__isnull=False).order_by("pk").values_list("pk", "kind")
    )
    return {(requirement.pk, user_id): (requirement, AssignmentSource(kind)) for user_id, kind in people}


def requirements_covering(user) -> dict[tuple[int, int], tuple[Requirement, str]]:
    """Every active requirement that covers the person now, with why: one query."""
    if not user.is_active:
        return {}
    lines = (
        RequirementTarget.objects.filter(requirement__active=True)
        .filter(
            _covering(
                user_id=Value(user.pk),
                rank=Value(user.rank or ""),
                unit_id=Value(user.unit_id, output_field=IntegerField()),
                unit_path=Value(user.unit.path if user.unit_id else None, output_field=CharField()),
            )
        )
        .select_related("requirement")
        .order_by("requirement_id", "pk")
    )
    covered: dict[tuple[int, int], tuple[Requirement, str]] = {}
    for line in lines:
        covered.setdefault((line.requirement_id, user.pk), (line.requirement, AssignmentSource(line.kind)))
    return covered


def sync_assignments(
    *, covered: dict[tuple[int, int], tuple[Requirement, str]], current: Iterable[Assignment], today: datetime.date
) -> tuple[list[Assignment], list[Assignment]]:
    """
    The assignment sync, for a requirement (``sync_requirement``) or a person
    (``sync_person``): end the ``current`` assignments whose (requirement, person) is no
    longer ``covered``, and create one for each covered pair that has none, assigned from
    when the person came under the requirement. Returns (ended, created); the caller
    refreshes the compliance state.
    """
    current = {(assignment.requirement_id, assignment.user_id): assignment for assignment in current}
    leaving = [assignment for key, assignment in current.items() if key not in covered]
    for assignment in leaving:
        assignment.ended_on = today
    Assignment.objects.bulk_update(leaving, ["ended_on"])

    arriving = [key for key in covered if key not in current]
    joined = dict(
        UnitMembership.objects.filter(
            user_id__in={user_id for _requirement_id, user_id in arriving}, ended_at__isnull=True
        ).values_list("user_id", "started_at")
    )
    new = []
    for key in arriving:
        requirement, source = covered[key]
        user_id = key[1]
        joined_on = timezone.localdate(joined[user_id]) if user_id in joined else None
        assigned_on = _assigned_on(requirement, source=source, joined_unit=joined_on, today=today)
        new.append(
            Assignment(
                requirement=requirement,
                user_id=user_id,
                course_id=requirement.course_id,
                source=source,
                assigned_on=assigned_on,
                due_on=requirement.due_on_for(assigned_on),
            )
        )
    Assignment.objects.bulk_create(new)
    return leaving, new


def _assigned_on(requirement: Requirement, *, source: str, joined_unit: datetime.date | None, today) -> datetime.date:
    """
    When someone falls under a requirement: the day it applies from, or later if they came
    under it later: joining the unit (their current spell), or, for ranks and named people
    added after the requirement was created, the day that happened (today).
    """
    start = requirement.starts_on
    if source == AssignmentSource.UNIT and joined_unit:
        return max(start, joined_unit)
    created_on = timezone.localdate(requirement.created_at) if requirement.created_at else today
    return max(start, today) if created_on < today else start


@transaction.atomic
def sync_requirement(requirement: Requirement, *, today: datetime.date | None = None) -> SyncResult:
    """
    Create an assignment for everyone the requirement covers who has none, and end the
    assignments of those it no longer covers (they keep their history). Idempotent.
    """
    today = today or timezone.localdate()
    Requirement.objects.select_for_update().filter(pk=requirement.pk).first()
    leaving, new = sync_assignments(
        covered=people_covered_by(requirement),
        current=Assignment.objects.filter(requirement=requirement, ended_on__isnull=True),
        today=today,
    )
    # Saving a requirement changes no existing assignment's dates: only the people who
    # arrived or left need their state recomputed.
    changed = [assignment.user_id for assignment in leaving + new]
    if changed:
        refresh_state(user_ids=changed, requirement_ids=[requirement.pk], today=today)
    return SyncResult(created=len(new), ended=len(leaving))


def sync_all(*, today: datetime.date | None = None) -> SyncResult:
    """Every requirement, active or withdrawn. For the nightly command and after HR imports."""
    total = SyncResult()
    for requirement in Requirement.objects.all():
        total += sync_requirement(requirement, today=today)
    return total


@transaction.atomic
def sync_person(user, *, today: datetime.date | None = None) -> SyncResult:
    """Bring one person's assignments up to date after they move unit or change rank."""
    today = today or timezone.localdate()
    user = User.objects.select_related("unit").get(pk=user.pk)
    leaving, new = sync_assignments(
        covered=requirements_covering(user),
        current=Assignment.objects.filter(user=user, ended_on__isnull=True),
        today=today,
    )
    # Also when nothing was created or ended: the person's unit (and so their row's scope) may have changed.
    refresh_state(user_ids=[user.pk], today=today)
    return SyncResult(created=len(new), ended=len(leaving))


@transaction.atomic
def sync_people(user_ids: Iterable[int], *, today: datetime.date | None = None) -> SyncResult:
    """
    ``sync_person`` for many people at once (an HR import, announced by
    ``accounts.signals.people_changed``): one query per active requirement and a fixed number
    per ``STATE_CHUNK`` people, never one per person. The same rule, so the same result.
    """
    today = today or timezone.localdate()
    total = SyncResult()
    requirements = list(Requirement.objects.filter(active=True).order_by("pk"))
    for chunk in _chunks(user_ids):
        covered: dict[tuple[int, int], tuple[Requirement, str]] = {}
        for requirement in requirements:
            covered.update(people_covered_by(requirement, user_ids=chunk))
        leaving, new = sync_assignments(
            covered=covered,
            current=Assignment.objects.filter(user_id__in=chunk, ended_on__isnull=True),
            today=today,
        )
        refresh_state(user_ids=chunk, today=today)
        total += SyncResult(created=len(new), ended=len(leaving))
    return total


# The stored compliance state (derived data; see ``ComplianceState``)

#: People recomputed per round of queries: bounds memory and the size of each IN (...) list.
STATE_CHUNK = 500

#: The state's columns that are recomputed from the sources.
STATE_FIELDS = (
    "requirement_id",
    "user_id",
    "course_id",
    "unit_id",
    "unit_path",
    "assigned_on",
    "due_on",
    "completion_id",
    "completed_at",
    "valid_until",
    "score",
    "provenance",
    "next_due",
    "sort_due",
    "started",
    "exempt_from",
    "exempt_until",
    "recheck_on",
    "recheck_before",
)


@dataclass(frozen=True)
class StateResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def __add__(self, other: StateResult) -> StateResult:
        return StateResult(self.created + other.created, self.updated + other.updated, self.deleted + other.deleted)


def _chunks(ids: Iterable[int], size: int = STATE_CHUNK) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def compute_states(assignments, *, today: datetime.date, apps=global_apps) -> dict[int, dict]:
    """
    The state each of ``assignments`` (current assignments, a queryset) should have, from the
    source tables, keyed by assignment id: five queries whatever the number of rows. ``apps``
    lets a migration pass its historical models.
    """
    CourseCompletion = apps.get_model("courses", "CourseCompletion")
    Enrolment = apps.get_model("courses", "Enrolment")
    Exemption = apps.get_model("compliance", "Exemption")
    rows = list(
        assignments.values_list(
            "pk",
            "requirement_id",
            "user_id",
            "course_id",
            "assigned_on",
            "due_on",
            "user__unit_id",
            "user__unit__path",
        )
    )
    if not rows:
        return {}
    user_ids = {row[2] for row in rows}
    course_ids = {row[3] for row in rows}
    requirement_ids = {row[1] for row in rows}
    latest: dict[tuple[int, int], tuple] = {}
    for completion in (
        CourseCompletion.objects.filter(user_id__in=user_ids, course_id__in=course_ids)
        .order_by("user_id", "course_id", "-completed_at", "-pk")
        .values_list("user_id", "course_id", "pk", "completed_at", "valid_until", "score", "provenance")
    ):
        latest.setdefault(completion[:2], completion[2:])
    started = set(
        Enrolment.objects.filter(
            user_id__in=user_ids, course_id__in=course_ids, completed_at__isnull=True, started_at__isnull=False
        ).values_list("user_id", "course_id")
    )
    exemptions = defaultdict(list)
    for user_id, requirement_id, starts_on, ends_on in Exemption.objects.filter(
        user_id__in=user_ids, requirement_id__in=requirement_ids
    ).values_list("user_id", "requirement_id", "starts_on", "ends_on"):
        exemptions[(user_id, requirement_id)].append((starts_on, ends_on))
    states = {}
    for pk, requirement_id, user_id, course_id, assigned_on, due_on, unit_id, unit_path in rows:
        completion_id, completed_at, valid_until, score, provenance = latest.get(
            (user_id, course_id), (None, None, None, None, "")
        )
        next_due = due_on if completion_id is None else valid_until
        pick = pick_exemption(exemptions.get((user_id, requirement_id), ()), today=today)
        states[pk] = {
            "requirement_id": requirement_id,
            "user_id": user_id,
            "course_id": course_id,
            "unit_id": unit_id,
            "unit_path": unit_path or "",
            "assigned_on": assigned_on,
            "due_on": due_on,
            "completion_id": completion_id,
            "completed_at": completed_at,
            "valid_until": valid_until,
            "score": score,
            "provenance": provenance,
            "next_due": next_due,
            "sort_due": next_due or datetime.date.max,
            "started": (user_id, course_id) in started,
            "exempt_from": pick.starts,
            "exempt_until": pick.ends,
            "recheck_on": pick.valid_to,
            "recheck_before": pick.valid_from,
        }
    return states


def _current(Assignment_, scope: Q):
    return Assignment_.objects.filter(scope, ended_on__isnull=True, user__is_active=True)


def _same(state: dict, stored: dict) -> bool:
    return all(state[name] == stored[name] for name in STATE_FIELDS)


def _write_states(*, wanted: dict[int, dict], stored: dict[int, dict], apps=global_apps) -> StateResult:
    """Make the stored rows (``stored``: id and columns by assignment id) equal to ``wanted``."""
    State = apps.get_model("compliance", "ComplianceState")
    extra = [stored[assignment_id]["id"] for assignment_id in stored.keys() - wanted.keys()]
    if extra:
        State.objects.filter(pk__in=extra).delete()
    new = [
        {"assignment_id": assignment_id, **wanted[assignment_id]} for assignment_id in wanted.keys() - stored.keys()
    ]
    _insert(State, new)
    changed = [
        State(pk=stored[assignment_id]["id"], assignment_id=assignment_id, **state)
        for assignment_id, state in wanted.items()
        if assignment_id in stored and not _same(state, stored[assignment_id])
    ]
    State.objects.bulk_update(changed, STATE_FIELDS_BY_NAME, batch_size=200)
    return StateResult(created=len(new), updated=len(changed), deleted=len(extra))


def _insert(State, rows: list[dict]) -> None:
    """
    Insert state rows, ``INSERT_BATCH`` to a statement, from plain values: ``bulk_create``
    spends most of a rebuild's time building model instances and their SQL.
    Dates, timestamps and decimals go through the database's own adaptation, as the ORM's.
    """
    if not rows:
        return
    names = ["assignment_id", *STATE_FIELDS]
    stamped = _has_stamp(State)
    if stamped:
        # Raw SQL skips ``auto_now``: the API's ``updated_since`` must see new rows.
        names.append("updated_at")
        now = timezone.now()
        rows = [{**row, "updated_at": now} for row in rows]
    fields = [State._meta.get_field(name) for name in names]
    connection = connections[router.db_for_write(State)]
    ops = connection.ops
    adapt = {
        "DateField": ops.adapt_datefield_value,
        "DateTimeField": ops.adapt_datetimefield_value,
        "DecimalField": lambda value: ops.adapt_decimalfield_value(value, 5, 2),
    }
    convert = [adapt.get(field.get_internal_type()) for field in fields]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608 (names from the model, quoted; values are parameters)
        quote(State._meta.db_table), ", ".join(quote(field.column) for field in fields)
    )
    placeholders = "({})".format(", ".join(["%s"] * len(fields)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_BATCH):
            batch = rows[start : start + INSERT_BATCH]
            params = [
                value if conversion is None else conversion(value)
                for row in batch
                for conversion, value in zip(convert, (row[name] for name in names), strict=True)
            ]
            cursor.execute(head + ", ".join([placeholders] * len(batch)), params)


def _has_stamp(State) -> bool:
    """Whether this (possibly historical) state model has ``updated_at`` yet."""
    return any(field.name == "updated_at" for field in State._meta.concrete_fields)


#: Rows per INSERT statement: 21 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535.
INSERT_BATCH = 500


#: Field names (not attnames) for ``bulk_update``.
STATE_FIELDS_BY_NAME = [name.removesuffix("_id") for name in STATE_FIELDS]


def _stored(scope: Q) -> dict[int, dict]:
    return {
        row["assignment_id"]: row
        for row in ComplianceState.objects.filter(scope).values("id", "assignment_id", *STATE_FIELDS)
    }


def refresh_state(
    *,
    user_ids: Iterable[int] | None = None,
    requirement_ids: Iterable[int] | None = None,
    course_ids: Iterable[int] | None = None,
    assignment_ids: Iterable[int] | None = None,
    today: datetime.date | None = None,
) -> StateResult:
    """
    Recompute from the sources the state of the current assignments matching every filter
    given (people, requirements, courses, assignments; none given: all), creating, updating
    and deleting rows. The people concerned are locked (in id order) before their sources
    are read, so two events for the same person at once cannot leave a stale row: the second
    waits, then reads what the first committed. A fixed number of queries per
    ``STATE_CHUNK`` people, never one per row. Call it in the transaction of the event.
    """
    today = today or timezone.localdate()
    scope = Q()
    state_scope = Q()
    for name, ids in (("user_id", user_ids), ("requirement_id", requirement_ids), ("course_id", course_ids)):
        if ids is not None:
            scope &= Q(**{f"{name}__in": list(ids)})
            state_scope &= Q(**{f"{name}__in": list(ids)})
    if assignment_ids is not None:
        assignment_ids = list(assignment_ids)
        scope &= Q(pk__in=assignment_ids)
        state_scope &= Q(assignment_id__in=assignment_ids)
    total = StateResult()
    with transaction.atomic():
        if user_ids is not None and len(set(user_ids)) <= STATE_CHUNK:
            people = [sorted(set(user_ids))]
        else:
            people = _chunks(
                set(Assignment.objects.filter(scope, ended_on__isnull=True).values_list("user_id", flat=True))
                | set(ComplianceState.objects.filter(state_scope).values_list("user_id", flat=True))
            )
        for chunk in people:
            if not chunk:
                continue
            list(User.objects.select_for_update(no_key=True).filter(pk__in=chunk).order_by("pk").values_list("pk"))
            wanted = compute_states(_current(Assignment, scope & Q(user_id__in=chunk)), today=today)
            total += _write_states(wanted=wanted, stored=_stored(state_scope & Q(user_id__in=chunk)))
    return total


def rebuild_state(*, today: datetime.date | None = None, apps=global_apps) -> StateResult:
    """
    Recompute every row from the sources, in one transaction (readers see the old rows until
    it commits): for ``check_compliance_state --fix``, after bulk loads and HR imports.

    Set-based: one DELETE, then one INSERT … SELECT builds, in the database, the row of every
    current assignment whose person has no exemption from the requirement (the latest
    completion found by a window function, "started" by EXISTS); the few others, whose
    exemption columns need the merged intervals of ``status.pick_exemption``, are computed by
    ``compute_states`` and inserted after. Row for row what ``compute_states`` gives (tested).
    """
    today = today or timezone.localdate()
    Assignment_ = apps.get_model("compliance", "Assignment")
    Exemption = apps.get_model("compliance", "Exemption")
    State = apps.get_model("compliance", "ComplianceState")
    using = router.db_for_write(State)
    with transaction.atomic(using=using):
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(State._meta.db_table)}")  # noqa: S608 (a model's table)
            deleted = max(cursor.rowcount, 0)
            sql, params = _rebuild_sql(connection, apps)
            cursor.execute(sql, params)
            total = StateResult(created=cursor.rowcount, deleted=deleted)
        exempt = Exists(
            Exemption.objects.filter(user_id=OuterRef("user_id"), requirement_id=OuterRef("requirement_id"))
        )
        people = _current(Assignment_, Q(exempt)).values_list("user_id", flat=True).distinct()
        for chunk in _chunks(people):
            wanted = compute_states(_current(Assignment_, Q(exempt, user_id__in=chunk)), today=today, apps=apps)
            total += _write_states(wanted=wanted, stored={}, apps=apps)
    return total


def _rebuild_sql(connection, apps) -> tuple[str, list]:
    """The INSERT … SELECT of ``rebuild_state``: every column but the exemption ones, for every current assignment."""

    def table(app_label, model):
        return connection.ops.quote_name(apps.get_model(app_label, model)._meta.db_table)

    def column(app_label, model, name):
        return connection.ops.quote_name(apps.get_model(app_label, model)._meta.get_field(name).column)

    state = apps.get_model("compliance", "ComplianceState")
    stamped = _has_stamp(state)
    names = ", ".join(
        connection.ops.quote_name(state._meta.get_field(name).column)
        for name in ("assignment_id", *STATE_FIELDS, *(["updated_at"] if stamped else []))
        if name not in EXEMPTION_FIELDS
    )
    q = connection.ops.quote_name
    a = {name: f"a.{column('compliance', 'Assignment', name)}" for name in ("id", "requirement", "user", "course")}
    a |= {name: f"a.{column('compliance', 'Assignment', name)}" for name in ("assigned_on", "due_on", "ended_on")}
    user_unit, user_active = column("accounts", "User", "unit"), column("accounts", "User", "is_active")
    unit_path = column("accounts", "Unit", "path")
    c = {name: column("courses", "CourseCompletion", name) for name in ("id", "user", "course", "completed_at")}
    c |= {name: column("courses", "CourseCompletion", name) for name in ("valid_until", "score", "provenance")}
    e = {name: column("courses", "Enrolment", name) for name in ("user", "course", "completed_at", "started_at")}
    x = {name: column("compliance", "Exemption", name) for name in ("user", "requirement")}
    next_due = f"CASE WHEN latest.{c['id']} IS NULL THEN {a['due_on']} ELSE latest.{c['valid_until']} END"
    sql = f"""
        INSERT INTO {table("compliance", "ComplianceState")} ({names})
        SELECT {a["id"]}, {a["requirement"]}, {a["user"]}, {a["course"]},
               u.{user_unit}, COALESCE(unit.{unit_path}, ''),
               {a["assigned_on"]}, {a["due_on"]},
               latest.{c["id"]}, latest.{c["completed_at"]}, latest.{c["valid_until"]}, latest.{c["score"]},
               COALESCE(latest.{c["provenance"]}, ''), {next_due}, COALESCE({next_due}, %s),
               EXISTS (
                   SELECT 1 FROM {table("courses", "Enrolment")} e
                   WHERE e.{e["user"]} = {a["user"]} AND e.{e["course"]} = {a["course"]}
                     AND e.{e["completed_at"]} IS NULL AND e.{e["started_at"]} IS NOT NULL
               ){", %s" if stamped else ""}
        FROM {table("compliance", "Assignment")} a
        INNER JOIN {table("accounts", "User")} u ON u.{q("id")} = {a["user"]}
        LEFT JOIN {table("accounts", "Unit")} unit ON unit.{q("id")} = u.{user_unit}
        LEFT JOIN (
            SELECT {c["id"]}, {c["user"]}, {c["course"]}, {c["completed_at"]}, {c["valid_until"]}, {c["score"]},
                   {c["provenance"]}, ROW_NUMBER() OVER (
                       PARTITION BY {c["user"]}, {c["course"]} ORDER BY {c["completed_at"]} DESC, {c["id"]} DESC
                   ) AS position
            FROM {table("courses", "CourseCompletion")}
        ) latest ON latest.{c["user"]} = {a["user"]} AND latest.{c["course"]} = {a["course"]} AND latest.position = 1
        WHERE {a["ended_on"]} IS NULL AND u.{user_active}
          AND NOT EXISTS (
              SELECT 1 FROM {table("compliance", "Exemption")} x
              WHERE x.{x["user"]} = {a["user"]} AND x.{x["requirement"]} = {a["requirement"]}
          )
    """  # noqa: S608 (names from the models, quoted; values are parameters)
    params = [connection.ops.adapt_datefield_value(datetime.date.max)]
    if stamped:
        # Every row is rewritten, so every row is new to the API's ``updated_since``: a records
        # system reads the assignments again once after a rebuild (docs/integration.md).
        params.append(connection.ops.adapt_datetimefield_value(timezone.now()))
    return sql, params


#: The state's columns set from the merged exemption intervals (``status.pick_exemption``).
EXEMPTION_FIELDS = ("exempt_from", "exempt_until", "recheck_on", "recheck_before")


def record_completion(completion) -> int:
    """
    A new course completion, in the state of the person's current assignments for the course:
    it becomes their latest completion (and with it the valid-until and next due date) where
    it is the latest, that is made at or after the stored one (a later id wins a tie, as in
    ``compute_states``), and "started" is read again (the enrolment it completed is no longer
    open). Nothing else a state row holds depends on a completion. Two queries, where
    ``refresh_state`` needs nine: the person is locked first, as there, so an event
    recomputing them from the sources waits for this one. Returns the rows updated.
    """
    from courses.models import Enrolment

    with transaction.atomic(savepoint=False):
        list(User.objects.select_for_update(no_key=True).filter(pk=completion.user_id).values_list("pk"))
        newer = Q(completed_at__isnull=True) | Q(completed_at__lte=completion.completed_at)

        def take(value, column: str, field):
            return Case(When(newer, then=Value(value, output_field=field)), default=F(column))

        fields = {
            name: ComplianceState._meta.get_field(name)
            for name in ("completed_at", "valid_until", "score", "provenance")
        }
        return ComplianceState.objects.filter(user_id=completion.user_id, course_id=completion.course_id).update(
            completion_id=take(
                completion.pk, "completion_id", ComplianceState._meta.get_field("completion").target_field
            ),
            completed_at=take(completion.completed_at, "completed_at", fields["completed_at"]),
            valid_until=take(completion.valid_until, "valid_until", fields["valid_until"]),
            score=take(completion.score, "score", fields["score"]),
            provenance=take(completion.provenance, "provenance", fields["provenance"]),
            next_due=take(completion.valid_until, "next_due", fields["valid_until"]),
            sort_due=take(completion.valid_until or datetime.date.max, "sort_due", fields["valid_until"]),
            started=Exists(
                Enrolment.objects.filter(
                    user_id=completion.user_id,
                    course_id=completion.course_id,
                    completed_at__isnull=True,
                    started_at__isnull=False,
                )
            ),
        )


def refresh_lapsed(*, today: datetime.date) -> int:
    """
    Re-pick the exemption interval of the rows whose stored interval is not the one that
    counts on ``today`` (another merged interval has begun, or ``today`` is before the stored
    one's validity): one indexed query, normally finding nothing. Called before state is
    read (``compliance.selectors``), so no nightly job is needed. Returns the rows re-picked.
    """
    stale = list(
        ComplianceState.objects.filter(Q(recheck_on__lte=today) | Q(recheck_before__gt=today)).values_list(
            "assignment_id", flat=True
        )
    )
    if stale:
        refresh_state(assignment_ids=stale, today=today)
    return len(stale)


def refresh_unit_paths(*, unit) -> int:
    """
    After a unit moved in the tree: the rows of everyone under its new parent take their
    units' paths (a sorted move renumbers the unit, what is below it, and its new siblings).
    One query.
    """
    from accounts.models import Unit

    parent = unit.get_parent(update=True)
    moved = Unit.objects.filter(path__startswith=parent.path) if parent else Unit.objects.all()
    path = Subquery(Unit.objects.filter(pk=OuterRef("unit_id")).values("path")[:1])
    # Only the rows whose path changed: the others keep their ``updated_at`` (the API's ``updated_since``).
    return ComplianceState.objects.filter(unit__in=moved).exclude(unit_path=path).update(unit_path=path)


# Month-end snapshots (``ComplianceSnapshot``)

#: Month ends kept by default: the eleven before this month, which the charts' trend shows.
SNAPSHOT_MONTHS = 11


def take_snapshot(*, day: datetime.date, settings=None) -> ComplianceSnapshot | None:
    """
    Freeze the figures at the end of ``day`` (a day already over) per unit × course × rank,
    from the history tables (``selectors.figures_at_end_of``: ``with_status`` as of that day,
    for the active people in their units now). Returns the snapshot, or None if that day was
    already taken (by an earlier run or one running at the same time): a snapshot is never
    taken twice nor changed. One transaction; a fixed number of queries.
    """
    from .models import ComplianceSettings, ComplianceSnapshotFigure
    from .selectors import FIGURES, GROUPS, figures_at_end_of

    if day >= timezone.localdate():
        raise ValueError("Only a day that is over can be snapshotted.")
    settings = settings or ComplianceSettings.current()
    try:
        with transaction.atomic():
            snapshot = ComplianceSnapshot.objects.create(
                day=day, due_soon_days=settings.due_soon_days, expiring_days=settings.expiring_days
            )
            rows = figures_at_end_of(
                day,
                due_soon_days=settings.due_soon_days,
                expiring_days=settings.expiring_days,
                by=GROUPS,
            )
            ComplianceSnapshotFigure.objects.bulk_create(
                (
                    ComplianceSnapshotFigure(
                        snapshot=snapshot,
                        unit_id=row["unit_id"],
                        unit_path=row["unit_path"] or "",
                        unit_name=row["unit_name"] or "",
                        course_id=row["course_id"],
                        rank=row["rank"] or "",
                        **{name: row[name] for name in FIGURES},
                    )
                    for row in rows
                ),
                batch_size=1000,
            )
    except IntegrityError:
        if ComplianceSnapshot.objects.filter(day=day).exists():
            return None
        raise
    return snapshot


def snapshot_compliance(*, today: datetime.date | None = None, months: int = SNAPSHOT_MONTHS) -> list:
    """
    Take each of the last ``months`` month ends not yet taken (before ``today``'s month),
    oldest first: the nightly (or monthly) job, which also back-fills on its first run.
    Idempotent. Returns the snapshots taken.
    """
    from .selectors import month_ends

    today = today or timezone.localdate()
    days = month_ends(today, months + 1)[:-1]
    taken = set(ComplianceSnapshot.objects.filter(day__in=days).values_list("day", flat=True))
    return [snapshot for day in days if day not in taken and (snapshot := take_snapshot(day=day)) is not None]
