"""The snapshot reports: who reaches them, scope, filters, the comparison, suppressed exports, bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UnitFactory, UserFactory
from compliance import services
from compliance.factories import RequirementFactory, unit_target
from compliance.models import ComplianceSnapshot
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from tests.compliance.conftest import record_completion
from tests.exports import read_csv, read_xlsx

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)

ROLES = [
    "anonymous",
    "officer",
    "other_officer",
    "trainer",
    "manager_of_other_unit",
    "manager_of_unit",
    "administrator",
]
ROLES_SEEING_REPORTS = {"manager_of_other_unit", "manager_of_unit", "administrator"}


@pytest.fixture
def two_snapshots(people, required, hate_crime):
    """A snapshot 40 days ago and one yesterday; the other officer completed hate crime in between."""
    today = timezone.localdate()
    earlier = services.take_snapshot(day=today - 40 * day)
    record_completion(people["other_officer"], hate_crime, on=today - 20 * day)
    later = services.take_snapshot(day=today - day)
    return earlier, later


def urls(snapshots):
    earlier, later = snapshots
    return {
        "list": reverse("compliance_reports:snapshots"),
        "figures": reverse("compliance_reports:snapshot", args=[later.pk]),
        "compare": reverse("compliance_reports:snapshot_compare"),
    }


@pytest.mark.parametrize("view", ["list", "figures", "compare"])
@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
@pytest.mark.parametrize("role", ROLES)
def test_who_reaches_each_snapshot_view_and_export(client_as, two_snapshots, view, export, role):
    url = urls(two_snapshots)[view]
    response = client_as(role).get(url, {"export": export} if export else {})
    assert response.status_code == (200 if role in ROLES_SEEING_REPORTS else 302)


def test_the_menu_offers_snapshots_to_those_who_may_see_them(client_as, two_snapshots):
    assert reverse("compliance_reports:snapshots") in client_as("manager_of_unit").get("/admin/").content.decode()
    assert reverse("compliance_reports:snapshots") not in client_as("trainer").get("/admin/").content.decode()


def test_an_unknown_snapshot_is_not_found(client_as, two_snapshots):
    response = client_as("administrator").get(reverse("compliance_reports:snapshot", args=[999999]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "sees", "hidden"),
    [
        ("manager_of_unit", {"Team A"}, {"Team B"}),
        ("manager_of_other_unit", {"Team B"}, {"Team A"}),
        ("administrator", {"Team A", "Team B"}, set()),
    ],
)
def test_each_view_and_export_shows_only_the_units_in_scope(client_as, two_snapshots, role, sees, hidden):
    client = client_as(role)
    for name in ("figures", "compare"):
        url = urls(two_snapshots)[name]
        html = client.get(url).content.decode()
        _about, table = read_csv(client.get(url, {"export": "csv"}))
        units = {row[1] for row in table[1:]} - {"All"}
        assert units == sees, name
        for unit in sees:
            assert unit in html
        for unit in hidden:
            assert unit not in html


def test_a_unit_outside_the_scope_cannot_be_chosen(client_as, org, two_snapshots):
    client = client_as("manager_of_unit")
    _about, table = read_csv(client.get(urls(two_snapshots)["figures"], {"export": "csv", "unit": org.team_b.pk}))
    assert {row[1] for row in table[1:]} <= {"Team A", "All"}


def test_the_figures_filter_by_unit_with_its_sub_units_course_and_rank(client_as, org, people, two_snapshots):
    client = client_as("administrator")
    url = urls(two_snapshots)["figures"]
    _about, table = read_csv(client.get(url, {"export": "csv", "unit": org.north.pk}))
    assert {row[1] for row in table[1:]} == {"Team A", "All"}
    _about, table = read_csv(client.get(url, {"export": "csv", "rank": "PC"}))
    assert {row[2] for row in table[1:]} == {"Police Constable", ""}
    _about, table = read_csv(client.get(url, {"export": "csv", "rank": "SGT", "unit": org.team_b.pk}))
    assert [row[1:3] for row in table[1:]] == [["Team B", "Sergeant"], ["All", ""]]
    assert client.get(url, {"rank": "SGT"}).status_code == 200


def test_bad_input_never_breaks_the_views(client_as, two_snapshots):
    client = client_as("administrator")
    for name, params in [
        ("figures", {"unit": "x", "rank": "nope", "course": "-1"}),
        ("compare", {"earlier": "not-a-date", "later": "2020-02-30"}),
        ("compare", {"earlier": "1999-01-31"}),
        ("list", {"p": "99"}),
        ("figures", {"export": "pdf"}),
    ]:
        assert client.get(urls(two_snapshots)[name], params).status_code == 200


def test_the_comparison_shows_each_units_rate_at_both_dates_and_the_change(client_as, two_snapshots):
    earlier, later = two_snapshots
    client = client_as("administrator")
    html = client.get(urls(two_snapshots)["compare"]).content.decode()
    assert f"{earlier.day:%d %B %Y}" in html and f"{later.day:%d %B %Y}" in html
    # Team B's other officer completed in between: 0% then 50% (the sergeant never did).
    assert "+50.0" in html
    # Explicit dates, given in either order.
    again = client.get(
        urls(two_snapshots)["compare"], {"earlier": later.day.isoformat(), "later": earlier.day.isoformat()}
    )
    assert "+50.0" in again.content.decode()


def test_the_exports_are_suppressed_and_say_so(client_as, two_snapshots):
    client = client_as("administrator")
    about, table = read_csv(client.get(urls(two_snapshots)["figures"], {"export": "csv"}))
    assert "Suppression" in about["Filters"] and "<5" in about["Filters"]
    headings, *rows = table
    assert headings[:4] == ["Course", "Unit", "Rank or role", "Required"]
    # Every line here counts one or two people: no count above zero is shown.
    for line in rows:
        for cell in line[3:7]:
            assert cell in ("0", "<5", "[c]"), line
        assert line[7] == ""  # no percentage from withheld counts
    about, table = read_csv(client.get(urls(two_snapshots)["compare"], {"export": "csv"}))
    assert "Suppression" in about["Filters"]
    for line in table[1:]:
        assert line[-1] == ""  # no change from withheld rates
    about, workbook = read_xlsx(client.get(urls(two_snapshots)["figures"], {"export": "xlsx"}))
    assert "Suppression" in about["Filters"]
    sheet = workbook[workbook.sheetnames[0]]
    assert "<5" in {cell for row in sheet.iter_rows(values_only=True) for cell in row}


def test_large_counts_are_published_with_their_percentages(client_as, org, people, hate_crime):
    today = timezone.localdate()
    team = UnitFactory(parent=org.south, name="Big team", code="S-BIG")
    members = UserFactory.create_batch(12, unit=team, rank="PC")
    from accounts.models import UnitMembership

    UnitMembership.objects.update(started_at=timezone.now() - 500 * day)
    RequirementFactory(course=hate_crime, starts_on=today - 400 * day, due_days=90, targets=[unit_target(team)])
    for person in members[:6]:
        record_completion(person, hate_crime, on=today - 100 * day)
    snapshot = services.take_snapshot(day=today - day)
    client = client_as("administrator")
    _about, table = read_csv(
        client.get(reverse("compliance_reports:snapshot", args=[snapshot.pk]), {"export": "csv", "unit": team.pk})
    )
    team_row = next(row for row in table[1:] if row[1] == "Big team")
    assert team_row[3:5] == ["12", "6"] and team_row[7] == "50.0"


#: Queries per view and export (with the session, the viewer, the audit trail's writes).
PINNED = {
    ("compare", False): 21,
    ("compare", True): 12,
    ("figures", False): 18,
    ("figures", True): 12,
    ("list", False): 14,
    ("list", True): 10,
}


def test_the_queries_do_not_grow_with_units_or_courses(client_as, people, org, required):
    today = timezone.localdate()
    services.take_snapshot(day=today - 40 * day)
    services.take_snapshot(day=today - day)

    def counts():
        client = client_as("manager_of_unit")
        snapshot = ComplianceSnapshot.objects.first()
        found = {}
        for name, url in [
            ("list", reverse("compliance_reports:snapshots")),
            ("figures", reverse("compliance_reports:snapshot", args=[snapshot.pk])),
            ("compare", reverse("compliance_reports:snapshot_compare")),
        ]:
            for params in ({}, {"export": "csv"}):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url, params)
                    if params:
                        b"".join(response.streaming_content)
                assert response.status_code == 200
                found[name, bool(params)] = len(queries)
        return found

    counts()  # warm: the site and its settings are cached after the first request
    before = counts()
    assert before == PINNED, repr(sorted(before.items()))
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    for index in range(3):
        unit = UnitFactory(parent=org.team_a, name=f"Extra {index}", code=f"N-A-X{index}")
        course = CoursePageFactory(parent=catalogue, title=f"Extra course {index}", slug=f"extra-{index}")
        UserFactory.create_batch(2, unit=unit)
        RequirementFactory(course=course, starts_on=today - 100 * day, due_days=10, targets=[unit_target(org.team_a)])
    services.take_snapshot(day=today - 2 * day)
    counts()  # warm again: a new page clears the cached settings
    assert counts() == before
