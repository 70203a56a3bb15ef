"""Never twice: two runs, two workers at once, and the log's constraint itself."""

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, OperationalError, close_old_connections, connection, transaction

from notifications import services
from notifications.models import Reminder, ReminderKind


@pytest.mark.django_db
def test_running_the_command_twice_sends_each_reminder_once(force_training, today):
    from django.core.management import call_command

    call_command("queue_reminders")
    logged, sent = Reminder.objects.count(), len(mail.outbox)
    assert logged and sent == logged
    call_command("queue_reminders")
    assert Reminder.objects.count() == logged
    assert len(mail.outbox) == sent


@pytest.mark.django_db
def test_the_database_refuses_a_second_copy_of_a_reminder(force_training, people, today):
    services.queue_due(today=today)
    reminder = Reminder.objects.filter(kind=ReminderKind.OVERDUE).first()
    duplicate = Reminder(
        kind=reminder.kind,
        user=reminder.user,
        email=reminder.email,
        assignment=reminder.assignment,
        requirement=reminder.requirement,
        cycle_due=reminder.cycle_due,
        sequence=reminder.sequence,
        scheduled_for=today,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db
def test_a_digest_is_logged_once_per_period(force_training, people, today):
    services.queue_due(today=today)
    digests = Reminder.objects.filter(kind=ReminderKind.MANAGER_DIGEST).count()
    assert digests == 2  # the two managers
    services.queue_due(today=today)
    assert Reminder.objects.filter(kind=ReminderKind.MANAGER_DIGEST).count() == digests


def run_together(target, count=2):
    """Run ``target`` in ``count`` threads released at the same moment; returns their errors."""
    barrier, errors = threading.Barrier(count), []

    def work():
        try:
            barrier.wait()
            target()
        except OperationalError as error:
            # SQLite lets one writer in at a time and may turn the other away ("database is
            # locked"); the one that ran did all the work, which is what counts here.
            if connection.vendor != "sqlite":
                errors.append(error)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_moment_log_and_send_each_reminder_once(force_training, people, today):
    """Real threads, each with its own database connection (on PostgreSQL, truly concurrent)."""
    expected = {
        (row["kind"], row["user_id"], row["requirement_id"], row["seq"]) for row in services.selectors.preview(today)
    }
    errors = run_together(lambda: services.queue_due(today=today))
    assert not errors
    logged = Reminder.objects.exclude(assignment__isnull=True)
    assert {(r.kind, r.user_id, r.requirement_id, r.sequence) for r in logged} == expected
    assert logged.count() == len(expected)

    errors = run_together(services.send_due)
    assert not errors
    assert set(Reminder.objects.values_list("status", flat=True)) == {"sent"}
    # Every logged row went exactly once.
    assert sorted(tuple(message.to) for message in mail.outbox) == sorted(
        (email,) for email in Reminder.objects.values_list("email", flat=True)
    )
