"""
Writes for the outbox: recording statements inside an event's transaction, and forwarding
what is due to the Learning Record Store (``forward_due``, run by the task in ``xapi.tasks``
and by ``manage.py forward_xapi``).

Forwarding never sends a statement twice: a batch is claimed (marked "sending", committed)
before it is posted, so a second worker skips it, and a row leaves "sending" only as accepted,
refused or back to waiting after a failure it saw. Only a worker that dies between the post
and the write of its answer leaves rows that are claimed again after
``XAPI_CLAIM_TIMEOUT_MINUTES``; those go again with the same ids, which an LRS keeps once.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Statement, StatementState

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"
#: Answers about the statements themselves: 400 (xAPI's), 409 (an id taken by a different
#: statement) and 422 (Ralph, like any FastAPI service, answers an invalid statement with it).
REFUSED = (400, 409, 422)


def lrs_configured() -> bool:
    return bool(settings.XAPI_LRS_ENDPOINT)


def statements_url() -> str:
    return settings.XAPI_LRS_ENDPOINT.rstrip("/") + "/statements"


def record(built: list[dict]) -> None:
    """
    Write statements (from ``statements.build``) to the outbox, in the caller's transaction, with
    one insert. An event heard twice writes nothing the second time (the ids are stable). When an
    LRS is configured, forwarding is queued for after the commit, once per transaction.
    """
    Statement.objects.bulk_create(
        [
            Statement(
                statement_id=item["statement"]["id"],
                event=item["event"],
                verb=item["statement"]["verb"]["id"],
                object_id=item["statement"]["object"]["id"],
                user_id=item["user_id"],
                payload=item["statement"],
            )
            for item in built
        ],
        ignore_conflicts=True,
    )
    if lrs_configured() and settings.XAPI_FORWARD_ON_COMMIT:
        queue_forwarding()


def _enqueue_forwarding() -> None:
    from .tasks import forward_statements

    try:
        forward_statements.enqueue()
    except Exception:  # the outbox keeps the rows; cron's forward_xapi sends them
        logger.exception("Could not queue xAPI forwarding")


def queue_forwarding() -> None:
    """Queue the forwarding task once the transaction commits (once per transaction)."""
    if connection.in_atomic_block and any(func is _enqueue_forwarding for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_forwarding)


def retry_delay(posts: int) -> datetime.timedelta:
    """After the n-th failed post: XAPI_RETRY_SECONDS, doubling each time, at most XAPI_RETRY_MAX_SECONDS."""
    seconds = settings.XAPI_RETRY_SECONDS * 2 ** max(posts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.XAPI_RETRY_MAX_SECONDS))


def due(now: datetime.datetime):
    return Statement.objects.filter(state=StatementState.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def release_stale_claims(now: datetime.datetime) -> int:
    """Rows claimed by a worker that died before it wrote the answer go back to waiting."""
    cutoff = now - datetime.timedelta(minutes=settings.XAPI_CLAIM_TIMEOUT_MINUTES)
    return Statement.objects.filter(state=StatementState.SENDING, claimed_at__lt=cutoff).update(
        state=StatementState.PENDING, claimed_at=None
    )


def claim(*, now: datetime.datetime, limit: int) -> list[Statement]:
    """The next batch due, oldest first, marked as being sent (committed before any post)."""
    with transaction.atomic():
        ids = list(due(now).select_for_update(skip_locked=True).order_by("pk").values_list("pk", flat=True)[:limit])
        Statement.objects.filter(pk__in=ids, state=StatementState.PENDING).update(
            state=StatementState.SENDING, claimed_at=now
        )
    return list(Statement.objects.filter(pk__in=ids, state=StatementState.SENDING, claimed_at=now).order_by("pk"))


@dataclass
class ForwardResult:
    configured: bool = True
    sent: int = 0
    rejected: int = 0
    failed: int = 0
    posts: int = 0
    errors: list[str] = field(default_factory=list)


class _Unreachable(Exception):
    """The LRS did not answer, or answered with a failure that is not about the statements."""


def _post(session: requests.Session, rows: list[Statement], result: ForwardResult) -> requests.Response:
    Statement.objects.filter(pk__in=[row.pk for row in rows]).update(posts=F("posts") + 1)
    result.posts += 1
    try:
        response = session.post(
            statements_url(),
            json=[row.payload for row in rows],
            headers={"X-Experience-API-Version": XAPI_VERSION},
            auth=(settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD) if settings.XAPI_LRS_USERNAME else None,
            timeout=settings.XAPI_LRS_TIMEOUT_SECONDS,
        )
    except requests.RequestException as error:
        raise _Unreachable(f"{type(error).__name__}: {error}") from error
    if response.status_code in (200, 204):
        return response
    if response.status_code in REFUSED:
        return response  # about the statements themselves: the caller looks one by one
    raise _Unreachable(f"HTTP {response.status_code}: {response.text[:500]}")


def _mark_sent(rows: list[Statement], now: datetime.datetime, result: ForwardResult) -> None:
    Statement.objects.filter(pk__in=[row.pk for row in rows]).update(
        state=StatementState.SENT, sent_at=now, claimed_at=None, next_attempt_at=None, last_error=""
    )
    result.sent += len(rows)


def _send(session, rows: list[Statement], now, result: ForwardResult) -> None:
    """Post a batch; if the LRS refuses it (a bad or conflicting statement), post each one alone to find which."""
    response = _post(session, rows, result)
    if response.status_code in (200, 204):
        _mark_sent(rows, now, result)
        return
    if len(rows) > 1:
        for row in rows:
            _send(session, [row], now, result)
        return
    (row,) = rows
    reason = (
        "A different statement with this id is already in the LRS"
        if response.status_code == 409
        else "The LRS refused the statement"
    )
    Statement.objects.filter(pk=row.pk).update(
        state=StatementState.REJECTED,
        claimed_at=None,
        last_error=f"{reason} (HTTP {response.status_code}): {response.text[:500]}",
    )
    result.rejected += 1
    logger.error("xAPI statement %s refused by the LRS: %s", row.statement_id, response.text[:200])


def forward_due(*, now: datetime.datetime | None = None, limit: int | None = None) -> ForwardResult:
    """
    Post every statement due, batch by batch, until none is left or the LRS fails; a failed
    batch waits for its retry time (backoff) and the run stops there. With no LRS configured,
    nothing is sent and the outbox keeps everything.
    """
    if not lrs_configured():
        return ForwardResult(configured=False)
    now = now or timezone.now()
    limit = limit or settings.XAPI_BATCH_SIZE
    result = ForwardResult()
    release_stale_claims(now)
    with requests.Session() as session:
        while rows := claim(now=now, limit=limit):
            try:
                _send(session, rows, now, result)
            except _Unreachable as error:
                _back_off(rows, now, str(error))
                result.failed += len(rows)
                result.errors.append(str(error))
                logger.warning("xAPI forwarding failed, %s statements will be tried again: %s", len(rows), error)
                break
    return result


def _back_off(rows: list[Statement], now: datetime.datetime, error: str) -> None:
    """Whatever in the batch is still being sent goes back to waiting, each until its retry time."""
    for row in Statement.objects.filter(pk__in=[row.pk for row in rows], state=StatementState.SENDING):
        row.state = StatementState.PENDING
        row.claimed_at = None
        row.next_attempt_at = now + retry_delay(row.posts)
        row.last_error = error[:2000]
        row.save(update_fields=["state", "claimed_at", "next_attempt_at", "last_error"])


def outbox_counts() -> dict[str, int]:
    from django.db.models import Count

    return dict(Statement.objects.values_list("state").annotate(count=Count("pk")).order_by())
