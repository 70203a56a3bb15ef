"""The outbox in the admin: administrators only, read-only, filtered by state, a fixed number of queries."""

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.models import ModulePage
from tests.conftest import ROLE_NAMES
from xapi.models import Statement, StatementState


@pytest.fixture
def outbox(people, course):
    for role in ("officer", "other_officer"):
        course_services.enrol(user=people[role], course=course)
        for module in ModulePage.objects.child_of(course).order_by("path"):
            course_services.complete_module(user=people[role], module=module)
    Statement.objects.filter(user=people["other_officer"]).update(state=StatementState.SENT)
    return Statement.objects.filter(user=people["officer"]).first()


@pytest.mark.parametrize("view", ["index", "inspect", "add", "edit", "delete"])
def test_only_administrators_open_the_outbox_and_nobody_changes_it(client_as, outbox, view):
    url = reverse(f"xapi_outbox:{view}", args=[] if view in {"index", "add"} else [outbox.pk])
    statuses = {role: client_as(role).get(url).status_code for role in ROLE_NAMES}
    allowed = {"administrator"} if view in {"index", "inspect"} else set()
    assert {role for role, status in statuses.items() if status == 200} == allowed, statuses
    assert {status for role, status in statuses.items() if role not in allowed} <= {302, 403, 404}, statuses
    assert statuses["anonymous"] == 302


def test_the_outbox_filters_by_state(client_as, outbox):
    client = client_as("administrator")
    pending = client.get(reverse("xapi_outbox:index"), {"state": "pending"})
    assert pending.status_code == 200
    assert {row.state for row in pending.context["object_list"]} == {StatementState.PENDING}
    assert len(pending.context["object_list"]) == 7
    sent = client.get(reverse("xapi_outbox:index"), {"state": "sent"})
    assert len(sent.context["object_list"]) == 7
    bad = client.get(reverse("xapi_outbox:index"), {"state": "no-such-state"})
    assert bad.status_code == 200  # the filter says the choice is invalid; never a 500


def test_inspecting_a_statement_shows_its_json_without_the_officers_name(client_as, people, outbox):
    content = client_as("administrator").get(reverse("xapi_outbox:inspect", args=[outbox.pk])).content.decode()
    assert str(outbox.statement_id) in content
    assert people["officer"].last_name not in content


def test_the_outbox_list_costs_the_same_queries_for_more_rows(client_as, outbox):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("administrator")
    url = reverse("xapi_outbox:index")
    client.get(url)
    with CaptureQueriesContext(connection) as fourteen:
        client.get(url)
    Statement.objects.bulk_create(
        [
            Statement(
                statement_id=f"00000000-0000-0000-0000-{number:012d}",
                event=row.event,
                verb=row.verb,
                object_id=row.object_id,
                user_id=row.user_id,
                payload=row.payload,
            )
            for number, row in enumerate(Statement.objects.all())
        ]
    )
    with CaptureQueriesContext(connection) as twenty_eight:
        client.get(url)
    assert len(twenty_eight) == len(fourteen)
