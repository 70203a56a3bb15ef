"""
The one place an assignment's status is decided.

``with_status`` annotates assignments with ``status`` (and the facts it rests on) in the
database, so reports filter, count and sort by it without a query per person. The rules,
in order:

1. **exempt**: an exemption for this requirement covers today;
2. **completed**: the person's latest completion of the course is still valid today
   (``valid_until`` on or after today, or no expiry); ``expiring`` is true when it runs out
   within the "expiring" window;
3. **expired**: their latest completion ran out before today (they must take it again);
4. **overdue**: never completed, and the due date is before today;
5. **due soon**: never completed, due today or within the "due soon" window;
6. **in progress**: never completed, and they have started the course;
7. **not started**: otherwise.

``next_due`` is the date the person must next complete the course by: the assignment's due
date until they first complete it, then the date their latest completion runs out (so an
expired certificate is due, and overdue, from the day it expired); none if it never does.

Two functions apply these rules. ``with_status`` computes everything from scratch, from the
history tables, with a subquery per fact: it is the reference, used for an officer's own few
rows, for ended assignments, by ``check_compliance_state`` and by the tests.
``with_stored_status`` reads the same facts from ``ComplianceState`` (kept in step by
``compliance.services``), so reports need only comparisons of stored dates with today. An
exemption is "the merged interval of the person's exemptions that covers today, else the
next one to start" (``pick_exemption``), which decides "exempt" exactly as any exemption
covering today does.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import (
    Case,
    DateField,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from courses.models import CourseCompletion, Enrolment

from .models import Exemption


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    COMPLETED = "completed", _("Completed")
    EXPIRED = "expired", _("Expired")
    EXEMPT = "exempt", _("Exempt")


#: Statuses that count as compliant in reports and charts.
COMPLIANT = (Status.COMPLETED, Status.EXEMPT)

#: GOV.UK tag colours for each status on officer pages.
TAG_COLOURS = {
    Status.NOT_STARTED: "grey",
    Status.IN_PROGRESS: "light-blue",
    Status.DUE_SOON: "yellow",
    Status.OVERDUE: "red",
    Status.COMPLETED: "green",
    Status.EXPIRED: "red",
    Status.EXEMPT: "purple",
}


#: Tag colours for each status in the admin's lists (``app-tag--*`` in core/static/core/admin.css):
#: one colour per status, and the tag always names the status, so colour is never the only sign.
ADMIN_TAG_COLOURS = {
    Status.NOT_STARTED: "grey",
    Status.IN_PROGRESS: "blue",
    Status.DUE_SOON: "amber",
    Status.OVERDUE: "red",
    Status.COMPLETED: "green",
    Status.EXPIRED: "pink",
    Status.EXEMPT: "purple",
}


@dataclass(frozen=True)
class Rating:
    """A red/amber/green reading of a share compliant, with its words (the colour is never alone)."""

    colour: str
    label: str


def rag_rating(percent: int | None, *, green_from: int, amber_from: int) -> Rating | None:
    """
    Green from ``green_from`` per cent compliant, amber from ``amber_from``, red below; none
    when nobody is required (settings ``COMPLIANCE_GREEN_FROM_PERCENT`` and
    ``COMPLIANCE_AMBER_FROM_PERCENT``, 95 and 80 by default).
    """
    if percent is None:
        return None
    if percent >= green_from:
        return Rating("green", _("green"))
    if percent >= amber_from:
        return Rating("amber", _("amber"))
    return Rating("red", _("red"))


def exemptions_on(day: datetime.date, *, user=None, requirement=None):
    exemptions = Exemption.objects.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
    if user is not None:
        exemptions = exemptions.filter(user=user)
    if requirement is not None:
        exemptions = exemptions.filter(requirement=requirement)
    return exemptions


def with_status(
    assignments: QuerySet,
    *,
    today: datetime.date,
    due_soon_days: int,
    expiring_days: int,
    completed_before: datetime.datetime | None = None,
) -> QuerySet:
    """
    Annotate ``status``, ``expiring`` and the facts behind them (see the module docstring).

    ``completed_before`` (a moment) reads the history as it stood then: only completions
    made before it count, so ``today`` a past day and ``completed_before`` the end of that day
    give the status as it was at the end of that day: the reference that the month-end
    figures of the charts and snapshots (``selectors.figures_at_end_of``) are tested against.
    Enrolments ("in progress") are read as they are now.
    """
    latest = CourseCompletion.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id"))
    if completed_before is not None:
        latest = latest.filter(completed_at__lt=completed_before)
    latest = latest.order_by("-completed_at", "-pk")
    exemption = exemptions_on(today, user=OuterRef("user_id"), requirement=OuterRef("requirement_id"))
    started = Enrolment.objects.filter(
        user=OuterRef("user_id"), course=OuterRef("course_id"), completed_at__isnull=True, started_at__isnull=False
    )
    due_soon_by = today + datetime.timedelta(days=due_soon_days)
    expiring_by = today + datetime.timedelta(days=expiring_days)
    return assignments.annotate(
        completed_at=Subquery(latest.values("completed_at")[:1]),
        valid_until=Subquery(latest.values("valid_until")[:1], output_field=DateField()),
        score=Subquery(latest.values("score")[:1], output_field=DecimalField(max_digits=5, decimal_places=2)),
        completion_id=Subquery(latest.values("pk")[:1]),
        is_exempt=Exists(exemption),
        exempt_until=Subquery(exemption.order_by(F("ends_on").desc(nulls_first=True)).values("ends_on")[:1]),
        is_started=Exists(started),
    ).annotate(
        status=Case(
            When(is_exempt=True, then=Value(Status.EXEMPT)),
            When(completed_at__isnull=False, valid_until__isnull=True, then=Value(Status.COMPLETED)),
            When(valid_until__gte=today, then=Value(Status.COMPLETED)),
            When(valid_until__lt=today, then=Value(Status.EXPIRED)),
            When(due_on__lt=today, then=Value(Status.OVERDUE)),
            When(due_on__lte=due_soon_by, then=Value(Status.DUE_SOON)),
            When(is_started=True, then=Value(Status.IN_PROGRESS)),
            default=Value(Status.NOT_STARTED),
            output_field=models.CharField(),
        ),
        next_due=Case(
            When(completed_at__isnull=True, then=F("due_on")),
            default=F("valid_until"),
            output_field=DateField(),
        ),
        expiring=Case(
            When(
                Q(is_exempt=False, valid_until__gte=today, valid_until__lte=expiring_by),
                then=Value(True),
            ),
            default=Value(False),
            output_field=models.BooleanField(),
        ),
    )


def with_stored_status(states: QuerySet, *, today: datetime.date, due_soon_days: int, expiring_days: int) -> QuerySet:
    """
    Annotate ``ComplianceState`` rows with ``status``, ``expiring``, ``is_exempt`` and
    ``is_started``, by the rules in the module docstring, from stored columns only: no
    subquery, so aggregates and sorts stay single scans. The other facts ``with_status``
    annotates (``next_due``, ``completed_at``, ``valid_until``, ``score``, ``exempt_until``,
    ``completion_id``) are columns of the state.
    """
    due_soon_by = today + datetime.timedelta(days=due_soon_days)
    expiring_by = today + datetime.timedelta(days=expiring_days)
    exempt = Q(exempt_from__lte=today) & (Q(exempt_until__isnull=True) | Q(exempt_until__gte=today))
    return states.annotate(
        is_exempt=Case(When(exempt, then=Value(True)), default=Value(False), output_field=models.BooleanField()),
        is_started=F("started"),
        status=Case(
            When(exempt, then=Value(Status.EXEMPT)),
            When(completed_at__isnull=False, valid_until__isnull=True, then=Value(Status.COMPLETED)),
            When(valid_until__gte=today, then=Value(Status.COMPLETED)),
            When(valid_until__lt=today, then=Value(Status.EXPIRED)),
            When(due_on__lt=today, then=Value(Status.OVERDUE)),
            When(due_on__lte=due_soon_by, then=Value(Status.DUE_SOON)),
            When(started=True, then=Value(Status.IN_PROGRESS)),
            default=Value(Status.NOT_STARTED),
            output_field=models.CharField(),
        ),
        expiring=Case(
            When(~exempt & Q(valid_until__gte=today, valid_until__lte=expiring_by), then=Value(True)),
            default=Value(False),
            output_field=models.BooleanField(),
        ),
    )


# Exemptions as merged intervals


@dataclass(frozen=True)
class ExemptionPick:
    """
    The merged exemption interval that counts on the day it was picked for (covering it,
    else the next to start; ``starts`` is None when there is none), and the days for which
    that stays true: from ``valid_from`` (None: any earlier day) until the day before
    ``valid_to`` (None: any later day).
    """

    starts: datetime.date | None = None
    ends: datetime.date | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


def merge_exemptions(
    intervals: Iterable[tuple[datetime.date, datetime.date | None]],
) -> list[tuple[datetime.date, datetime.date | None]]:
    """Exemption (starts, ends) pairs merged where they overlap or touch, in date order; None ends never."""
    merged: list[tuple[datetime.date, datetime.date | None]] = []
    for starts, ends in sorted(intervals, key=lambda interval: interval[0]):
        if merged:
            last_starts, last_ends = merged[-1]
            if last_ends is None or starts <= last_ends + datetime.timedelta(days=1):
                if last_ends is not None and (ends is None or ends > last_ends):
                    merged[-1] = (last_starts, ends)
                continue
        merged.append((starts, ends))
    return merged


def pick_exemption(
    intervals: Iterable[tuple[datetime.date, datetime.date | None]], *, today: datetime.date
) -> ExemptionPick:
    """The merged interval that decides whether someone is exempt on ``today`` and after (see ``ExemptionPick``)."""
    merged = merge_exemptions(intervals)
    day = datetime.timedelta(days=1)
    for index, (starts, ends) in enumerate(merged):
        if ends is None or ends >= today:
            valid_from = merged[index - 1][1] + day if index else None
            valid_to = ends + day if ends is not None and index + 1 < len(merged) else None
            return ExemptionPick(starts, ends, valid_from, valid_to)
    return ExemptionPick(valid_from=merged[-1][1] + day if merged else None)
