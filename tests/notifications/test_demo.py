import pytest

from demo.notifications import load_reminders
from notifications.models import Reminder, ReminderStatus


@pytest.mark.django_db
def test_the_demo_log_has_sent_reminders_and_one_failed_then_retried(force_training):
    assert load_reminders() > 3
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}
    (retried,) = Reminder.objects.filter(attempts=2)
    assert "421 Service not available (demo)" in retried.last_error
    assert Reminder.objects.filter(attempts=1).count() == Reminder.objects.count() - 1
