"""
Writers at the same moment queue on the chain head instead of forking the chain: every event
gets its own number, each holds the hash of the one before, on PostgreSQL and on SQLite.
Real threads, each with its own connection (as tests/courses/test_concurrency.py).
"""

import threading

import pytest

from audit.models import Action, AuditEvent, ChainHead
from audit.selectors import verify_trail
from audit.services import record_event
from tests.courses.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 6
EVENTS_EACH = 5


def append_several():
    for number in range(EVENTS_EACH):
        record_event(action=Action.REPORT_VIEWED, target=f"report:{threading.get_ident()}", data={"n": number})


def test_simultaneous_writers_do_not_fork_the_chain():
    run_together(append_several, count=THREADS)

    total = THREADS * EVENTS_EACH
    assert list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True)) == list(
        range(1, total + 1)
    )
    assert AuditEvent.objects.values("previous_hash").distinct().count() == total
    result = verify_trail()
    assert (result.ok, result.checked) == (True, total)


def test_simultaneous_writers_rebuild_a_missing_head_once():
    ChainHead.objects.all().delete()

    run_together(append_several, count=THREADS)

    assert ChainHead.objects.count() == 1
    assert verify_trail().ok
    assert AuditEvent.objects.count() == THREADS * EVENTS_EACH
