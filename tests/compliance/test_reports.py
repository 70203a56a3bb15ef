"""Managers' reports: scoped from every direction, exact exports, bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.factories import UnitFactory, UserFactory
from accounts.models import User
from compliance.factories import RequirementFactory, unit_target
from courses.models import CourseCompletion
from tests.compliance.conftest import record_completion
from tests.exports import read_csv, read_xlsx

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)

REPORTS = ["summary", "officers", "overdue", "expiring", "charts"]
ROLES_SEEING_REPORTS = {"manager_of_other_unit", "manager_of_unit", "administrator"}


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize(
    "role",
    ["anonymous", "officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"],
)
def test_who_reaches_each_report(client_as, required, report, role):
    response = client_as(role).get(reverse(f"compliance_reports:{report}"))
    assert response.status_code == (200 if role in ROLES_SEEING_REPORTS else 302)


@pytest.mark.parametrize(
    ("role", "sees", "hidden"),
    [
        ("manager_of_unit", {"officer"}, {"other_officer"}),
        ("manager_of_other_unit", {"other_officer"}, {"officer"}),
        ("administrator", {"officer", "other_officer"}, set()),
    ],
)
def test_every_report_and_export_shows_exactly_the_people_in_scope(client_as, people, required, role, sees, hidden):
    client = client_as(role)
    for report in ("officers", "overdue", "expiring"):
        html = client.get(reverse(f"compliance_reports:{report}")).content.decode()
        exported = b"".join(client.get(reverse(f"compliance_reports:{report}"), {"export": "csv"}).streaming_content)
        for role_name in hidden:
            assert escape(people[role_name].get_full_name()) not in html
            assert people[role_name].get_full_name().encode() not in exported
    officers = client.get(reverse("compliance_reports:officers")).content.decode()
    for role_name in sees:
        assert escape(people[role_name].get_full_name()) in officers


def test_editing_ids_in_the_url_cannot_widen_the_scope(client_as, people, org, required):
    client = client_as("manager_of_unit")
    # A unit outside their scope in the filter: refused as a choice, so no rows beyond their scope.
    html = client.get(reverse("compliance_reports:officers"), {"unit": org.team_b.pk}).content.decode()
    assert escape(people["other_officer"].display_name) not in html
    # Another officer's record of learning by id.
    assert client.get(reverse("compliance_reports:transcript", args=[people["other_officer"].pk])).status_code == 404
    assert client.get(reverse("compliance_reports:transcript", args=[people["officer"].pk])).status_code == 200
    export = client.get(reverse("compliance_reports:transcript", args=[people["other_officer"].pk]), {"export": "csv"})
    assert export.status_code == 404


def test_summary_rows_roll_up_sub_units_and_cells_drill_down(client_as, people, org, required, hate_crime):
    response = client_as("administrator").get(reverse("compliance_reports:summary"))
    matrix = response.context["matrix"]
    assert [course.title for course in matrix.courses] == ["Hate crime", "Judaism guide"]
    rows = {row.unit.name: row for row in matrix.rows}
    force_hate = rows["Test Constabulary"].cells[0]
    # officer (completed, expiring) and manager_of_unit (exempt) are compliant; Team B's two are overdue.
    # The trainer and the administrator belong to no unit, so a unit requirement does not cover them.
    assert (force_hate.total, force_hate.compliant, force_hate.overdue, force_hate.expiring) == (4, 2, 2, 1)
    assert rows["Team A"].cells[0].total == 2
    assert rows["North Command"].cells[0].total == 2
    content = response.content.decode()
    assert f'?unit={org.team_a.pk}&amp;course={hate_crime.pk}"' in content


def test_a_manager_summary_has_only_their_units(client_as, org, required):
    rows = client_as("manager_of_unit").get(reverse("compliance_reports:summary")).context["matrix"].rows
    assert [row.unit for row in rows] == [org.team_a, org.team_a_sub]


def test_officer_list_filters(client_as, people, required, hate_crime):
    client = client_as("administrator")
    overdue = client.get(reverse("compliance_reports:officers"), {"status": "overdue", "course": hate_crime.pk})
    names = {a.user.username for a in overdue.context["object_list"]}
    assert names == {"other_officer", "manager_of_other_unit"}
    sergeants = client.get(reverse("compliance_reports:officers"), {"rank": "SGT"}).context["object_list"]
    assert {a.user.username for a in sergeants} == {"manager_of_unit", "manager_of_other_unit"}
    expiring = client.get(reverse("compliance_reports:officers"), {"expiring": "true"}).context["object_list"]
    assert [a.user.username for a in expiring] == ["officer"]


def test_expiring_report_takes_a_number_of_days(client_as, people, required):
    client = client_as("administrator")
    assert [a.user.username for a in client.get(reverse("compliance_reports:expiring")).context["object_list"]] == [
        "officer"
    ]
    assert list(client.get(reverse("compliance_reports:expiring"), {"days": "7"}).context["object_list"]) == []
    assert client.get(reverse("compliance_reports:expiring"), {"days": "lots"}).status_code == 200


def test_officer_list_csv_is_exact(client_as, people, required, hate_crime):
    today = timezone.localdate()
    response = client_as("manager_of_unit").get(
        reverse("compliance_reports:officers"), {"export": "csv", "course": hate_crime.pk}
    )
    assert response.streaming
    # Named for the report, the scope (the manager's unit) and the day.
    assert response["Content-Disposition"] == f'attachment; filename="training-status-team-a-{today:%Y-%m-%d}.csv"'
    about, rows = read_csv(response)
    assert about["Report"] == "Officers' training status"
    assert about["Exported by"] == f"{people['manager_of_unit'].display_name} (manager_of_unit)"
    assert about["Filters"] == "Course: Hate crime"
    exported_at = datetime.datetime.fromisoformat(about["Exported at"])
    assert abs(exported_at - timezone.now()) < datetime.timedelta(minutes=5)
    officer = people["officer"]
    completed_on = today - 350 * day
    assert rows[0] == [
        "Warrant number",
        "Name",
        "Rank",
        "Unit",
        "Course",
        "Status",
        "Due",
        "Completed",
        "Valid until",
        "Score (%)",
        "Provenance",
    ]
    assert sorted(rows[1:]) == sorted(
        [
            [
                officer.warrant_number,
                officer.display_name,  # the export keeps the whole name, as a record names an officer
                "Police Constable",
                "Team A",
                "Hate crime",
                "Completed, expiring",
                # Once completed, what is due next is the renewal: the day the completion runs out.
                str(CourseCompletion.valid_until_for(completed_on, 12)),
                str(completed_on),
                str(CourseCompletion.valid_until_for(completed_on, 12)),
                "90.00",
                "Completed here",
            ],
            [
                people["manager_of_unit"].warrant_number,
                people["manager_of_unit"].display_name,
                "Sergeant",
                "Team A",
                "Hate crime",
                "Exempt",
                str(today - 310 * day),
                "",
                "",
                "",
                "Exempt",
            ],
        ]
    )


def test_officer_list_xlsx(client_as, people, required):
    response = client_as("administrator").get(
        reverse("compliance_reports:officers"), {"export": "xlsx", "status": ["overdue", "exempt"]}
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="training-status-all-units-{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    about, workbook = read_xlsx(response)
    # The rows on a sheet named after the report, then what the export is.
    assert workbook.sheetnames == ["Officers' training status", "About this export"]
    assert about["Report"] == "Officers' training status"
    assert about["Exported by"].endswith("(administrator)")
    assert about["Filters"] == "Status: Overdue, Exempt"
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:2] == ("Warrant number", "Name")
    assert {row[5] for row in rows[1:]} <= {"Overdue", "Exempt"}

    everything = client_as("administrator").get(reverse("compliance_reports:officers"), {"export": "xlsx"})
    about, workbook = read_xlsx(everything)
    assert about["Filters"] == "None"
    assert workbook.worksheets[0].max_row == 1 + 4 + 2  # four people for hate crime, two in Team A for Judaism


def test_summary_csv_is_exact(client_as, org, required):
    response = client_as("manager_of_unit").get(reverse("compliance_reports:summary"), {"export": "csv"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="compliance-summary-team-a-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    about, rows = read_csv(response)
    assert about["Report"] == "Compliance summary"
    assert rows == [
        [
            "Unit",
            "Course",
            "People required",
            "Compliant",
            "Compliant (%)",
            "Rating",
            "Overdue or expired",
            "Expiring soon",
            "Due soon",
        ],
        ["Team A", "Hate crime", "2", "2", "100", "green", "0", "1", "0"],
        ["Team A", "Judaism guide", "2", "0", "0", "red", "0", "0", "2"],
        ["Team A night section", "Hate crime", "0", "0", "", "", "0", "0", "0"],
        ["Team A night section", "Judaism guide", "0", "0", "", "", "0", "0", "0"],
    ]


def test_charts_show_units_and_twelve_months_each_with_a_table(client_as, people, org, required, hate_crime):
    record_completion(people["other_officer"], hate_crime, on=timezone.localdate() - 40 * day)
    response = client_as("administrator").get(reverse("compliance_reports:charts"))
    bars = {bar.label: bar for bar in response.context["bars"]}
    assert (bars["Test Constabulary"].compliant, bars["Test Constabulary"].total) == (3, 6)
    assert set(bars) == {"Test Constabulary", "North Command", "South Command"}
    points = response.context["points"]
    assert len(points) == 12
    assert points[-1].day == timezone.localdate()
    assert (points[-1].compliant, points[-1].total) == (3, 6)
    # Each month end before the other officer completed (40 days ago) counts only the officer's
    # completion (made 350 days ago, within the chart's year from its second point on), and no
    # exemption (it began yesterday) or Judaism guide (required from today). Which month ends
    # those are depends on the day the suite runs, so they are found by date, not by position.
    today = timezone.localdate()
    before = [point for point in points[:-1] if today - 350 * day <= point.day < today - 40 * day]
    after = [point for point in points[:-1] if today - 40 * day <= point.day < today - day]
    assert before and after  # a 40-day gap always holds a month end, and the year holds many before it
    assert {(point.compliant, point.total) for point in before} == {(1, 4)}
    assert {(point.compliant, point.total) for point in after} == {(2, 4)}
    content = response.content.decode()
    assert content.count('role="img"') == 2
    assert "Compliance at the end of each month" in content


def test_charts_are_scoped(client_as, people, required):
    bars = client_as("manager_of_other_unit").get(reverse("compliance_reports:charts")).context["bars"]
    assert [bar.label for bar in bars] == ["Team B"]


@pytest.mark.parametrize("role", ["manager_of_other_unit", "manager_of_unit", "administrator"])
def test_the_trend_line_counts_only_the_people_in_scope(client_as, people, required, role):
    from compliance.selectors import Window, scoped_assignments

    # Every assignment in the fixture starts on or before today, so today's point must equal
    # the viewer's current assignments, and no earlier point can count more.
    points = client_as(role).get(reverse("compliance_reports:charts")).context["points"]
    in_scope = scoped_assignments(people[role], Window.now())
    assert points[-1].total == in_scope.count() > 0
    assert points[-1].compliant == in_scope.filter(status__in=["completed", "exempt"]).count()
    assert all(point.total <= points[-1].total for point in points)


def test_the_dashboard_panel_answers_the_manager_at_a_glance(client_as, required):
    content = client_as("manager_of_unit").get(reverse("wagtailadmin_home")).content.decode()
    assert "Training in your units" in content
    assert "expiring within 30 days" in content
    assert "Training in your units" not in client_as("trainer").get(reverse("wagtailadmin_home")).content.decode()


def test_transcript_lists_completions_and_exemptions_in_order(client_as, people, required, hate_crime):
    record_completion(people["officer"], hate_crime, on=timezone.localdate() - 5 * day, score=100)
    response = client_as("manager_of_unit").get(reverse("compliance_reports:transcript", args=[people["officer"].pk]))
    kinds = [(entry.kind, entry.record.score) for entry in response.context["entries"]]
    assert kinds == [("completion", 90), ("completion", 100)]
    exempt = client_as("administrator").get(
        reverse("compliance_reports:transcript", args=[people["manager_of_unit"].pk])
    )
    assert [entry.kind for entry in exempt.context["entries"]] == ["exemption"]


# Bounded queries, small and larger


def grow(org, hate_crime, judaism, officers: int, units: int, courses: int = 2):
    """More officers, units, completions and required courses (more columns), all in scope."""
    from courses.factories import CoursePageFactory, ModulePageFactory
    from courses.models import CourseCataloguePage

    today = timezone.localdate()
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    extra_courses = []
    for number in range(courses):
        course = CoursePageFactory(parent=catalogue, title=f"Extra course {number}", validity_months=12)
        ModulePageFactory(parent=course, title=f"Extra module {number}")
        RequirementFactory(course=course, name=f"Extra {number}", targets=[unit_target(org.force)])
        extra_courses.append(course)
    parents = [UnitFactory(parent=org.north, name=f"Extra team {n}") for n in range(units)]
    officer = User.objects.get(username="officer")
    for index in range(officers):
        person = UserFactory(unit=parents[index % len(parents)] if parents else org.team_a)
        if index % 2:
            record_completion(person, hate_crime, on=today - (index * 13 % 500) * day)
    for course in extra_courses:
        record_completion(officer, course, on=today - 30 * day, score=80)
    RequirementFactory(course=judaism, name="More", targets=[unit_target(org.north)])


def queries_for(client, url, data=None) -> int:
    client.get(url, data or {})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data or {})
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(captured)


@pytest.mark.parametrize(
    ("report", "data", "pinned"),
    # Every view that reads today's status from the stored state makes one indexed query
    # first (``services.refresh_lapsed``: re-pick exemptions that lapsed; normally none), and
    # a manager's (the dashboard here) one more for the paths of the units they manage,
    # which then filter the state by indexed prefix instead of a subquery per row. The charts
    # here have no snapshots yet, so each past month end is one query on the history (11);
    # with them taken, see ``tests/compliance/test_snapshots.py``. Each view and export of a
    # report appends one audit event: three queries (lock and move the chain head, insert,
    # store the head's hash).
    [
        ("summary", None, 18),
        ("summary", {"export": "csv"}, 14),
        ("summary", {"export": "xlsx"}, 14),
        ("officers", None, 18),
        ("officers", {"export": "csv"}, 12),
        ("officers", {"export": "xlsx"}, 12),
        ("overdue", None, 18),
        ("overdue", {"export": "csv"}, 12),
        ("expiring", None, 18),
        ("expiring", {"export": "xlsx"}, 12),
        ("charts", None, 29),
        ("charts", {"export": "csv", "table": "units"}, 13),
        ("charts", {"export": "xlsx", "table": "months"}, 24),
        ("transcript", None, 20),  # and the certificates section (the record_of_learning_sections hook)
        ("transcript", {"export": "csv"}, 12),
        # A manager's dashboard has no Wagtail page or workflow panels (home/dashboard.py).
        ("dashboard", None, 14),
    ],
)
def test_report_queries_do_not_grow_with_officers_units_or_courses(
    client_as, people, org, required, hate_crime, judaism, report, data, pinned
):
    if report == "transcript":
        url = reverse("compliance_reports:transcript", args=[people["officer"].pk])
    elif report == "dashboard":
        url = reverse("wagtailadmin_home")
    else:
        url = reverse(f"compliance_reports:{report}")
    client = client_as("manager_of_unit" if report == "dashboard" else "administrator")
    small = queries_for(client, url, data)
    grow(org, hate_crime, judaism, officers=60, units=6, courses=3)
    assert (small, queries_for(client, url, data)) == (pinned, pinned)


def test_a_summary_cell_reads_100_percent_only_when_everyone_is_compliant():
    from compliance.selectors import Cell

    assert Cell(total=400, compliant=399, overdue=1, expiring=0, due_soon=0).percent == 99
    assert Cell(total=400, compliant=400, overdue=0, expiring=0, due_soon=0).percent == 100
    assert Cell(total=20, compliant=19, overdue=1, expiring=0, due_soon=0).percent == 95  # exactly the green mark
    assert Cell(total=1000, compliant=949, overdue=51, expiring=0, due_soon=0).percent == 94  # not yet green
