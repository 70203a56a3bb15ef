"""
The officer lists page by cursor (compliance/pagination.py): every row exactly once, in a
stable order, the last page as cheap as the first, and a bad cursor a clear 400.
"""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from compliance.pagination import KeysetPaginator
from compliance.reports import OfficerStatusReportView
from compliance.selectors import Window, scoped_assignments
from tests.compliance.conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)
PAGE = 4


@pytest.fixture
def many(people, org, required, hate_crime, monkeypatch):
    """
    Eighteen more people in Team A: ties on the due date (one requirement, one start), some
    with no next due date (completed a course that never expires), some renewing on different
    days. Pages of four, so the lists run to several pages.
    """
    monkeypatch.setattr(OfficerStatusReportView, "paginate_by", PAGE)
    today = timezone.localdate()
    for number in range(18):
        person = UserFactory(unit=org.team_a, last_name=f"Extra{number:02d}")
        if number % 3 == 0:
            record_completion(person, hate_crime, on=today - number * day, valid_until=None)
        elif number % 3 == 1:
            record_completion(person, hate_crime, on=today - (number % 5) * day)
    return people


def expected_order(viewer, **filters) -> list[int]:
    rows = scoped_assignments(viewer, Window.now()).filter(**filters)
    return [a.pk for a in sorted(rows, key=lambda a: (a.next_due is None, a.next_due or datetime.date.min, a.pk))]


def walk(client, url, direction: str) -> list[list[int]]:
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append([a.pk for a in response.context["object_list"]])
        url = response.context["keyset"][f"{direction}_url"] if "keyset" in response.context else None
    return pages


def test_next_links_chain_through_every_row_exactly_once_in_order(client_as, many):
    pages = walk(client_as("administrator"), reverse("compliance_reports:officers"), "next")
    rows = [pk for page in pages for pk in page]
    expected = expected_order(many["administrator"])
    assert len(expected) > 5 * PAGE  # enough to need several pages, with nulls and ties among them
    assert rows == expected
    assert all(len(page) == PAGE for page in pages[:-1])


def test_last_and_previous_links_walk_back_to_the_first_row(client_as, many):
    client = client_as("administrator")
    first = client.get(reverse("compliance_reports:officers"))
    assert first.context["keyset"]["previous_url"] is None
    pages = walk(client, first.context["keyset"]["last_url"], "previous")
    rows = [pk for page in reversed(pages) for pk in page]
    assert rows == expected_order(many["administrator"])
    last = client.get(first.context["keyset"]["last_url"]).context["keyset"]
    assert last["next_url"] is None and last["last_url"] is None
    assert last["first_url"] and last["previous_url"]


def test_the_last_page_costs_the_same_queries_as_the_first_and_neither_counts_nor_offsets(client_as, many):
    client = client_as("administrator")
    url = reverse("compliance_reports:officers")
    first_page = client.get(url)
    captured = {}
    for name, page_url in (("first", url), ("last", first_page.context["keyset"]["last_url"])):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url).status_code == 200
        captured[name] = [query["sql"] for query in queries]
    assert len(captured["first"]) == len(captured["last"])
    for sql in captured["first"] + captured["last"]:
        assert "COUNT(" not in sql.upper()
        assert "OFFSET" not in sql.upper()


def test_the_drill_down_from_a_summary_cell_pages_its_rows(client_as, many, org, hate_crime):
    client = client_as("manager_of_unit")
    summary = client.get(reverse("compliance_reports:summary")).content.decode()
    link = re.search(rf'href="([^"]*\?unit={org.team_a.pk}&amp;course={hate_crime.pk})"', summary)
    pages = walk(client, unescape(link.group(1)), "next")
    assert len(pages) > 1
    rows = [pk for page in pages for pk in page]
    assert rows == expected_order(many["manager_of_unit"], course=hate_crime, user__unit=org.team_a)


def test_filters_survive_the_page_links_and_the_results_view_links_to_the_full_page(client_as, many, hate_crime):
    client = client_as("administrator")
    response = client.get(reverse("compliance_reports:officers_results"), {"course": hate_crime.pk})
    next_url = response.context["keyset"]["next_url"]
    assert next_url.startswith(reverse("compliance_reports:officers") + "?")
    assert f"course={hate_crime.pk}" in next_url
    following = client.get(next_url)
    assert {a.course_id for a in following.context["object_list"]} == {hate_crime.pk}


def test_removing_a_filter_starts_the_wider_list_again(client_as, many, hate_crime):
    client = client_as("administrator")
    next_url = client.get(reverse("compliance_reports:officers"), {"course": hate_crime.pk}).context["keyset"][
        "next_url"
    ]
    second = client.get(next_url)
    removals = [active.removed_filter_url for active in second.context["view"].active_filters]
    assert removals
    assert all("after=" not in url and "before=" not in url for url in removals)


def test_the_page_links_are_an_accessible_navigation(client_as, many):
    content = client_as("administrator").get(reverse("compliance_reports:officers")).content.decode()
    nav = re.search(r'<nav class="pagination" aria-label="Pages of results">(.*?)</nav>', content, re.S).group(1)
    assert ">Next page</a>" in nav and ">Last page</a>" in nav
    assert "Previous page</a>" not in nav  # no link to a page that does not exist


@pytest.mark.parametrize(
    "query",
    [
        {"after": "not-a-cursor"},
        {"before": "e30:tampered"},
        {"after": "end"},
        {"after": "abc:def:ghi"},
    ],
)
@pytest.mark.parametrize("view", ["officers", "officers_results", "overdue"])
def test_a_malformed_cursor_is_a_clear_400(client_as, many, query, view):
    response = client_as("administrator").get(reverse(f"compliance_reports:{view}"), query)
    assert response.status_code == 400
    assert "This page link is not valid" in response.content.decode()


def test_an_edited_cursor_is_refused_even_if_it_decodes(client_as, many):
    client = client_as("administrator")
    next_url = client.get(reverse("compliance_reports:officers")).context["keyset"]["next_url"]
    token = re.search(r"after=([^&]+)", next_url).group(1)
    payload, signature = token.rsplit("%3A", 1)
    edited = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB")
    assert client.get(reverse("compliance_reports:officers"), {"after": f"{edited}:{signature}"}).status_code == 400
    both = {"after": "x", "before": "y"}
    assert client.get(reverse("compliance_reports:officers"), both).status_code == 400


def test_a_cursor_made_for_another_ordering_is_refused(client_as, many):
    from compliance.models import Assignment

    other = KeysetPaginator(Assignment.objects.all(), ("due_on", "pk"), PAGE)
    token = other.encode(Assignment.objects.order_by("pk").first())
    response = client_as("administrator").get(reverse("compliance_reports:officers"), {"after": token})
    assert response.status_code == 400


def test_cursors_never_widen_the_scope(client_as, many, people):
    """A cursor carries a position, not a scope: another manager's cursor shows only their own people."""
    admin_next = client_as("administrator").get(reverse("compliance_reports:officers")).context["keyset"]["next_url"]
    token = re.search(r"after=([^&]+)", admin_next).group(1)
    response = client_as("manager_of_other_unit").get(f"{reverse('compliance_reports:officers')}?after={token}")
    assert response.status_code == 200
    visible = {a.user.unit_id for a in response.context["object_list"]}
    assert visible <= {people["manager_of_other_unit"].unit_id}
