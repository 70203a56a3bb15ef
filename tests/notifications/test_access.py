"""Every reminders view, for each of the seven roles."""

import pytest
from django.urls import reverse

from notifications import services
from notifications.models import NotificationSettings, Reminder, ReminderKind, ReminderSchedule
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

ADMIN = {"administrator"}
MANAGERS = {"manager_of_other_unit", "manager_of_unit", "administrator"}


@pytest.fixture
def logged(force_training, people, today):
    services.queue_due(today=today)
    services.send_due()
    schedule = ReminderSchedule.objects.create(requirement=force_training["judaism"], before_due_days="7")
    officers = Reminder.objects.filter(user=people["officer"], kind=ReminderKind.BEFORE_DUE).first()
    return {"reminder": officers, "schedule": schedule}


def admin_urls(logged):
    reminder, schedule = logged["reminder"], logged["schedule"]
    return {
        "log index": (reverse("reminder_log:index"), ADMIN),
        "log inspect": (reverse("reminder_log:inspect", args=[reminder.pk]), ADMIN),
        "log export": (reverse("reminder_log:index") + "?export=csv", ADMIN),
        "schedules": (reverse("reminder_schedules:index"), ADMIN),
        "schedule add": (reverse("reminder_schedules:add"), ADMIN),
        "schedule edit": (reverse("reminder_schedules:edit", args=[schedule.pk]), ADMIN),
        "preview": (reverse("notifications_reports:preview"), MANAGERS),
        "preview results": (reverse("notifications_reports:preview_results"), MANAGERS),
        "preview csv": (reverse("notifications_reports:preview") + "?export=csv", MANAGERS),
    }


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_admin_views_open_only_to_their_roles(client_as, logged, role):
    client = client_as(role)
    for label, (url, allowed) in admin_urls(logged).items():
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (label, response.status_code)
        elif role == "anonymous":
            assert response.status_code == 302 and "sign-in" in response["Location"], label
        else:
            # Turned away: sent to sign in to the admin, sent to the dashboard, refused or not found.
            assert response.status_code in (302, 403, 404), (label, response.status_code)
            if response.status_code == 302:
                assert response["Location"].split("?")[0] in ("/admin/", "/", "/account/admin-sign-in/"), label


@pytest.mark.parametrize("role", ["anonymous", "trainer", "manager_of_unit", "administrator"])
def test_nobody_adds_edits_or_deletes_the_delivery_log(client_as, logged, role):
    client = client_as(role)
    pk = logged["reminder"].pk
    for url in (f"/admin/reminder_log/edit/{pk}/", f"/admin/reminder_log/delete/{pk}/", "/admin/reminder_log/new/"):
        response = client.post(url, {"status": "sent"})
        assert response.status_code in (302, 403, 404, 405)
    assert Reminder.objects.filter(pk=pk).exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_officers_page_shows_only_their_own_reminders(client_as, logged, people, role):
    response = client_as(role).get(reverse("notifications:mine"))
    if role == "anonymous":
        assert response.status_code == 302 and "sign-in" in response["Location"]
        return
    assert response.status_code == 200
    content = response.content.decode()
    own = Reminder.objects.filter(user=people[role], assignment__isnull=False)
    assert content.count('<tr class="govuk-table__row">') - 1 == (own.count() if own.exists() else -1)
    if role != "officer":
        assert "Judaism guide" not in content or own.filter(course_title="Judaism guide").exists()


def test_the_officer_sees_their_reminders_and_the_link_from_their_record(client_as, logged):
    client = client_as("officer")
    page = client.get(reverse("notifications:mine")).content.decode()
    assert "Judaism guide" in page and "Hate crime" in page and "Before the due date" in page
    record = client.get(reverse("compliance:my_record")).content.decode()
    assert reverse("notifications:mine") in record


def test_the_preview_shows_a_manager_only_their_units_people(client_as, people, force_training):
    url = reverse("notifications_reports:preview")
    team_a = client_as("manager_of_unit").get(url).content.decode()
    assert people["officer"].display_name in team_a
    assert "O&#x27;Neill" not in team_a
    response = client_as("administrator").get(url + "?export=csv")
    everyone = b"".join(response.streaming_content).decode()
    assert "Alex Morgan" in everyone and "O'Neill" in everyone
    # After the export's "about" rows (report, who, when), the header row.
    assert "Person,Address,Reminder,Requirement,About the date,Sequence" in everyone.splitlines()


def test_the_preview_sends_nothing_and_logs_nothing(client_as, force_training):
    from django.core import mail

    client_as("administrator").get(reverse("notifications_reports:preview") + "?kind=overdue")
    assert not Reminder.objects.exists() and not mail.outbox


def test_the_preview_query_count_does_not_grow_with_rows(client_as, force_training, django_assert_max_num_queries):
    client = client_as("administrator")
    client.get(reverse("notifications_reports:preview"))  # settings rows made on first use
    with django_assert_max_num_queries(25):
        assert client.get(reverse("notifications_reports:preview")).status_code == 200


def test_administrators_edit_the_site_wide_defaults(client_as):
    response = client_as("administrator").get(
        reverse(
            "wagtailsettings:edit",
            args=["notifications", "notificationsettings", NotificationSettings.current().site_id],
        )
    )
    assert response.status_code == 200
