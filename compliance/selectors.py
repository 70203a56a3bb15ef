"""
Read queries for compliance: an officer's own requirements, and the managers' reports.
Every report of today's status starts from ``scoped_states(viewer, window)``: the stored
state (``ComplianceState``) of the current assignments of the people the viewer may see,
with the status derived from stored dates (``status.with_stored_status``). The scope is the
same as ``accounts.selectors.people_visible_to`` (administrators and the training lead:
everyone; managers: the people in the units they manage and below), applied as prefixes of
the stored unit path. Figures are aggregated in the database; no query runs per person,
unit or course. ``scoped_assignments`` computes the same from scratch (``with_status``): the
reference, and what an officer's own pages use. The charts' trend reads past month ends
from the month-end snapshots (``ComplianceSnapshot``), computed from the history tables in
one pass by ``figures_at_end_of``.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import Unit
from accounts.selectors import can_see_all_training_records, people_visible_to, unit_tree, units_managed_by
from courses.models import CourseCompletion, CoursePage, Provenance

from .models import Assignment, ComplianceSettings, ComplianceState
from .status import COMPLIANT, Status, with_status, with_stored_status


@dataclass(frozen=True)
class Window:
    today: datetime.date
    due_soon_days: int
    expiring_days: int

    @classmethod
    def now(cls) -> Window:
        settings = ComplianceSettings.current()
        return cls(timezone.localdate(), settings.due_soon_days, settings.expiring_days)

    @classmethod
    def for_request(cls, request) -> Window:
        """As ``now()``, with the settings of the request's site (found once per request)."""
        settings = ComplianceSettings.for_request(request)
        return cls(timezone.localdate(), settings.due_soon_days, settings.expiring_days)

    @property
    def expiring_by(self) -> datetime.date:
        return self.today + datetime.timedelta(days=self.expiring_days)

    @cached_property
    def state_refreshed(self) -> int:
        """
        Bring the stored state up to date for this window's day, once per window: re-pick
        the rows whose exemption interval has lapsed (``services.refresh_lapsed``; one
        indexed query, normally finding nothing). Returns how many were re-picked.
        """
        from .services import refresh_lapsed

        return refresh_lapsed(today=self.today)


def annotate(assignments: QuerySet, window: Window) -> QuerySet:
    return with_status(
        assignments, today=window.today, due_soon_days=window.due_soon_days, expiring_days=window.expiring_days
    )


def assignments_in_scope(viewer) -> QuerySet:
    """Every assignment, current or ended, of the active people the viewer may see."""
    assignments = Assignment.objects.filter(user__is_active=True)
    if not can_see_all_training_records(viewer):
        assignments = assignments.filter(user__in=people_visible_to(viewer))
    return assignments


def scoped_assignments(viewer, window: Window) -> QuerySet:
    """
    Current assignments of active people the viewer may see, with their status computed from
    scratch (``with_status``): the reference the stored state is checked against.
    """
    return annotate(assignments_in_scope(viewer).filter(ended_on__isnull=True), window)


def _top_paths(viewer) -> list[str]:
    """The paths of the units the viewer manages, without those below another (remembered on the viewer)."""
    paths = getattr(viewer, "_compliance_top_paths", None)
    if paths is None:
        managed = sorted(Unit.managers.through.objects.filter(user_id=viewer.pk).values_list("unit__path", flat=True))
        paths = []
        for path in managed:
            if not any(path.startswith(top) for top in paths):
                paths.append(path)
        viewer._compliance_top_paths = paths
    return paths


def states_in_scope(viewer) -> QuerySet[ComplianceState]:
    """
    The stored state of every current assignment of the active people the viewer may see:
    everything for those who see all training records; for a manager, the rows whose unit
    path starts with a unit they manage (so people in no unit are seen only by the first).
    Inactive people have no state rows.
    """
    if not viewer.is_authenticated:
        return ComplianceState.objects.none()
    if can_see_all_training_records(viewer):
        return ComplianceState.objects.all()
    paths = _top_paths(viewer)
    if not paths:
        return ComplianceState.objects.none()
    return ComplianceState.objects.filter(reduce(or_, (Q(unit_path__startswith=path) for path in paths)))


def scoped_states(viewer, window: Window) -> QuerySet[ComplianceState]:
    """``states_in_scope`` with the status for the window's day, read from stored dates only."""
    window.state_refreshed  # noqa: B018 (brings the state up to date for the day, once per window)
    return with_stored_status(
        states_in_scope(viewer),
        today=window.today,
        due_soon_days=window.due_soon_days,
        expiring_days=window.expiring_days,
    )


def units_in_scope(viewer) -> QuerySet[Unit]:
    if can_see_all_training_records(viewer):
        return unit_tree()
    return units_managed_by(viewer).order_by("path")


def required_courses(viewer) -> QuerySet[CoursePage]:
    """The courses someone in scope is required to complete now (one index probe per course)."""
    return CoursePage.objects.filter(Exists(states_in_scope(viewer).filter(course=OuterRef("pk")))).order_by("title")


# An officer's own requirements


URGENCY = [
    Status.OVERDUE,
    Status.EXPIRED,
    Status.DUE_SOON,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.COMPLETED,
    Status.EXEMPT,
]


def requirements_for(user, window: Window | None = None) -> list[Assignment]:
    """The officer's current requirements, most urgent first (for "My learning")."""
    if not user.is_authenticated:
        return []
    window = window or Window.now()
    rows = list(annotate(Assignment.objects.filter(user=user, ended_on__isnull=True), window).select_related("course"))
    rows.sort(key=lambda a: (URGENCY.index(a.status), a.next_due or datetime.date.max))
    return rows


# The compliance summary: units × courses


@dataclass
class Cell:
    total: int = 0
    compliant: int = 0
    overdue: int = 0
    expiring: int = 0
    due_soon: int = 0

    def add(self, other: Cell) -> None:
        self.total += other.total
        self.compliant += other.compliant
        self.overdue += other.overdue
        self.expiring += other.expiring
        self.due_soon += other.due_soon

    @property
    def percent(self) -> int | None:
        # Floored: "100 %" only when everyone is compliant, and a cell is green only once it has reached the mark.
        return 100 * self.compliant // self.total if self.total else None


@dataclass
class MatrixRow:
    unit: Unit
    cells: list[Cell]  # one per course, in the matrix's course order
    depth: int
    courses: list[CoursePage] = field(default_factory=list, repr=False)

    @property
    def columns(self) -> list[tuple[CoursePage, Cell]]:
        return list(zip(self.courses, self.cells, strict=True))


@dataclass
class Matrix:
    courses: list[CoursePage]
    rows: list[MatrixRow] = field(default_factory=list)


def counts_by_unit_and_course(viewer, window: Window) -> dict[tuple[int, int], Cell]:
    """One aggregate query over the stored state: figures for the people directly in each unit, per course."""
    figures = (
        scoped_states(viewer, window)
        .values("unit_id", "course_id")
        .annotate(
            total=Count("pk"),
            compliant=Count("pk", filter=Q(status__in=COMPLIANT)),
            overdue=Count("pk", filter=Q(status__in=[Status.OVERDUE, Status.EXPIRED])),
            expiring=Count("pk", filter=Q(expiring=True)),
            due_soon=Count("pk", filter=Q(status=Status.DUE_SOON)),
        )
        .order_by()
    )
    return {
        (row["unit_id"], row["course_id"]): Cell(
            row["total"], row["compliant"], row["overdue"], row["expiring"], row["due_soon"]
        )
        for row in figures
    }


def rolled_up(direct: dict[tuple[int, int], Cell], units: list[Unit]) -> dict[tuple[int, int | None], Cell]:
    """
    Figures per (unit, course) including every unit below, and per (unit, None) for all
    courses together: each direct figure is added to its unit and that unit's ancestors in
    scope, so the work grows with units × courses × tree depth, not with its square.
    """
    unit_at = {unit.path: unit.pk for unit in units}
    path_of = {unit.pk: unit.path for unit in units}
    steplen = Unit.steplen
    totals: dict[tuple[int, int | None], Cell] = defaultdict(Cell)
    for (unit_id, course_id), figures in direct.items():
        path = path_of.get(unit_id)
        if path is None:
            continue
        for end in range(steplen, len(path) + 1, steplen):
            ancestor = unit_at.get(path[:end])
            if ancestor is not None:
                totals[(ancestor, course_id)].add(figures)
                totals[(ancestor, None)].add(figures)
    return totals


def compliance_matrix(viewer, window: Window | None = None) -> Matrix:
    """
    Each unit in scope (rows, in tree order) × each required course (columns). A unit's
    figures include everyone in the units below it, so a command's row covers its teams.
    """
    window = window or Window.now()
    courses = list(required_courses(viewer))
    units = list(units_in_scope(viewer))
    totals = rolled_up(counts_by_unit_and_course(viewer, window), units)
    matrix = Matrix(courses=courses)
    top_depth = min((unit.depth for unit in units), default=1)
    for unit in units:
        cells = [totals.get((unit.pk, course.pk)) or Cell() for course in courses]
        matrix.rows.append(MatrixRow(unit=unit, cells=cells, depth=unit.depth - top_depth, courses=courses))
    return matrix


def totals(viewer, window: Window | None = None) -> Cell:
    """Everyone in scope, every course: for the dashboard panel."""
    window = window or Window.now()
    total = Cell()
    for cell in counts_by_unit_and_course(viewer, window).values():
        total.add(cell)
    return total


# Charts


@dataclass
class Bar:
    label: str
    percent: int
    compliant: int
    total: int


def compliance_by_unit(
    viewer, window: Window | None = None, *, direct: dict[tuple[int, int], Cell] | None = None
) -> list[Bar]:
    """
    The share compliant (all required courses together) for each unit at the top of the
    viewer's scope and the level below it, from the stored state (``direct``: the figures
    per unit and course, if the caller has them already).
    """
    window = window or Window.now()
    units = list(units_in_scope(viewer))
    if not units:
        return []
    top_depth = min(unit.depth for unit in units)
    shown = [unit for unit in units if unit.depth <= top_depth + 1]
    if direct is None:
        direct = counts_by_unit_and_course(viewer, window)
    totals = rolled_up(direct, units)
    bars = []
    for unit in shown:
        cell = totals.get((unit.pk, None)) or Cell()
        if cell.total:
            bars.append(Bar(label=unit.name, percent=cell.percent or 0, compliant=cell.compliant, total=cell.total))
    return bars


@dataclass
class Point:
    day: datetime.date
    percent: int | None
    compliant: int
    total: int

    @classmethod
    def of(cls, day: datetime.date, compliant: int, total: int) -> Point:
        return cls(day, 100 * compliant // total if total else None, compliant, total)


def month_ends(today: datetime.date, months: int = 12) -> list[datetime.date]:
    """The last day of each of the previous ``months - 1`` months, then today."""
    days = []
    year, month = today.year, today.month
    for _ in range(months - 1):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        days.append(datetime.date(year, month, calendar.monthrange(year, month)[1]))
    return sorted(days) + [today]


def end_of(day: datetime.date) -> datetime.datetime:
    """The first moment after ``day`` in the current time zone (completions before it were made by then)."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


#: The figures a snapshot keeps, per group.
FIGURES = ("total", "compliant", "overdue", "expiring", "due_soon")

#: What ``figures_at_end_of`` can group by: the person's unit (id, path, name) and rank now, the course.
GROUPS = ("unit_id", "unit_path", "unit_name", "rank", "course_id")


def figures_at_end_of(
    day: datetime.date,
    *,
    paths: list[str] | None = None,
    due_soon_days: int,
    expiring_days: int,
    by: tuple[str, ...] = (),
) -> list[dict]:
    """
    The figures (``FIGURES``) at the end of ``day`` of the assignments live then (assigned
    by that day and not ended by it) of active people, grouped by ``by`` (from ``GROUPS``;
    none: one row, or none if nothing was live). ``paths``: only the people whose unit is at
    or below one of these unit paths now (a manager's scope; None: everyone).

    Each status is ``with_status`` at the end of that day: only completions made by its end
    count, the latest of them (by ``completed_at``, then id) decides "completed" or
    "expired", an exemption covering the day decides "exempt" (the property test in
    ``tests/compliance/test_snapshots.py`` checks this against ``with_status`` on random
    histories). One statement, in one pass: the latest completion of every person and course
    comes from a window function over the completions, not a subquery per row, so a
    force-wide month end costs scans and a sort, not millions of index probes.
    """
    from .models import Exemption

    if paths is not None and not paths:
        return []
    connection = connections[Assignment.objects.db]
    q = connection.ops.quote_name
    A, C, U, E = Assignment, CourseCompletion, Unit, Exemption
    User = A._meta.get_field("user").related_model

    def table(model) -> str:
        return q(model._meta.db_table)

    def col(model, name) -> str:
        return q(model._meta.get_field(name).column)

    group_columns = {
        "unit_id": f"u.{col(User, 'unit')}",
        "unit_path": f"unit.{col(U, 'path')}",
        "unit_name": f"unit.{col(U, 'name')}",
        "rank": f"u.{col(User, 'rank')}",
        "course_id": f"a.{col(A, 'course')}",
    }
    selected = [f"{group_columns[name]} AS g{number}" for number, name in enumerate(by)]
    grouped = [f"g{number}" for number in range(len(by))]
    params = {
        "day": connection.ops.adapt_datefield_value(day),
        "end": connection.ops.adapt_datetimefield_value(end_of(day)),
        "expiring_by": connection.ops.adapt_datefield_value(day + datetime.timedelta(days=expiring_days)),
        "due_soon_by": connection.ops.adapt_datefield_value(day + datetime.timedelta(days=due_soon_days)),
    }
    scope = ""
    if paths is not None:
        params |= {f"path_{number}": f"{path}%" for number, path in enumerate(paths)}
        scope = " AND ({})".format(
            " OR ".join(f"unit.{col(U, 'path')} LIKE %(path_{number})s" for number in range(len(paths)))
        )
    # The rules of ``status.with_status``, in its order: exempt, completed, expired, overdue, due soon.
    done = "s.completion_id IS NOT NULL"
    rules = (
        f"s.exempt OR ({done} AND (s.valid_until IS NULL OR s.valid_until >= %(day)s))",
        f"NOT s.exempt AND (({done} AND s.valid_until < %(day)s) OR (NOT {done} AND s.due_on < %(day)s))",
        "NOT s.exempt AND s.valid_until >= %(day)s AND s.valid_until <= %(expiring_by)s",
        f"NOT s.exempt AND NOT {done} AND s.due_on >= %(day)s AND s.due_on <= %(due_soon_by)s",
    )
    counts = ["COUNT(*)"] + [f"SUM(CASE WHEN {rule} THEN 1 ELSE 0 END)" for rule in rules]
    sql = f"""
        SELECT {", ".join([*grouped, *counts])}
        FROM (
            SELECT {"".join(f"{column}, " for column in selected)}
                   EXISTS (
                       SELECT 1 FROM {table(E)} e
                       WHERE e.{col(E, "user")} = a.{col(A, "user")}
                         AND e.{col(E, "requirement")} = a.{col(A, "requirement")}
                         AND e.{col(E, "starts_on")} <= %(day)s
                         AND (e.{col(E, "ends_on")} IS NULL OR e.{col(E, "ends_on")} >= %(day)s)
                   ) AS exempt,
                   latest.completion_id, latest.valid_until, a.{col(A, "due_on")} AS due_on
            FROM {table(A)} a
            INNER JOIN {table(User)} u ON u.{q("id")} = a.{col(A, "user")}
            LEFT JOIN {table(U)} unit ON unit.{q("id")} = u.{col(User, "unit")}
            LEFT JOIN (
                SELECT {col(C, "id")} AS completion_id, {col(C, "user")} AS user_id,
                       {col(C, "course")} AS course_id, {col(C, "valid_until")} AS valid_until,
                       ROW_NUMBER() OVER (
                           PARTITION BY {col(C, "user")}, {col(C, "course")}
                           ORDER BY {col(C, "completed_at")} DESC, {col(C, "id")} DESC
                       ) AS position
                FROM {table(C)}
                WHERE {col(C, "completed_at")} < %(end)s
            ) latest ON latest.user_id = a.{col(A, "user")} AND latest.course_id = a.{col(A, "course")}
                AND latest.position = 1
            WHERE u.{col(User, "is_active")} AND a.{col(A, "assigned_on")} <= %(day)s
              AND (a.{col(A, "ended_on")} IS NULL OR a.{col(A, "ended_on")} > %(day)s){scope}
        ) s
    """  # noqa: S608 (names from the models, quoted; values are parameters)
    if grouped:
        sql += f" GROUP BY {', '.join(grouped)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchall()
    width = len(by)
    return [
        {
            **dict(zip(by, row[:width], strict=True)),
            **{name: int(value or 0) for name, value in zip(FIGURES, row[width:], strict=True)},
        }
        for row in result
        if row[width]
    ]


def _snapshot_scope(viewer) -> Q | None:
    """Which snapshot figures the viewer sees: all (None), or those of the units now in their scope."""
    if can_see_all_training_records(viewer):
        return None
    return Q(unit__in=units_managed_by(viewer))


def compliance_trend(
    viewer,
    window: Window | None = None,
    months: int = 12,
    *,
    direct: dict[tuple[int, int], Cell] | None = None,
) -> list[Point]:
    """
    The share of assignments compliant at the end of each of the last ``months - 1``
    months, and today, for the units now in the viewer's scope.

    Past month ends come from the snapshots ``manage.py snapshot_compliance`` took of them
    (two queries for all of them: which were taken, and their figures summed by day); one
    not yet taken is computed from the history tables as the snapshot would be (one slower
    query each). Today's point is the stored state's (``direct``: the figures per unit and
    course, if the caller has them already).
    """
    from .models import ComplianceSnapshot, ComplianceSnapshotFigure

    window = window or Window.now()
    days = month_ends(window.today, months)
    past = days[:-1]
    taken = set(ComplianceSnapshot.objects.filter(day__in=past).values_list("day", flat=True))
    figures = {}
    if taken:
        rows = ComplianceSnapshotFigure.objects.filter(snapshot__day__in=taken)
        scope = _snapshot_scope(viewer)
        if scope is not None:
            rows = rows.filter(scope)
        figures = {
            row["snapshot__day"]: (row["compliant"], row["total"])
            for row in rows.values("snapshot__day").annotate(total=Sum("total"), compliant=Sum("compliant")).order_by()
        }
    points = []
    for day in past:
        if day in taken:
            compliant, total = figures.get(day, (0, 0))
        else:
            (row,) = figures_at_end_of(
                day,
                paths=None if can_see_all_training_records(viewer) else _top_paths(viewer),
                due_soon_days=window.due_soon_days,
                expiring_days=window.expiring_days,
            ) or [dict.fromkeys(FIGURES, 0)]
            compliant, total = row["compliant"], row["total"]
        points.append(Point.of(day, compliant, total))
    today = Cell()
    for cell in (direct if direct is not None else counts_by_unit_and_course(viewer, window)).values():
        today.add(cell)
    points.append(Point.of(window.today, today.compliant, today.total))
    return points


def compliance_charts(viewer, window: Window | None = None) -> tuple[list[Bar], list[Point]]:
    """The charts page: the by-unit bars and the trend, from one aggregate of the stored state."""
    window = window or Window.now()
    direct = counts_by_unit_and_course(viewer, window)
    return compliance_by_unit(viewer, window, direct=direct), compliance_trend(viewer, window, direct=direct)


# An officer's record of learning


@dataclass
class TranscriptEntry:
    when: datetime.datetime | datetime.date
    kind: str
    record: object

    @property
    def provenance(self) -> str:
        """How it came about: a completion's ``courses.Provenance``, or "exempt" for an exemption."""
        return self.record.provenance if self.kind == "completion" else EXEMPT


#: The provenance an exemption shows (a requirement met by an exemption, not a completion).
EXEMPT = "exempt"


def provenance_choices() -> list[tuple[str, str]]:
    """Every provenance people can filter on: how completions came about, and exempt."""
    return [*Provenance.choices, (EXEMPT, gettext_lazy("Exempt"))]


def completion_provenance_label(completion) -> str:
    """ "Completed here (modules read)", "Imported", …: the provenance with how, for completions here."""
    label = str(completion.get_provenance_display())
    how = (completion.evidence or {}).get("how")
    if completion.provenance == Provenance.COMPLETED_HERE and how in HOW_LABELS:
        return f"{label} ({HOW_LABELS[how]})"
    return label


HOW_LABELS = {"module_read": gettext_lazy("modules read"), "server_scored": gettext_lazy("server-scored")}


def transcript(person, *, provenance: str | None = None) -> list[TranscriptEntry]:
    """
    Every completion and exemption, oldest first, with what each completion rested on;
    only those of one ``provenance`` if given (an unknown value filters nothing out).
    """
    from .models import Exemption

    known = dict(provenance_choices())
    provenance = provenance if provenance in known else None
    entries = []
    if provenance in (None, *Provenance.values):
        completions = CourseCompletion.objects.filter(user=person)
        if provenance:
            completions = completions.filter(provenance=provenance)
        entries += [
            TranscriptEntry(completion.completed_at, "completion", completion)
            for completion in completions.select_related("course", "prior_certification").prefetch_related(
                "module_versions"
            )
        ]
    if provenance in (None, EXEMPT):
        entries += [
            TranscriptEntry(
                timezone.make_aware(datetime.datetime.combine(exemption.starts_on, datetime.time.min)),
                "exemption",
                exemption,
            )
            for exemption in Exemption.objects.filter(user=person).select_related("requirement__course", "granted_by")
        ]
    return sorted(entries, key=lambda entry: entry.when)


def person_assignments(person, window: Window) -> QuerySet:
    """Everything a person has been required to complete, newest first, with today's status."""
    return annotate(person.assignments.select_related("course"), window).order_by("-assigned_on")
