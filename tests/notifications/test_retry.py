"""A failed send is tried again later, with a growing wait, and never lost."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications import services
from notifications.models import Reminder, ReminderStatus

pytestmark = pytest.mark.django_db


def test_a_failed_send_is_recorded_and_retried_with_backoff(force_training, failing_mail, settings, today):
    settings.REMINDER_RETRY_MINUTES = 10
    now = timezone.now()
    services.queue_due(today=today, now=now)
    total = Reminder.objects.count()
    failing_mail.failures = total  # the mail server is down for every one of them
    assert services.send_due(now=now) == {"sent": 0, "failed": total}
    reminder = Reminder.objects.order_by("pk").first()
    assert reminder.status == ReminderStatus.RETRYING
    assert reminder.attempts == 1
    assert "MailServerDown: 421 Service not available" in reminder.last_error
    assert reminder.next_attempt_at == now + datetime.timedelta(minutes=10)
    assert not mail.outbox

    # Not yet due again: nothing is tried.
    assert services.send_due(now=now + datetime.timedelta(minutes=5)) == {"sent": 0, "failed": 0}

    # Second failure: the wait doubles.
    failing_mail.failures = total
    later = now + datetime.timedelta(minutes=11)
    services.send_due(now=later)
    reminder.refresh_from_db()
    assert (reminder.attempts, reminder.next_attempt_at) == (2, later + datetime.timedelta(minutes=20))

    # The server is back: the cron command's next run sends them all.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later + datetime.timedelta(minutes=21))
        call_command("queue_reminders")
    reminder.refresh_from_db()
    assert reminder.status == ReminderStatus.SENT and reminder.attempts == 3
    assert "MailServerDown" in reminder.last_error  # kept: the log shows why it took three tries
    assert len(mail.outbox) == total
    assert Reminder.objects.filter(status=ReminderStatus.SENT).count() == total


def test_after_the_last_attempt_a_reminder_is_marked_failed_not_dropped(force_training, failing_mail, settings, today):
    settings.REMINDER_MAX_ATTEMPTS = 2
    now = timezone.now()
    services.queue_due(today=today, now=now)
    failing_mail.failures = 10_000
    services.send_due(now=now)
    services.send_due(now=now + datetime.timedelta(days=1))
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.FAILED}
    assert services.send_due(now=now + datetime.timedelta(days=30)) == {"sent": 0, "failed": 0}
    assert Reminder.objects.filter(attempts=2, next_attempt_at__isnull=True).count() == Reminder.objects.count()


def test_an_interrupted_send_is_put_back(force_training, today):
    now = timezone.now()
    services.queue_due(today=today, now=now)
    claimed = services.claim(now=now)
    assert claimed  # a worker took them, then died
    result = services.queue_due(today=today, now=now + datetime.timedelta(hours=1))
    assert result.requeued == len(claimed)
    services.send_due(now=now + datetime.timedelta(hours=1))
    assert len(mail.outbox) == Reminder.objects.count()
