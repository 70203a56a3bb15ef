"""
Festival refreshers sent: who is reached, what they receive, that running twice (or two runs
at once) sends nothing twice, that a failed send is recorded and retried with backoff, and
that a run's query count does not grow with the number of officers.
"""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from notifications import refreshers
from notifications.models import DeliveryStatus, RefresherDelivery
from tests.compliance.conftest import record_completion
from tests.notifications.conftest import ROSH_HASHANAH_5788, SEND_DAY, noon
from tests.notifications.mail_backends import FlakyBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """``run()`` is one cron run: the command, then the send task it queues after commit."""

    def run_once():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("queue_refreshers", stdout=open("/dev/null", "w"))  # noqa: SIM115

    return run_once


def test_refresher_reaches_officers_who_completed_the_course_their_unit_requires(refresher, reached, run):
    run()
    assert {message.to[0] for message in mail.outbox} == {person.email for person in reached}
    assert set(RefresherDelivery.objects.values_list("user", flat=True)) == {person.pk for person in reached}
    assert set(RefresherDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_refresher_email_has_text_and_html_parts_and_links_straight_to_the_module(refresher, reached, run, people):
    run()
    message = next(m for m in mail.outbox if m.to == [people["officer"].email])
    assert "Rosh Hashanah (New Year)" in message.subject
    assert "Judaism guide" in message.subject
    link = refresher.module.get_full_url()
    assert link.startswith("http") and link.endswith("/judaism/festivals/")
    assert "Dear Alex," in message.body
    assert "begins on Saturday 2 October 2027 (from sunset on Friday 1 October)" in message.body
    assert refresher.message in message.body
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en-GB">' in html
    assert f'<a href="{link}"' in html
    assert "Refresh what you learnt in “Shabbat and festivals”" in html


def test_nothing_is_sent_before_the_send_date(refresher, reached, run, clock):
    clock.move_to(noon(SEND_DAY - datetime.timedelta(days=1)))
    run()
    assert mail.outbox == []
    assert not RefresherDelivery.objects.exists()


def test_running_twice_sends_each_refresher_once(refresher, reached, run, clock):
    run()
    run()
    clock.move_to(noon(SEND_DAY + datetime.timedelta(days=3)))  # still due: the next day's run
    run()
    assert len(mail.outbox) == len(reached)
    assert RefresherDelivery.objects.count() == len(reached)


def test_the_database_refuses_a_second_delivery_for_the_same_person_and_occurrence(refresher, reached, people):
    row = {"refresher": refresher, "user": people["officer"], "occurrence": ROSH_HASHANAH_5788}
    extra = {"festival": refresher.festival, "course_title": "Judaism guide", "next_attempt_at": noon(SEND_DAY)}
    RefresherDelivery.objects.create(**row, **extra)
    with pytest.raises(IntegrityError), transaction.atomic():
        RefresherDelivery.objects.create(**row, **extra)


def test_two_runs_at_once_send_each_delivery_once(refresher, reached):
    """Both runs log (the second adds nothing), then both send tasks race: only the first claims the rows."""
    assert refreshers.queue_due_refreshers() == len(reached)
    assert refreshers.queue_due_refreshers() == 0
    first = refreshers.send_due_deliveries()
    second = refreshers.send_due_deliveries()
    assert first == {"sent": len(reached), "failed": 0}
    assert second == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == len(reached)


def test_a_claimed_delivery_is_not_sent_by_another_worker(refresher, reached, people):
    refreshers.queue_due_refreshers()
    RefresherDelivery.objects.filter(user=people["officer"]).update(
        status=DeliveryStatus.SENDING, claimed_at=noon(SEND_DAY)
    )
    refreshers.send_due_deliveries()
    assert people["officer"].email not in {m.to[0] for m in mail.outbox}
    # A claim left by a worker that died is taken over after an hour.
    refreshers.send_due_deliveries(now=noon(SEND_DAY) + datetime.timedelta(hours=2))
    assert people["officer"].email in {m.to[0] for m in mail.outbox}


def test_a_failed_send_is_recorded_and_retried_with_backoff(refresher, reached, run, clock, settings):
    settings.EMAIL_BACKEND = "tests.notifications.mail_backends.FlakyBackend"
    settings.REFRESHER_RETRY_MINUTES = 15
    FlakyBackend.failures_left = 10 * len(reached)  # the server is down
    run()
    assert mail.outbox == []
    rows = list(RefresherDelivery.objects.all())
    assert {row.status for row in rows} == {DeliveryStatus.FAILED}
    assert {row.attempts for row in rows} == {1}
    assert {row.next_attempt_at for row in rows} == {noon(SEND_DAY) + datetime.timedelta(minutes=15)}
    assert {row.last_error for row in rows} == {"SMTPServerDisconnected: Connection unexpectedly closed"}

    clock.move_to(noon(SEND_DAY) + datetime.timedelta(minutes=10))  # too soon: nothing is tried
    run()
    assert {row.attempts for row in RefresherDelivery.objects.all()} == {1}

    clock.move_to(noon(SEND_DAY) + datetime.timedelta(minutes=16))  # still down: backoff doubles
    run()
    assert {(row.attempts, row.next_attempt_at) for row in RefresherDelivery.objects.all()} == {
        (2, noon(SEND_DAY) + datetime.timedelta(minutes=16 + 30))
    }

    FlakyBackend.failures_left = 0  # the server is back
    clock.move_to(noon(SEND_DAY) + datetime.timedelta(minutes=50))
    run()
    assert {message.to[0] for message in mail.outbox} == {person.email for person in reached}
    assert {(row.status, row.attempts, row.last_error) for row in RefresherDelivery.objects.all()} == {
        (DeliveryStatus.SENT, 3, "")
    }


def test_a_send_that_keeps_failing_is_kept_as_abandoned_never_lost(refresher, reached, clock, settings):
    settings.EMAIL_BACKEND = "tests.notifications.mail_backends.FlakyBackend"
    settings.REFRESHER_MAX_ATTEMPTS = 2
    FlakyBackend.failures_left = 100
    refreshers.queue_due_refreshers()
    refreshers.send_due_deliveries()
    refreshers.send_due_deliveries(now=noon(SEND_DAY) + datetime.timedelta(days=1))
    assert {(row.status, row.attempts) for row in RefresherDelivery.objects.all()} == {(DeliveryStatus.ABANDONED, 2)}
    assert refreshers.send_due_deliveries(now=noon(SEND_DAY) + datetime.timedelta(days=30)) == {"sent": 0, "failed": 0}
    FlakyBackend.failures_left = 0


def test_a_runs_query_count_does_not_grow_with_the_number_of_officers(refresher, reached, run, org, judaism_guide):
    course, _module = judaism_guide

    def measure() -> int:
        RefresherDelivery.objects.all().delete()
        cache.clear()  # the site's root paths are read afresh each time
        with CaptureQueriesContext(connection) as queries:
            run()
        return len(queries)

    few = measure()
    for n in range(8):
        person = UserFactory(username=f"extra{n}", unit=org.team_a)
        record_completion(person, course, on=SEND_DAY - datetime.timedelta(days=50))
    many = measure()
    assert len(mail.outbox) == 2 * len(reached) + 8
    assert few == many
    assert many == 8


def test_a_name_is_escaped_in_the_html_part_and_kept_in_the_text(refresher, reached, run, org, judaism_guide):
    person = UserFactory(username="dermot", unit=org.team_a, first_name="D'Arcy <Ó>", last_name="Byrne")
    record_completion(person, judaism_guide[0], on=SEND_DAY - datetime.timedelta(days=5))
    run()
    message = next(m for m in mail.outbox if m.to == [person.email])
    assert "Dear D'Arcy <Ó>," in message.body
    assert "Dear D&#x27;Arcy &lt;Ó&gt;," in message.alternatives[0][0]
