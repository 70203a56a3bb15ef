"""The emails: text and HTML parts, a direct absolute link to the course, the digests' content."""

import pytest
from django.core import mail

from notifications import services
from notifications.models import NotificationSettings, Reminder, ReminderKind

pytestmark = pytest.mark.django_db


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_reminder_has_a_text_and_an_html_part_with_a_link_to_the_course(force_training, people, today):
    services.queue_due(today=today)
    services.send_due()
    overdue = Reminder.objects.get(kind=ReminderKind.OVERDUE, user=people["other_officer"])
    message = next(m for m in sent_to(people["other_officer"].email) if m.subject.startswith("Overdue"))
    assert message.subject == "Overdue training: Hate crime"
    # Absolute, straight to the course (WAGTAILADMIN_BASE_URL is http://testserver in the tests).
    link = "http://testserver/courses/hate-crime/"
    assert link in message.body
    assert "was due by" in message.body and f"{overdue.cycle_due:%Y}" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert '<html lang="en">' in html and "<h1" in html
    assert "Go to the course: Hate crime" in html
    assert "/notifications/reminders/" in message.body


def test_the_before_due_and_expiry_reminders_say_when(force_training, people, today):
    services.queue_due(today=today)
    services.send_due()
    subjects = {message.subject for message in sent_to(people["officer"].email)}
    assert any(subject.startswith("Training due by") and subject.endswith("Judaism guide") for subject in subjects)
    assert any(subject.startswith("Your training runs out on") for subject in subjects)


def test_the_managers_digest_lists_the_overdue_and_expiring_people_in_their_units_only(force_training, people, today):
    services.queue_due(today=today)
    services.send_due()
    team_a = next(m for m in sent_to(people["manager_of_unit"].email) if "week of" in m.subject)
    team_b = next(m for m in sent_to(people["manager_of_other_unit"].email) if "week of" in m.subject)
    # Team A: the officer's hate crime is expiring (the manager is exempt; Judaism is not overdue yet).
    assert people["officer"].display_name in team_a.body and "expires on" in team_a.body
    assert people["other_officer"].display_name not in team_a.body
    # Team B: both of its people are overdue for hate crime.
    assert people["other_officer"].display_name in team_b.body and "overdue since" in team_b.body
    assert people["officer"].display_name not in team_b.body
    html = team_b.alternatives[0][0]
    assert '<th scope="col"' in html and "O&#x27;Neill" in html
    assert "/admin/reports/compliance/overdue/" in team_b.body


def test_the_training_leads_monthly_digest_gives_the_force_totals(force_training, people, today):
    config = NotificationSettings.current()
    config.lead_email = "lead@example.police.uk"
    config.save()
    services.queue_due(today=today)
    services.send_due()
    (message,) = sent_to("lead@example.police.uk")
    assert "Hate crime: 2 overdue or expired, 1 expiring" in message.body
    # No names in the force-wide digest: totals only.
    assert people["other_officer"].last_name not in message.body


def test_the_digest_lists_at_most_the_configured_number(force_training, people, settings, today):
    settings.REMINDER_DIGEST_MAX_ROWS = 1
    services.queue_due(today=today)
    services.send_due()
    team_b = next(m for m in sent_to(people["manager_of_other_unit"].email) if "week of" in m.subject)
    assert "And 1 more." in team_b.body
