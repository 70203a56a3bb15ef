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
"""

import datetime

from django.db import models
from django.db.models import Case, DateField, DecimalField, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When
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


def exemptions_on(day: datetime.date, *, user=None, requirement=None):
    exemptions = Exemption.objects.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
    if user is not None:
        exemptions = exemptions.filter(user=user)
    if requirement is not None:
        exemptions = exemptions.filter(requirement=requirement)
    return exemptions


def with_status(assignments: QuerySet, *, today: datetime.date, due_soon_days: int, expiring_days: int) -> QuerySet:
    """Annotate ``status``, ``expiring`` and the facts behind them (see the module docstring)."""
    latest = CourseCompletion.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id")).order_by(
        "-completed_at"
    )
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
