"""
Read queries for reminders: which reminders are due on a day (set-based, from
``compliance.ComplianceState``), what a digest lists, and the delivery log a person may see.

The plan is one query per kind of reminder, whatever the number of officers: each
requirement's schedule becomes conditions on stored dates (``due_on``, ``next_due``,
``valid_until``) compared with literal dates, and the reminder's sequence (the days before,
or the number of the overdue reminder) a ``Case`` over them. Never reminded: exempt people
(the stored exemption covers the day), people whose date is further off than the schedule
looks, people who have completed (and whose completion is still valid for "before due" and
"overdue"), inactive people and people without an address; and anyone already reminded for
that cycle and sequence (``NOT EXISTS`` on the log; the log's constraint settles races).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

from compliance.models import ComplianceSettings, ComplianceState, Requirement
from compliance.status import Status, with_stored_status

from .models import NotificationSettings, Reminder, ReminderKind, ReminderSchedule, parse_days
from .models.reminders import PERSONAL_KINDS

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Schedule:
    """One requirement's effective schedule (its own, else the site-wide default)."""

    before_due: tuple[int, ...]
    overdue_every: int
    overdue_max: int
    before_expiry: tuple[int, ...]


def schedules(config: NotificationSettings | None = None) -> dict[int, Schedule]:
    """``{requirement id: Schedule}`` for every active requirement that sends reminders (two queries)."""
    config = config or NotificationSettings.current()
    if not config.enabled:
        return {}
    own = {row.requirement_id: row for row in ReminderSchedule.objects.all()}
    result = {}
    for requirement_id in Requirement.objects.filter(active=True).values_list("pk", flat=True):
        row = own.get(requirement_id)
        if row is not None and not row.enabled:
            continue
        result[requirement_id] = Schedule(
            before_due=tuple(
                parse_days(row.before_due_days if row and row.before_due_days else config.before_due_days)
            ),
            overdue_every=(row.overdue_every_days if row and row.overdue_every_days else config.overdue_every_days),
            overdue_max=(row.overdue_max if row and row.overdue_max is not None else config.overdue_max),
            before_expiry=tuple(
                parse_days(row.before_expiry_days if row and row.before_expiry_days else config.before_expiry_days)
            ),
        )
    return result


def _grouped(plans: dict[int, Schedule], key) -> dict:
    """Requirement ids grouped by one part of their schedule, so that conditions stay few."""
    groups: dict = {}
    for requirement_id, schedule in plans.items():
        groups.setdefault(key(schedule), []).append(requirement_id)
    return groups


def _not_exempt(today: datetime.date) -> Q:
    return ~(Q(exempt_from__lte=today) & (Q(exempt_until__isnull=True) | Q(exempt_until__gte=today)))


def _reachable(*, need_address: bool = True) -> Q:
    reachable = Q(user__is_active=True) & Q(requirement__active=True)
    return reachable & ~Q(user__email="") if need_address else reachable


def _days_before(column: str, groups: dict, today: datetime.date) -> tuple[Q, Case]:
    """
    Rows whose ``column`` falls within the largest offset of their group, and the reminder
    they are due: the smallest offset that the date has come within (so a run that was missed
    sends the latest reminder once, never a burst of the earlier ones).
    """
    window, whens = Q(pk__in=[]), []
    for offsets, requirement_ids in groups.items():
        if not offsets:
            continue
        group = Q(requirement_id__in=requirement_ids)
        window |= group & Q(**{f"{column}__lte": today + offsets[0] * DAY})
        whens += [
            When(group & Q(**{f"{column}__lte": today + days * DAY}), then=Value(days)) for days in sorted(offsets)
        ]
    return window, Case(*whens, default=Value(None), output_field=IntegerField())


def _overdue(groups: dict, today: datetime.date) -> tuple[Q, Case]:
    """Overdue rows and their reminder's number: the k-th goes on day 1 + (k - 1) × every of being overdue."""
    window, whens = Q(pk__in=[]), []
    for (every, most), requirement_ids in groups.items():
        if most <= 0:
            continue
        group = Q(requirement_id__in=requirement_ids)
        window |= group
        for number in range(most, 0, -1):
            whens.append(When(group & Q(next_due__lte=today - (1 + (number - 1) * every) * DAY), then=Value(number)))
    return window, Case(*whens, default=Value(None), output_field=IntegerField())


def due_reminders(
    today: datetime.date, *, plans: dict[int, Schedule] | None = None, need_address: bool = True
) -> dict[str, QuerySet]:
    """
    ``{kind: queryset of ComplianceState}`` annotated with ``cycle`` (the date the reminder is
    about) and ``seq``: the personal reminders due on ``today`` and not yet logged. Three
    queries when evaluated, one per kind, however many officers there are. ``need_address``
    False keeps people without an email address (the benchmark's generated force has none).
    """
    plans = schedules() if plans is None else plans
    base = ComplianceState.objects.filter(_reachable(need_address=need_address) & _not_exempt(today)).filter(
        requirement_id__in=list(plans)
    )
    result = {}

    window, sequence = _days_before("due_on", _grouped(plans, lambda s: s.before_due), today)
    result[ReminderKind.BEFORE_DUE] = base.filter(window, completed_at__isnull=True, due_on__gte=today).annotate(
        cycle=F("due_on"), seq=sequence
    )

    window, sequence = _overdue(_grouped(plans, lambda s: (s.overdue_every, s.overdue_max)), today)
    # Never completed and past the due date, or completed and run out: next_due is then the
    # due date or the day it ran out.
    overdue = Q(completed_at__isnull=True, due_on__lt=today) | Q(valid_until__lt=today)
    result[ReminderKind.OVERDUE] = base.filter(window, overdue, next_due__lt=today).annotate(
        cycle=F("next_due"), seq=sequence
    )

    window, sequence = _days_before("valid_until", _grouped(plans, lambda s: s.before_expiry), today)
    result[ReminderKind.BEFORE_EXPIRY] = base.filter(
        window, completed_at__isnull=False, valid_until__gte=today
    ).annotate(cycle=F("valid_until"), seq=sequence)

    for kind, queryset in result.items():
        logged = Reminder.objects.filter(
            assignment_id=OuterRef("assignment_id"), kind=kind, cycle_due=OuterRef("cycle"), sequence=OuterRef("seq")
        )
        result[kind] = queryset.filter(seq__isnull=False).filter(~Exists(logged))
    return result


PREVIEW_FIELDS = ("kind", "user_id", "requirement_id", "course_id", "cycle", "seq", "due_on", "assignment_id")


def preview(today: datetime.date, *, people: QuerySet | None = None, kind: str | None = None) -> QuerySet:
    """
    The personal reminders the next run would send (one union query), for the people in
    ``people`` (None: everyone), ordered by person; each row a dict of ``PREVIEW_FIELDS``.
    """
    parts = []
    for reminder_kind, queryset in due_reminders(today).items():
        if kind and kind != reminder_kind:
            continue
        if people is not None:
            queryset = queryset.filter(user__in=people)
        parts.append(queryset.annotate(kind=Value(reminder_kind.value)).values(*PREVIEW_FIELDS).order_by())
    if not parts:
        return ComplianceState.objects.none().values()
    first, *others = parts
    return (
        first.union(*others, all=True).order_by("user_id", "requirement_id")
        if others
        else first.order_by("user_id", "requirement_id")
    )


# Digests


def week_digest_day(today: datetime.date, weekday: int) -> datetime.date:
    """The day of ``today``'s (Monday-to-Sunday) week that the managers' digest goes on."""
    return today - today.weekday() * DAY + weekday * DAY


def month_digest_day(today: datetime.date, day_of_month: int) -> datetime.date:
    return today.replace(day=day_of_month)


def attention_states(today: datetime.date) -> QuerySet:
    """Current assignments that are overdue, expired or expiring, as the compliance reports count them."""
    window = ComplianceSettings.current()
    return with_stored_status(
        ComplianceState.objects.filter(user__is_active=True),
        today=today,
        due_soon_days=window.due_soon_days,
        expiring_days=window.expiring_days,
    ).filter(Q(status__in=[Status.OVERDUE, Status.EXPIRED]) | Q(expiring=True))


def digest_rows(states: QuerySet, *, limit: int) -> tuple[list, int]:
    """The first ``limit`` of ``states`` for a digest (by unit, then date), and how many there are in all."""
    total = states.count()
    rows = list(
        states.select_related("user", "unit")
        .annotate(course_title=F("course__title"))
        .order_by("unit_path", "next_due", "user__last_name", "pk")[:limit]
    )
    return rows, total


def digest_course_totals(states: QuerySet) -> list[dict]:
    """Per course, how many are overdue (or expired) and how many expiring: the training lead's digest."""
    from django.db.models import Count

    return list(
        states.values("course_id", title=F("course__title"))
        .annotate(
            overdue=Count("pk", filter=Q(status__in=[Status.OVERDUE, Status.EXPIRED])),
            expiring=Count("pk", filter=Q(expiring=True)),
        )
        .order_by("title")
    )


def reminders_sent_to(user) -> QuerySet:
    """The reminders about a person's own training, newest first (their page lists them)."""
    if not user.is_authenticated:
        return Reminder.objects.none()
    return Reminder.objects.filter(user=user, kind__in=PERSONAL_KINDS).order_by("-created_at", "-pk")
