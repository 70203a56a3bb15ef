"""
The audit trail is append-only and hash-chained: each event holds the hash of the one
before; nothing in code (model, queryset, bulk paths) changes or deletes an event; on
PostgreSQL the database itself refuses; and ``verify_audit_trail`` finds an edited, removed
or reordered event, whichever way it was done.
"""

import contextlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from accounts.factories import UserFactory
from audit.chain import event_hash
from audit.models import Action, AppendOnlyError, AuditEvent, ChainHead
from audit.selectors import verify_trail
from audit.services import record_event

TABLE = "audit_auditevent"


def events():
    return list(AuditEvent.objects.order_by("sequence"))


@contextlib.contextmanager
def tampering():
    """
    Raw SQL past the code's refusals, and on PostgreSQL past the trigger: a superuser's
    ``session_replication_role = replica`` (inside the test's transaction).
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        yield cursor
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


@pytest.fixture
def trail(db):
    officer = UserFactory(username="pc-one", first_name="Ada", last_name="Jones", roles=[])
    manager = UserFactory(username="sgt-two", first_name="Ben", last_name="Okafor", roles=[])
    for number in range(5):
        record_event(
            action=Action.RECORD_VIEWED, actor=manager, subject=officer, target=f"record:{number}", data={"n": number}
        )
    return events()


def test_each_event_holds_the_hash_of_the_one_before(trail):
    assert [event.sequence for event in trail] == [1, 2, 3, 4, 5]
    assert trail[0].previous_hash == ""
    for before, after in zip(trail, trail[1:], strict=False):
        assert after.previous_hash == before.hash
    head = ChainHead.objects.get()
    assert (head.sequence, head.hash) == (5, trail[-1].hash)


def test_an_events_hash_covers_its_fields(trail):
    event = trail[2]
    fields = {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at,
        "action": event.action,
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "subject_id": event.subject_id,
        "subject_label": event.subject_label,
        "target": event.target,
        "ip_address": event.ip_address,
        "data": event.data,
        "previous_hash": event.previous_hash,
    }
    assert event_hash(fields) == event.hash
    assert event_hash({**fields, "target": "record:other"}) != event.hash
    assert event_hash({**fields, "data": {"n": 99}}) != event.hash


def test_people_are_snapshotted_by_name_and_a_rename_does_not_rewrite_history(trail):
    officer = trail[0].subject
    officer.first_name = "Renamed"
    officer.save()
    event = AuditEvent.objects.get(pk=trail[0].pk)
    assert (event.actor_label, event.subject_label) == ("Ben Okafor", "Ada Jones")


def test_dates_and_decimals_in_details_are_stored_as_text_and_still_verify(db):
    import datetime
    from decimal import Decimal

    record_event(action=Action.REPORT_EXPORTED, data={"on": datetime.date(2026, 1, 2), "score": Decimal("12.50")})
    assert AuditEvent.objects.get().data == {"on": "2026-01-02", "score": "12.50"}
    assert verify_trail().ok


def test_the_request_names_the_actor_and_address(rf, db):
    officer = UserFactory()
    request = rf.get("/", REMOTE_ADDR="2001:db8::1")
    request.user = officer
    event = record_event(action=Action.SIGN_IN, request=request)
    assert (event.actor, event.ip_address) == (officer, "2001:db8::1")
    assert verify_trail().ok


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda e: e.save(), id="save-existing"),
        pytest.param(lambda e: e.delete(), id="delete"),
        pytest.param(lambda e: AuditEvent.objects.filter(pk=e.pk).update(target="x"), id="queryset-update"),
        pytest.param(lambda e: AuditEvent.objects.filter(pk=e.pk).delete(), id="queryset-delete"),
        pytest.param(lambda e: AuditEvent.objects.all().delete(), id="delete-all"),
        pytest.param(lambda e: AuditEvent.objects.all()._raw_delete("default"), id="raw-delete"),
        pytest.param(lambda e: AuditEvent.objects.bulk_update([e], ["target"]), id="bulk-update"),
        pytest.param(lambda e: AuditEvent.objects.bulk_create([AuditEvent(action="x", hash="")]), id="bulk-create"),
        pytest.param(lambda e: AuditEvent.objects.create(action="x", sequence=99, hash=""), id="create-outside"),
        pytest.param(
            lambda e: AuditEvent.objects.update_or_create(pk=e.pk, defaults={"target": "x"}), id="update-or-create"
        ),
    ],
)
def test_no_code_path_changes_adds_around_or_deletes_an_event(trail, change):
    event = trail[1]
    event.target = "changed"
    with pytest.raises(AppendOnlyError):
        change(event)
    assert AuditEvent.objects.count() == 5
    assert AuditEvent.objects.get(pk=event.pk).target == "record:1"
    assert verify_trail().ok


def test_deleting_a_person_with_events_is_refused(trail):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        trail[0].subject.delete()


@pytest.mark.parametrize(
    "sql",
    [
        f"UPDATE {TABLE} SET target = 'edited'",  # noqa: S608
        f"DELETE FROM {TABLE}",  # noqa: S608
        f"DELETE FROM {TABLE} WHERE sequence = 5",  # noqa: S608
    ],
)
def test_the_database_refuses_raw_changes_on_postgresql(trail, sql):
    """On PostgreSQL triggers refuse the change; on SQLite (no trigger) the check finds it instead."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql)
        assert not verify_trail().ok
        return
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert [event.target for event in events()] == [event.target for event in trail]
    assert verify_trail().ok


def test_a_clean_trail_verifies(trail, capsys):
    call_command("verify_audit_trail")
    assert "Audit trail intact: 5 events checked." in capsys.readouterr().out


def test_an_empty_trail_verifies(db, capsys):
    call_command("verify_audit_trail")
    assert "0 events checked" in capsys.readouterr().out


def assert_broken_at(sequence: int, reason: str):
    with pytest.raises(CommandError) as error:
        call_command("verify_audit_trail")
    assert f"broken at event {sequence}" in str(error.value)
    assert reason in str(error.value)


def test_an_edited_detail_is_found(trail):
    with tampering() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET data = %s WHERE sequence = 3", ['{"n": 30}'])  # noqa: S608
    assert_broken_at(3, "do not match its hash")


def test_an_edited_name_is_found(trail):
    with tampering() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET subject_label = 'Someone Else' WHERE sequence = 2")  # noqa: S608
    assert_broken_at(2, "edited")


def test_an_edit_with_a_recomputed_hash_is_found_at_the_next_event(trail):
    """Re-hashing the edited event is not enough: the next event still holds its old hash."""
    event = trail[2]
    fields = {name: getattr(event, name) for name in ("sequence", "occurred_at", "action", "actor_label")}
    fields.update(
        actor_id=event.actor_id,
        subject_id=event.subject_id,
        subject_label=event.subject_label,
        target="record:forged",
        ip_address=None,
        data=event.data,
        previous_hash=event.previous_hash,
    )
    with tampering() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET target = 'record:forged', hash = %s WHERE sequence = 3",  # noqa: S608
            [event_hash(fields)],
        )
    assert_broken_at(4, "previous hash")


def test_a_removed_event_is_found(trail):
    with tampering() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE sequence = 2")  # noqa: S608
    assert_broken_at(2, "missing")


def test_an_event_removed_from_the_end_is_found(trail):
    with tampering() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE sequence = 5")  # noqa: S608
    assert_broken_at(5, "removed from the end")


def test_reordered_events_are_found(trail):
    with tampering() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET sequence = 100 WHERE sequence = 2")  # noqa: S608
        cursor.execute(f"UPDATE {TABLE} SET sequence = 2 WHERE sequence = 3")  # noqa: S608
        cursor.execute(f"UPDATE {TABLE} SET sequence = 3 WHERE sequence = 100")  # noqa: S608
    assert_broken_at(2, "")


def test_verify_reads_in_chunks_without_loading_the_trail(trail, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert verify_trail(chunk_size=2).checked == 5


def test_appending_costs_three_queries(trail, django_assert_num_queries):
    with django_assert_num_queries(3):
        record_event(action=Action.SIGN_OUT)


def test_the_trail_records_the_clients_address_behind_the_proxy(db, settings, rf):
    """With one proxy in front, the address is the one the proxy saw, not the proxy's own."""
    from audit.models import Action
    from audit.services import record_event

    settings.SIGN_IN_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    event = record_event(action=Action.SIGN_OUT, request=request)
    assert event.ip_address == "198.51.100.7"
