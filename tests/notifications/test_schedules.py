"""Who is reminded of what, when: schedules, defaults, exclusions."""

import datetime

import pytest
from django.core import mail

from compliance.models import Assignment
from notifications import selectors, services
from notifications.models import NotificationSettings, Reminder, ReminderKind, ReminderSchedule, ReminderStatus

DAY = datetime.timedelta(days=1)

pytestmark = pytest.mark.django_db


def planned(today):
    rows = selectors.preview(today)
    return {(row["kind"], row["user_id"], row["requirement_id"], row["seq"]) for row in rows}


def test_each_kind_goes_to_the_right_people(force_training, people, today):
    hate, judaism = force_training["hate"].pk, force_training["judaism"].pk
    assert planned(today) == {
        # Judaism due in 3 days: the "3 days before" reminder, to Team A's two people.
        ("before_due", people["officer"].pk, judaism, 3),
        ("before_due", people["manager_of_unit"].pk, judaism, 3),
        # Hate crime 10 days overdue: the second weekly reminder (day 1, day 8), to Team B.
        ("overdue", people["other_officer"].pk, hate, 2),
        ("overdue", people["manager_of_other_unit"].pk, hate, 2),
        # The officer's hate crime runs out within 30 days.
        ("before_expiry", people["officer"].pk, hate, 30),
    }


def test_exempt_people_are_never_reminded(force_training, people, today):
    reminded = {
        row["user_id"] for row in selectors.preview(today) if row["requirement_id"] == force_training["hate"].pk
    }
    assert people["manager_of_unit"].pk not in reminded


def test_people_with_a_later_due_date_are_not_reminded_yet(force_training, people, today):
    judaism = force_training["judaism"].pk

    def before_due(day):
        return {
            row["seq"]
            for row in selectors.preview(day)
            if (row["kind"], row["requirement_id"]) == ("before_due", judaism)
        }

    # Four days before the Judaism guide is due the schedule (14, 3) has the 14-day reminder…
    assert before_due(today - DAY) == {14}
    # …and 15 days before, nothing at all.
    assert before_due(today - 12 * DAY) == set()


def test_people_who_completed_are_not_reminded_to_do_it(force_training, people, judaism, today):
    from tests.compliance.conftest import record_completion

    record_completion(people["officer"], judaism, on=today)
    kinds = {(row["kind"], row["user_id"]) for row in selectors.preview(today)}
    assert ("before_due", people["officer"].pk) not in kinds


def test_overdue_reminders_stop_after_the_maximum(force_training, people, today):
    config = NotificationSettings.current()
    config.overdue_max = 1
    config.save()
    assert {row["seq"] for row in selectors.preview(today) if row["kind"] == "overdue"} == {1}
    services.queue_due(today=today)
    # A month on, Team B (reminded once) hears no more about hate crime; the others' new
    # cycles (the Judaism guide now overdue, the officer's hate crime run out) still count.
    later = {
        (row["user_id"], row["requirement_id"])
        for row in selectors.preview(today + 30 * DAY)
        if row["kind"] == "overdue"
    }
    assert (people["other_officer"].pk, force_training["hate"].pk) not in later
    assert (people["officer"].pk, force_training["hate"].pk) in later


def test_a_requirements_own_schedule_overrides_the_default(force_training, today):
    ReminderSchedule.objects.create(requirement=force_training["judaism"], before_due_days="5")
    assert {row["seq"] for row in selectors.preview(today) if row["kind"] == "before_due"} == {5}
    ReminderSchedule.objects.filter(requirement=force_training["judaism"]).update(enabled=False)
    assert not [row for row in selectors.preview(today) if row["kind"] == "before_due"]


def test_switching_reminders_off_sends_nothing(force_training, today):
    config = NotificationSettings.current()
    config.enabled = False
    config.save()
    services.queue_due(today=today)
    assert not Reminder.objects.exists()


def test_a_missed_run_sends_the_latest_reminder_once_not_every_earlier_one(force_training, people, today):
    # Nothing ran 14 days before: today's run sends only the 3-day reminder, and the 14-day one never.
    services.queue_due(today=today)
    before_due = Reminder.objects.filter(kind=ReminderKind.BEFORE_DUE, user=people["officer"])
    assert list(before_due.values_list("sequence", flat=True)) == [3]


def test_queueing_logs_and_sends_each_reminder_with_the_cycle(force_training, people, today):
    services.queue_due(today=today)
    services.send_due()
    reminder = Reminder.objects.get(kind=ReminderKind.OVERDUE, user=people["other_officer"])
    assignment = Assignment.objects.get(user=people["other_officer"], requirement=force_training["hate"])
    assert (reminder.assignment, reminder.cycle_due, reminder.sequence) == (assignment, assignment.due_on, 2)
    assert reminder.status == ReminderStatus.SENT and reminder.sent_at and reminder.attempts == 1
    assert reminder.course_title == "Hate crime"
    personal = [message for message in mail.outbox if "digest" not in message.subject.lower()]
    assert len([m for m in mail.outbox if m.to == [people["other_officer"].email]]) >= 1
    assert personal


def test_planning_takes_the_same_queries_for_more_officers(force_training, org, today):
    from accounts.factories import UserFactory
    from compliance.models import ComplianceState

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            result = services.queue_due(today=today)
        return len(captured), sum(result.logged.values())

    NotificationSettings.current()  # the settings row is made on first use
    first_queries, first_rows = count()
    for number in range(30):
        UserFactory(username=f"extra{number}", unit=org.team_b)
    # They joined today; make their hate crime overdue as Team B's is (the state follows the assignment).
    due = today - 10 * DAY
    Assignment.objects.filter(user__username__startswith="extra").update(due_on=due)
    ComplianceState.objects.filter(user__username__startswith="extra").update(due_on=due, next_due=due, sort_due=due)
    Reminder.objects.all().delete()
    second_queries, second_rows = count()
    assert second_rows > first_rows + 20
    assert second_queries == first_queries
