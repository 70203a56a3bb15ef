"""
Forwarding the outbox to a real LRS (Ralph on loopback, behind a counting proxy: tests/xapi/conftest.py):
in batches, marked when accepted, never sent twice, nothing lost while the LRS is down.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses import services as course_services
from courses.models import ModulePage
from tests.xapi.conftest import LRS_USER, CountingProxy, Ralph
from xapi import services
from xapi.models import Statement, StatementState
from xapi.tasks import forward_statements


def read_course(user, course):
    course_services.enrol(user=user, course=course)
    for module in ModulePage.objects.child_of(course).order_by("path"):
        course_services.complete_module(user=user, module=module)


def outbox_ids() -> set[str]:
    return {str(value) for value in Statement.objects.values_list("statement_id", flat=True)}


def test_the_outbox_goes_to_the_lrs_in_batches_and_is_marked_accepted(people, course, lrs, ralph, settings):
    settings.XAPI_BATCH_SIZE = 3
    read_course(people["officer"], course)  # 7 statements
    result = services.forward_due()
    assert (result.sent, result.rejected, result.failed, result.posts) == (7, 0, 0, 3)
    assert [len(ids) for ids, status in lrs.posted] == [3, 3, 1]
    assert {status for ids, status in lrs.posted} == {200}
    assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.SENT}
    assert {row["id"] for row in ralph.stored()} == outbox_ids()
    # What the LRS holds is what the outbox sent, as sent (and Ralph says who stored it).
    kept = {row["id"]: row for row in ralph.stored()}
    for statement in Statement.objects.all():
        assert kept[str(statement.statement_id)]["verb"] == statement.payload["verb"]
        assert kept[str(statement.statement_id)]["actor"] == statement.payload["actor"]
    assert {row["authority"]["account"]["name"] for row in kept.values()} == {LRS_USER}


def test_a_statement_accepted_is_never_sent_again(people, course, lrs):
    read_course(people["officer"], course)
    services.forward_due()
    services.forward_due()
    call_command("forward_xapi")
    read_course(people["other_officer"], course)
    services.forward_due()
    assert Statement.objects.count() == 14
    assert lrs.times_sent() == dict.fromkeys(outbox_ids(), 1)
    assert set(Statement.objects.values_list("posts", flat=True)) == {1}


def test_an_lrs_that_is_down_and_comes_back_loses_nothing_and_doubles_nothing(people, course, tmp_path, settings):
    settings.XAPI_RETRY_SECONDS = 60
    ralph = Ralph(tmp_path / "lrs").start()
    proxy = CountingProxy(upstream=ralph.url).start()
    settings.XAPI_LRS_ENDPOINT = f"{proxy.url}/xAPI/"
    settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = LRS_USER, "lrs-test-password"
    try:
        read_course(people["officer"], course)
        now = timezone.now()
        assert services.forward_due(now=now).sent == 7
        ralph.stop()  # the LRS goes down

        read_course(people["other_officer"], course)
        down = services.forward_due(now=now)
        assert (down.sent, down.failed) == (0, 7)
        waiting = Statement.objects.filter(user=people["other_officer"])
        assert set(waiting.values_list("state", flat=True)) == {StatementState.PENDING}
        assert {row.next_attempt_at for row in waiting} == {now + datetime.timedelta(seconds=60)}
        assert "502" in waiting.first().last_error
        # Before the retry time, nothing is tried; a second failure doubles the wait.
        assert services.forward_due(now=now + datetime.timedelta(seconds=30)).posts == 0
        later = now + datetime.timedelta(seconds=61)
        assert services.forward_due(now=later).failed == 7
        assert {row.next_attempt_at for row in waiting.all()} == {later + datetime.timedelta(seconds=120)}

        ralph.start()  # back, with what it stored before
        back = services.forward_due(now=later + datetime.timedelta(seconds=121))
        assert (back.sent, back.failed) == (7, 0)
        assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.SENT}
        stored = [row["id"] for row in ralph.stored()]
        assert sorted(stored) == sorted(outbox_ids())  # nothing lost, nothing twice in the LRS
        accepted = {}
        for ids, status in proxy.posted:
            if status == 200:
                for statement_id in ids:
                    accepted[statement_id] = accepted.get(statement_id, 0) + 1
        assert accepted == dict.fromkeys(outbox_ids(), 1)  # each accepted once, and sent after that never
        assert set(waiting.values_list("posts", flat=True)) == {3}  # two failed requests, one accepted
    finally:
        proxy.stop()
        ralph.stop()


def test_a_post_the_lrs_stored_but_never_answered_is_sent_again_and_kept_once(people, course, lrs, ralph):
    """The one case a statement goes twice: the platform cannot know. The stable id makes it harmless."""
    read_course(people["officer"], course)
    lrs.mode = "unanswered"
    assert services.forward_due().failed == 7
    lrs.mode = "pass"
    assert services.forward_due(now=timezone.now() + datetime.timedelta(hours=1)).sent == 7
    assert [status for ids, status in lrs.posted] == [200, 204]  # Ralph: "already stored"
    assert sorted(row["id"] for row in ralph.stored()) == sorted(outbox_ids())


def test_a_statement_the_lrs_refuses_is_set_aside_and_the_rest_of_its_batch_goes(people, course, lrs, ralph):
    read_course(people["officer"], course)
    bad = Statement.objects.filter(event="module_started").order_by("pk").first()
    # An agent with no identifier: Ralph's POST checks the actor strictly (its verb and object only
    # for an id), so this one it refuses.
    bad.payload["actor"] = {"objectType": "Agent"}
    bad.save()
    result = services.forward_due()
    assert (result.sent, result.rejected) == (6, 1)
    bad.refresh_from_db()
    assert bad.state == StatementState.REJECTED
    assert "HTTP 422" in bad.last_error  # Ralph's answer to an invalid statement
    assert len(ralph.stored()) == 6
    # Refused statements are not tried again.
    assert services.forward_due(now=timezone.now() + datetime.timedelta(days=1)).posts == 0


def test_a_conflicting_statement_with_the_same_id_is_refused_not_overwritten(people, course, lrs, ralph):
    read_course(people["officer"], course)
    services.forward_due()
    first = Statement.objects.get(event="course_started")
    twin = Statement.objects.create(
        statement_id="00000000-0000-0000-0000-000000000001",
        event="course_started",
        verb=first.verb,
        object_id=first.object_id,
        user=first.user,
        payload=first.payload | {"timestamp": "2020-01-01T00:00:00Z"},
    )
    assert services.forward_due().rejected == 1
    twin.refresh_from_db()
    assert twin.state == StatementState.REJECTED
    assert "already in the LRS" in twin.last_error


def test_wrong_credentials_are_retried_later_not_refused(people, course, lrs, settings):
    settings.XAPI_LRS_PASSWORD = "wrong"
    read_course(people["officer"], course)
    result = services.forward_due()
    assert (result.sent, result.rejected, result.failed) == (0, 0, 7)
    assert "HTTP 401" in result.errors[0]
    assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.PENDING}


def test_an_interrupted_claim_is_released_after_the_timeout(people, course, lrs, settings):
    settings.XAPI_CLAIM_TIMEOUT_MINUTES = 10
    read_course(people["officer"], course)
    now = timezone.now()
    Statement.objects.update(state=StatementState.SENDING, claimed_at=now)  # a worker died here
    assert services.forward_due(now=now + datetime.timedelta(minutes=5)).posts == 0
    assert services.forward_due(now=now + datetime.timedelta(minutes=11)).sent == 7


def test_the_task_forwards_and_a_learning_event_queues_it_after_commit(
    people, course, lrs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        read_course(people["officer"], course)
    assert len(callbacks) >= 1
    assert set(Statement.objects.values_list("state", flat=True)) == {StatementState.SENT}
    assert forward_statements.enqueue().return_value == {"configured": True, "sent": 0, "rejected": 0, "failed": 0}


@pytest.mark.parametrize("size", [2, 5])
def test_the_forwarding_query_count_does_not_grow_with_the_batch(
    people, course, lrs, settings, size, django_assert_max_num_queries
):
    settings.XAPI_BATCH_SIZE = 50
    for role in ("officer", "other_officer", "manager_of_unit", "manager_of_other_unit", "administrator")[:size]:
        read_course(people[role], course)
    # Release stale claims; claim (savepoint, select, update, release, read); count the post; mark
    # sent; then the claim that finds nothing (savepoint, select, release): eleven, whatever the size.
    with django_assert_max_num_queries(11):
        assert services.forward_due().sent == 7 * size
