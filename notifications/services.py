"""
Writes for reminders: log what is due (``queue_due``), then send it (``send_batch``), with
retries.

Logging is one ``INSERT … SELECT … ON CONFLICT DO NOTHING`` per kind: the rows are made in
the database from the plan in ``selectors.due_reminders``, so a run costs the same number of
queries for 500 officers or 50,000, and the log's unique constraints make a second run, or a
run at the same moment, insert nothing that is already there. Sending claims rows with one
conditional ``UPDATE`` (a row another worker claimed first no longer matches), sends each
through Django's mail framework, and records the outcome: sent, or tried again later with
a doubling delay, or, after ``REMINDER_MAX_ATTEMPTS``, failed and logged as an error. A row
is never dropped: it stays in the log with its attempts and last error.
"""

import contextlib
import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.mail import get_connection
from django.db import connection, models, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from . import emails, selectors
from .models import NotificationSettings, Reminder, ReminderKind, ReminderStatus

logger = logging.getLogger(__name__)

#: Columns written by the INSERT … SELECT, in order.
INSERT_COLUMNS = (
    "kind",
    "user_id",
    "email",
    "requirement_id",
    "assignment_id",
    "course_id",
    "course_title",
    "cycle_due",
    "sequence",
    "scheduled_for",
    "created_at",
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_by",
    "last_error",
)
SENDABLE = (ReminderStatus.PENDING, ReminderStatus.RETRYING)
BATCH = 200


@dataclass
class QueueResult:
    logged: dict
    requeued: int


def _insert_from(
    queryset, kind: str, today: datetime.date, now: datetime.datetime, missing_address: str | None = None
) -> int:
    """Insert one log row per row of ``queryset`` (annotated ``cycle`` and ``seq``), skipping any already logged."""
    email = F("user__email")
    if missing_address:
        email = Case(
            When(user__email="", then=Value(missing_address)), default=email, output_field=models.EmailField()
        )
    rows = queryset.annotate(
        r_kind=Value(kind),
        r_user=F("user_id"),
        r_email=email,
        r_requirement=F("requirement_id"),
        r_assignment=F("assignment_id"),
        r_course=F("course_id"),
        r_course_title=F("course__title"),
        r_cycle=F("cycle"),
        r_seq=F("seq"),
        r_scheduled=Value(today),
        r_created=Value(now),
        r_status=Value(ReminderStatus.PENDING.value),
        r_attempts=Value(0),
        r_next=Value(now),
        r_claimed=Value(""),
        r_error=Value(""),
    ).values(
        "r_kind",
        "r_user",
        "r_email",
        "r_requirement",
        "r_assignment",
        "r_course",
        "r_course_title",
        "r_cycle",
        "r_seq",
        "r_scheduled",
        "r_created",
        "r_status",
        "r_attempts",
        "r_next",
        "r_claimed",
        "r_error",
    )
    return _insert_select(rows)


def _insert_select(values_queryset) -> int:
    try:
        sql, params = values_queryset.query.sql_with_params()
    except EmptyResultSet:  # nothing can match (no requirement sends this kind): nothing to insert
        return 0
    table = connection.ops.quote_name(Reminder._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in INSERT_COLUMNS)
    # "WHERE true" keeps SQLite from reading ON CONFLICT as part of a join (its documented ambiguity).
    statement = f"INSERT INTO {table} ({columns}) SELECT * FROM ({sql}) AS planned WHERE true ON CONFLICT DO NOTHING"  # noqa: S608 (compiled by the ORM)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return max(cursor.rowcount, 0)


def queue_due(
    *, today: datetime.date | None = None, now: datetime.datetime | None = None, missing_address: str | None = None
) -> QueueResult:
    """
    Log every reminder and digest due today that is not logged yet, and put claims left by a
    dead worker back to be tried again. Returns how many rows each kind added.
    ``missing_address`` (benchmarks only) reminds people without an address at that one.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    config = NotificationSettings.current()
    logged = {}
    with transaction.atomic():
        plans = selectors.schedules(config)
        due = selectors.due_reminders(today, plans=plans, need_address=not missing_address)
        for kind, queryset in due.items():
            logged[kind.value] = _insert_from(queryset, kind.value, today, now, missing_address)
        if config.enabled:
            logged.update(_queue_digests(config, today, now))
    stale = now - datetime.timedelta(minutes=settings.REMINDER_CLAIM_TIMEOUT_MINUTES)
    requeued = Reminder.objects.filter(status=ReminderStatus.SENDING, claimed_at__lt=stale).update(
        status=ReminderStatus.RETRYING, next_attempt_at=now, claimed_by="", last_error="The send was interrupted."
    )
    return QueueResult(logged=logged, requeued=requeued)


def _queue_digests(config: NotificationSettings, today: datetime.date, now: datetime.datetime) -> dict:
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    added = {}
    week_day = selectors.week_digest_day(today, config.digest_weekday)
    if today >= week_day:
        logged = Reminder.objects.filter(
            kind=ReminderKind.MANAGER_DIGEST, assignment__isnull=True, email=OuterRef("email"), cycle_due=week_day
        )
        managers = (
            get_user_model()
            .objects.filter(is_active=True, managed_units__isnull=False)
            .exclude(email="")
            .filter(~Exists(logged))
            .values("pk", "email")
            .distinct()
        )
        rows = [
            Reminder(
                kind=ReminderKind.MANAGER_DIGEST,
                user_id=manager["pk"],
                email=manager["email"],
                cycle_due=week_day,
                scheduled_for=today,
                next_attempt_at=now,
            )
            for manager in managers
        ]
        added[ReminderKind.MANAGER_DIGEST.value] = len(Reminder.objects.bulk_create(rows, ignore_conflicts=True))
    month_day = selectors.month_digest_day(today, config.lead_digest_day)
    if config.lead_email and today >= month_day:
        created = Reminder.objects.bulk_create(
            [
                Reminder(
                    kind=ReminderKind.LEAD_DIGEST,
                    email=config.lead_email,
                    cycle_due=month_day,
                    scheduled_for=today,
                    next_attempt_at=now,
                )
            ],
            ignore_conflicts=True,
        )
        added[ReminderKind.LEAD_DIGEST.value] = len(created)
    return added


def sendable(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return Reminder.objects.filter(status__in=SENDABLE, next_attempt_at__lte=now)


def claim(*, now: datetime.datetime, limit: int = BATCH) -> list[Reminder]:
    """
    Take up to ``limit`` rows that are due to be sent for this worker (two queries): one
    ``UPDATE`` that re-checks the status, so a row is claimed by one worker only.
    """
    token = uuid.uuid4().hex
    picked = sendable(now).order_by("pk").values("pk")[:limit]
    Reminder.objects.filter(pk__in=list(picked.values_list("pk", flat=True)), status__in=SENDABLE).update(
        status=ReminderStatus.SENDING, claimed_by=token, claimed_at=now, attempts=F("attempts") + 1
    )
    return list(
        Reminder.objects.filter(claimed_by=token, status=ReminderStatus.SENDING).select_related("user", "course")
    )


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait before the next try: REMINDER_RETRY_MINUTES, doubled after each failure."""
    return datetime.timedelta(minutes=settings.REMINDER_RETRY_MINUTES * 2 ** max(attempts - 1, 0))


def send_batch(*, now: datetime.datetime | None = None, limit: int = BATCH, backend: str | None = None) -> dict:
    """Claim and send one batch; returns counts of sent and failed. A constant number of queries per batch."""
    now = now or timezone.now()
    batch = claim(now=now, limit=limit)
    if not batch:
        return {"sent": 0, "failed": 0}
    messages = emails.build_messages(batch, today=timezone.localdate(now))
    sent_ids, failed = [], []
    connection_ = get_connection(backend, fail_silently=False)
    try:
        connection_.open()
    except Exception as error:  # noqa: BLE001 (every failure is recorded on its rows)
        failed = [(reminder, error) for reminder in batch]
    else:
        for reminder in batch:
            try:
                connection_.send_messages([messages[reminder.pk]])
            except Exception as error:  # noqa: BLE001
                failed.append((reminder, error))
            else:
                sent_ids.append(reminder.pk)
        # The messages went (or are recorded as failed); a failed close changes nothing.
        with contextlib.suppress(Exception):
            connection_.close()
    Reminder.objects.filter(pk__in=sent_ids).update(
        # The last error, if an earlier try failed, stays: the log shows it was retried and why.
        status=ReminderStatus.SENT,
        sent_at=timezone.now(),
        claimed_by="",
    )
    for reminder, error in failed:
        reminder.last_error = f"{type(error).__name__}: {error}"[:2000]
        reminder.claimed_by = ""
        if reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS:
            reminder.status = ReminderStatus.FAILED
            reminder.next_attempt_at = None
            logger.error("Reminder %s failed %s times, giving up: %s", reminder.pk, reminder.attempts, error)
        else:
            reminder.status = ReminderStatus.RETRYING
            reminder.next_attempt_at = now + retry_delay(reminder.attempts)
            logger.warning("Reminder %s failed (attempt %s), will retry: %s", reminder.pk, reminder.attempts, error)
    Reminder.objects.bulk_update(
        [reminder for reminder, _ in failed], ["status", "next_attempt_at", "last_error", "claimed_by"]
    )
    return {"sent": len(sent_ids), "failed": len(failed)}


def send_due(*, now: datetime.datetime | None = None, limit: int = BATCH, backend: str | None = None) -> dict:
    """Send batches until nothing is due (what the task does); ``backend`` None: ``EMAIL_BACKEND``."""
    totals = {"sent": 0, "failed": 0}
    while True:
        result = send_batch(now=now, limit=limit, backend=backend)
        if not (result["sent"] or result["failed"]):
            return totals
        totals = {key: totals[key] + result[key] for key in totals}


def due_count(now: datetime.datetime | None = None) -> int:
    return sendable(now).count()
