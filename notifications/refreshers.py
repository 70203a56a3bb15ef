"""
Festival refreshers: what is due (selectors) and the two writes of a run (services).

A run has two halves. ``queue_due_refreshers`` (``manage.py queue_refreshers``, daily or
hourly from cron) writes one ``RefresherDelivery`` per person, refresher and festival
occurrence that is due, ignoring the rows that already exist, so running it twice or twice
at once adds nothing; after the transaction commits it queues the ``send_refreshers`` task.
That task calls ``send_due_deliveries``, which claims the due rows with one ``UPDATE`` (two
workers cannot claim the same row), sends them through Django's mail framework and records
each outcome: sent, or failed with its error and the time of the next attempt (doubling
each time), or abandoned after ``REFRESHER_MAX_ATTEMPTS``. Every step is a fixed number of
queries whatever the number of officers.
"""

import contextlib
import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from compliance.models import ComplianceState

from . import festivals
from .models import DeliveryStatus, FestivalRefresher, RefresherDelivery
from .models.refreshers import MAX_DAYS_BEFORE

#: A row claimed this long ago and never recorded (the worker died mid-send) is claimed again.
STALE_CLAIM = datetime.timedelta(hours=1)
#: Failed rows are recorded this many per UPDATE.
FAILURE_CHUNK = 500
#: The schedule in the admin looks this far ahead.
SCHEDULE_DAYS = 365


# Selectors


@dataclass(frozen=True)
class ScheduledRefresher:
    """One refresher's send for one festival occurrence."""

    refresher: FestivalRefresher
    occurrence: festivals.Occurrence

    @property
    def festival(self) -> str:
        return self.refresher.festival_label

    @property
    def festival_begins(self) -> datetime.date:
        return self.occurrence.first_day

    @property
    def send_on(self) -> datetime.date:
        return self.occurrence.first_day - datetime.timedelta(days=self.refresher.days_before)


def active_refreshers():
    return FestivalRefresher.objects.filter(active=True).select_related("course", "module")


def schedule(*, start: datetime.date, end: datetime.date, refreshers=None) -> list[ScheduledRefresher]:
    """Every active refresher's sends for the festivals beginning from ``start`` to ``end``, by send date."""
    refreshers = list(active_refreshers() if refreshers is None else refreshers)
    found = festivals.occurrences({r.festival for r in refreshers}, start, end)
    rows = [
        ScheduledRefresher(refresher=refresher, occurrence=occurrence)
        for occurrence in found
        for refresher in refreshers
        if refresher.festival == occurrence.festival
    ]
    return sorted(rows, key=lambda row: (row.send_on, row.festival_begins, row.refresher.course.title))


def due_on(today: datetime.date, refreshers=None) -> list[ScheduledRefresher]:
    """The sends due today: sent on their day, or late if a run was missed, but never once the festival has begun."""
    rows = schedule(
        start=today + datetime.timedelta(days=1),
        end=today + datetime.timedelta(days=MAX_DAYS_BEFORE),
        refreshers=refreshers,
    )
    return [row for row in rows if row.send_on <= today]


def _recipients():
    """Current assignments of active people with an address who have completed the course."""
    return ComplianceState.objects.filter(completion__isnull=False, user__is_active=True).exclude(user__email="")


def reach(course_ids) -> dict[int, int]:
    """How many people a refresher on each course would reach now: one query."""
    rows = (
        _recipients()
        .filter(course_id__in=set(course_ids))
        .values("course_id")
        .annotate(people=Count("user_id", distinct=True))
        .order_by()
    )
    return {row["course_id"]: row["people"] for row in rows}


# Services


def queue_due_refreshers(*, today: datetime.date | None = None) -> int:
    """
    Log a delivery for everyone each due refresher reaches (existing rows are left alone: the
    unique constraint makes this idempotent), then, after commit, queue the task that sends
    them. Returns how many rows were new.
    """
    from .tasks_refreshers import send_refreshers

    today = today or timezone.localdate()
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for row in due_on(today):
            created += _log_deliveries(row, now=now)
        transaction.on_commit(send_refreshers.enqueue)
    return created


def _log_deliveries(row: ScheduledRefresher, *, now: datetime.datetime) -> int:
    """
    One ``INSERT … SELECT … ON CONFLICT DO NOTHING``: a row for each person the refresher
    reaches, computed and written by the database in one statement whatever their number
    (``bulk_create`` would bring every id into Python and, on SQLite, split the insert into
    batches). Returns how many rows were new.
    """
    recipients = _recipients().filter(course_id=row.refresher.course_id).values("user_id").distinct()
    select_sql, select_params = recipients.query.sql_with_params()
    ops = connection.ops
    table = connection.ops.quote_name(RefresherDelivery._meta.db_table)
    columns = ", ".join(
        ops.quote_name(RefresherDelivery._meta.get_field(name).column)
        for name in (
            "refresher",
            "user",
            "festival",
            "occurrence",
            "course_title",
            "status",
            "attempts",
            "next_attempt_at",
            "last_error",
            "created_at",
        )
    )
    # "WHERE 1 = 1": SQLite needs a WHERE before ON CONFLICT to parse an INSERT … SELECT.
    sql = (
        f"INSERT INTO {table} ({columns}) "  # noqa: S608 - names from the model, values as parameters
        f"SELECT %s, recipients.user_id, %s, %s, %s, %s, 0, %s, '', %s FROM ({select_sql}) recipients "
        "WHERE 1 = 1 ON CONFLICT DO NOTHING"
    )
    params = [
        row.refresher.pk,
        row.refresher.festival,
        ops.adapt_datefield_value(row.festival_begins),
        row.refresher.course.title,
        DeliveryStatus.PENDING,
        ops.adapt_datetimefield_value(now),
        ops.adapt_datetimefield_value(now),
        *select_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return max(cursor.rowcount, 0)


def backoff(attempts: int) -> datetime.timedelta:
    """How long after the ``attempts``-th failure to try again: REFRESHER_RETRY_MINUTES, doubling."""
    return datetime.timedelta(minutes=settings.REFRESHER_RETRY_MINUTES * 2 ** (attempts - 1))


#: Stands for the person's name in a refresher rendered once for everyone it goes to.
NAME_PLACEHOLDER = "\x00name\x00"


@dataclass(frozen=True)
class RenderedRefresher:
    """One refresher's email for one festival occurrence, rendered once; only the name differs per person."""

    subject: str
    text: str
    html: str

    def message_for(self, person) -> EmailMultiAlternatives:
        name = person.first_name or person.get_username()
        message = EmailMultiAlternatives(
            subject=self.subject, body=self.text.replace(NAME_PLACEHOLDER, name), to=[person.email]
        )
        message.attach_alternative(self.html.replace(NAME_PLACEHOLDER, escape(name)), "text/html")
        return message


def render_refresher(
    refresher: FestivalRefresher, *, occurrence: datetime.date, course_title: str
) -> RenderedRefresher:
    """The refresher's subject, text and HTML for ``occurrence``, with ``NAME_PLACEHOLDER`` for the name."""
    context = {
        "name": NAME_PLACEHOLDER,
        "refresher": refresher,
        "festival": refresher.festival_label,
        "festival_begins": occurrence,
        "evening_before": occurrence - datetime.timedelta(days=1),
        "course_title": course_title,
        "module_title": refresher.module.title if refresher.module else course_title,
        "link": (refresher.module or refresher.course).get_full_url(),
    }
    subject = _("Before %(festival)s: a refresher from “%(course)s”") % {
        "festival": context["festival"],
        "course": course_title,
    }
    return RenderedRefresher(
        subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
        text=render_to_string("notifications/refreshers/email.txt", context),
        html=render_to_string("notifications/refreshers/email.html", context),
    )


def send_due_deliveries(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """
    Claim every delivery that is due (new, or failed and past its next attempt, or claimed by
    a worker that died), send each, and record what happened. Returns counts by outcome.
    """
    now = now or timezone.now()
    token = uuid.uuid4()
    RefresherDelivery.objects.filter(
        Q(status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED], next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.SENDING, claimed_at__lt=now - STALE_CLAIM),
        refresher__isnull=False,
    ).update(status=DeliveryStatus.SENDING, claim=token, claimed_at=now)
    claimed = list(
        RefresherDelivery.objects.filter(claim=token, status=DeliveryStatus.SENDING).select_related(
            "user", "refresher__course", "refresher__module"
        )
    )
    if not claimed:
        return {"sent": 0, "failed": 0}
    rendered: dict[tuple[int, datetime.date], RenderedRefresher] = {}
    sent: list[int] = []
    failed: dict[tuple[int, str], list[int]] = defaultdict(list)
    mailer = get_connection()
    for delivery in claimed:
        key = (delivery.refresher_id, delivery.occurrence)
        if key not in rendered:
            rendered[key] = render_refresher(
                delivery.refresher, occurrence=delivery.occurrence, course_title=delivery.course_title
            )
        try:
            mailer.send_messages([rendered[key].message_for(delivery.user)])
        except Exception as error:  # noqa: BLE001 - any failure is recorded and retried, never lost
            failed[(delivery.attempts + 1, f"{type(error).__name__}: {error}"[:1000])].append(delivery.pk)
        else:
            sent.append(delivery.pk)
    with contextlib.suppress(Exception):  # the outcomes are recorded below whatever closing does
        mailer.close()
    # Failures first, in chunks (few, unless the server is down); then every row still
    # claimed was sent: one UPDATE on the claim, with no list of ids.
    for (attempts, error), pks in failed.items():
        gave_up = attempts >= settings.REFRESHER_MAX_ATTEMPTS
        for first in range(0, len(pks), FAILURE_CHUNK):
            chunk = pks[first : first + FAILURE_CHUNK]
            RefresherDelivery.objects.filter(pk__in=chunk).update(
                status=DeliveryStatus.ABANDONED if gave_up else DeliveryStatus.FAILED,
                attempts=attempts,
                next_attempt_at=now + backoff(attempts),
                last_error=error,
                claim=None,
            )
    if sent:
        RefresherDelivery.objects.filter(claim=token, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, claim=None, last_error=""
        )
    return {"sent": len(sent), "failed": sum(len(pks) for pks in failed.values())}
