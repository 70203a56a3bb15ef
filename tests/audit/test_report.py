"""
The administrators' audit-trail report: only people with ``audit.view_auditevent`` (the
Administrator role) reach it or see it in the menu; it filters by who acted, who it concerned,
what happened and when; it exports exactly; its queries do not grow with the events shown; and
looking at it is itself recorded.
"""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import Action, AuditEvent
from audit.services import record_event
from tests.conftest import ROLE_NAMES
from tests.exports import csv_table

pytestmark = pytest.mark.django_db

URL = reverse("audit:report")


@pytest.fixture
def events(people):
    record_event(
        action=Action.TRANSCRIPT_VIEWED,
        actor=people["manager_of_unit"],
        subject=people["officer"],
        target="record:1",
    )
    record_event(action=Action.SIGN_IN, actor=people["other_officer"], subject=people["other_officer"])
    record_event(
        action=Action.REPORT_EXPORTED,
        actor=people["manager_of_other_unit"],
        target="report:overdue",
        data={"rows": 3, "format": "csv"},
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_reach_the_audit_trail(client_as, events, role):
    response = client_as(role).get(URL)
    if role == "administrator":
        assert response.status_code == 200
        assert "Alex Morgan" in response.content.decode()
    else:
        assert response.status_code == 302
        assert "Alex Morgan" not in response.content.decode()
    export = client_as(role).get(URL, {"export": "csv"})
    assert (export.status_code == 200) == (role == "administrator")


@pytest.mark.parametrize("role", [role for role in ROLE_NAMES if role != "anonymous"])  # anonymous: above
def test_the_reports_menu_lists_the_audit_trail_for_administrators_only(client_as, people, role):
    response = client_as(role).get(reverse("wagtailadmin_home"))
    if response.status_code != 200:
        assert role in ("officer", "other_officer")  # no admin access at all
        return
    assert (URL in response.content.decode()) == (role == "administrator")


def shown(client, **filters) -> set[str]:
    response = client.get(reverse("audit:report_results"), filters)
    assert response.status_code == 200
    return {event.action for event in response.context["object_list"]}


def test_filters_by_person_acting_concerned_action_and_date(client_as, people, events):
    client = client_as("administrator")
    assert shown(client, actor="manager_of_unit") == {Action.TRANSCRIPT_VIEWED}
    assert shown(client, actor="Siobhán") == {Action.SIGN_IN}
    # The people fixture's roles were recorded too, when the accounts were made.
    assert shown(client, subject="Alex Morgan") == {Action.TRANSCRIPT_VIEWED, Action.GROUPS_CHANGED}
    assert shown(client, action=Action.REPORT_EXPORTED) == {Action.REPORT_EXPORTED}
    today = timezone.localdate()
    assert shown(client, occurred_at_from=today.isoformat(), occurred_at_to=today.isoformat()) == {
        Action.TRANSCRIPT_VIEWED,
        Action.SIGN_IN,
        Action.REPORT_EXPORTED,
        Action.GROUPS_CHANGED,
    }
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    assert shown(client, occurred_at_to=yesterday) == set()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert shown(client, occurred_at_from=tomorrow) == set()


def test_a_bad_filter_value_is_a_form_error_not_a_server_error(client_as, events):
    response = client_as("administrator").get(URL, {"action": "no-such-action", "occurred_at_from": "31/31/31"})
    assert response.status_code == 200


def test_the_csv_export_is_exact(client_as, people, events):
    response = client_as("administrator").get(URL, {"export": "csv", "action": Action.REPORT_EXPORTED})
    rows = csv_table(response)  # after the preamble every report's CSV starts with (tests/exports.py)
    event = AuditEvent.objects.get(action=Action.REPORT_EXPORTED)
    assert rows[0] == [
        "Number",
        "When (UTC)",
        "Action code",
        "Action",
        "Person acting (id)",
        "Person acting (as named then)",
        "Person concerned (id)",
        "Person concerned (as named then)",
        "Object",
        "Address",
        "Details",
        "Hash",
    ]
    assert rows[1:] == [
        [
            str(event.sequence),
            rows[1][1],
            "report.exported",
            "Report exported",
            str(people["manager_of_other_unit"].pk),
            people["manager_of_other_unit"].get_full_name(),
            "",
            "",
            "report:overdue",
            "",
            "format: csv, rows: 3",
            event.hash,
        ]
    ]


def test_the_xlsx_export_parses(client_as, people, events):
    response = client_as("administrator").get(URL, {"export": "xlsx", "occurred_at_from": "2000-01-01"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][0] == "Number"
    actions = [row[2] for row in values[1:]]
    # Newest first. The test client's own sign-in as the administrator is the newest event.
    administrator = str(people["administrator"].pk)
    assert (actions[0], str(values[1][4])) == ("auth.sign_in", administrator)
    assert [row[2] for row in values[1:] if str(row[4]) != administrator][:3] == [
        "report.exported",
        "auth.sign_in",
        "record.transcript_viewed",
    ]
    assert len(actions) == AuditEvent.objects.exclude(action=Action.AUDIT_TRAIL_EXPORTED).count()


def test_viewing_and_exporting_the_trail_are_recorded(client_as, people, events):
    client = client_as("administrator")
    client.get(URL, {"action": Action.SIGN_IN})
    viewed = AuditEvent.objects.get(action=Action.AUDIT_TRAIL_VIEWED)
    assert (viewed.actor, viewed.data) == (people["administrator"], {"filters": {"action": "auth.sign_in"}})
    b"".join(client.get(URL, {"export": "csv", "action": Action.SIGN_IN}).streaming_content)
    exported = AuditEvent.objects.get(action=Action.AUDIT_TRAIL_EXPORTED)
    # The fixture's sign-in and the test client's own sign-in as the administrator.
    assert exported.data == {"format": "csv", "filters": {"action": "auth.sign_in"}, "rows": 2}


def test_report_queries_do_not_grow_with_events(client_as, people, django_assert_num_queries):
    client = client_as("administrator")
    client.get(URL)  # warm the session and the site

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    small = count()
    for number in range(60):
        record_event(
            action=Action.RECORD_VIEWED, actor=people["manager_of_unit"], subject=people["officer"], data={"n": number}
        )
    assert count() == small
    with django_assert_num_queries(small):
        client.get(URL)
