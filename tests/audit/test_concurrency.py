"""
Writers at the same moment queue on the chain head instead of forking the chain: every event
gets its own number, each holds the hash of the one before, on PostgreSQL and on SQLite.
Real threads, each with its own connection (as tests/courses/test_concurrency.py).
"""

import threading

import pytest
from django.db import close_old_connections, connection

from audit.models import Action, AuditEvent, ChainHead
from audit.selectors import verify_trail
from audit.services import record_event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 6
EVENTS_EACH = 5


def run_together(target, count=THREADS):
    barrier = threading.Barrier(count)
    errors = []

    def worker():
        try:
            barrier.wait(timeout=10)
            target()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def append_several():
    for number in range(EVENTS_EACH):
        record_event(action=Action.REPORT_VIEWED, target=f"report:{threading.get_ident()}", data={"n": number})


def test_simultaneous_writers_do_not_fork_the_chain():
    run_together(append_several)

    total = THREADS * EVENTS_EACH
    assert list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True)) == list(
        range(1, total + 1)
    )
    assert AuditEvent.objects.values("previous_hash").distinct().count() == total
    result = verify_trail()
    assert (result.ok, result.checked) == (True, total)


def test_simultaneous_writers_rebuild_a_missing_head_once():
    ChainHead.objects.all().delete()

    run_together(append_several)

    assert ChainHead.objects.count() == 1
    assert verify_trail().ok
    assert AuditEvent.objects.count() == THREADS * EVENTS_EACH
