"""
Demo reminders: the schedule's defaults, the training lead's address, and a delivery log made
by a real run (``queue_due``) and real sends into Django's in-memory mail backend (no mail
leaves the machine, none is printed): one reminder fails on its first try (the mail server
"down") and goes on the retry.
"""

import datetime

from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from notifications import services
from notifications.models import NotificationSettings, Reminder, ReminderStatus

KEPT = "django.core.mail.backends.locmem.EmailBackend"


class DownBackend(EmailBackend):
    """A mail server that refuses everything: the demo's failed first try."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("421 Service not available (demo)")


def load_reminders() -> int:
    config = NotificationSettings.current()
    config.lead_email = "training.lead@example.police.uk"
    config.save()
    now = timezone.now()
    services.queue_due(now=now)
    # One reminder's first try fails; the rest go at once.
    first = Reminder.objects.filter(status=ReminderStatus.PENDING, assignment__isnull=False).order_by("pk").first()
    if first is not None:
        Reminder.objects.filter(pk=first.pk).update(next_attempt_at=now - datetime.timedelta(minutes=1))
        Reminder.objects.exclude(pk=first.pk).update(next_attempt_at=now + datetime.timedelta(seconds=1))
        services.send_batch(now=now, limit=1, backend=f"{__name__}.DownBackend")
    # The retry, once its wait is over, with everything else.
    services.send_due(now=now + datetime.timedelta(hours=1), backend=KEPT)
    return Reminder.objects.count()
