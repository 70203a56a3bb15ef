"""The satisfaction report and the comments: figures, who sees what, exports, query counts."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.exports import read_csv, read_xlsx
from tests.feedback.conftest import add_responses

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "officer",
    "other_officer",
    "trainer",
    "manager_of_other_unit",
    "manager_of_unit",
    "administrator",
]
SEEING = {"trainer", "manager_of_other_unit", "manager_of_unit", "administrator"}
P = "\u00a0%"

HEADINGS = [
    "Course",
    "Unit at the time",
    "Responses",
    "Found it useful (4 or 5)",
    "Found it useful (%)",
    "Average usefulness (1–5)",
    *[f"Usefulness {n}" for n in range(1, 6)],
    "Average confidence (1–5)",
    *[f"Confidence {n}" for n in range(1, 6)],
    "Comments",
]
ALL = "All units in your scope"
#: What each role's export holds: everything for trainers and administrators, each manager's units only.
FORCE_ROWS = [
    ["Hate crime", ALL, "6", "5", f"83{P}", "4.2", "0", "0", "1", "3", "2", "3.7", "0", "1", "2", "1", "2", "5"],
    ["Judaism guide", ALL, "3", "2", f"67{P}", "3.7", "1", "0", "0", "0", "2", "3.7", "1", "0", "0", "0", "2", "0"],
]
EXPECTED_ROWS = {
    "trainer": FORCE_ROWS,
    "administrator": FORCE_ROWS,
    "manager_of_unit": [
        ["Hate crime", ALL, "5", "4", f"80{P}", "4.2", "0", "0", "1", "2", "2", "3.4", "0", "1", "2", "1", "1", "5"],
        FORCE_ROWS[1],
    ],
    "manager_of_other_unit": [
        ["Hate crime", ALL, "1", "1", f"100{P}", "4.0", "0", "0", "0", "1", "0", "5.0", "0", "0", "0", "0", "1", "0"],
    ],
}


@pytest.fixture
def rated(org, course, other_course):
    """Hate crime: 5 answers from Team A (with comments), 1 from Team B. Judaism guide: 3 from Team A."""
    add_responses(course, org.team_a, [(5, 5), (4, 3), (4, 4), (5, 2), (3, 3)], comment="Mention Sgt Smith")
    add_responses(course, org.team_b, [(4, 5)])
    add_responses(other_course, org.team_a, [(5, 5), (5, 5), (1, 1)])


@pytest.mark.parametrize("report", ["satisfaction", "comments"])
@pytest.mark.parametrize("role", ROLES)
def test_who_reaches_each_report(client_as, rated, report, role):
    client = client_as(role)
    for url in (reverse(f"feedback_reports:{report}"), reverse(f"feedback_reports:{report}_results")):
        response = client.get(url)
        assert response.status_code == (200 if role in SEEING else 302)
    export = client.get(reverse(f"feedback_reports:{report}"), {"export": "csv"})
    assert export.status_code == (200 if role in SEEING else 302)


@pytest.mark.parametrize("role", sorted(SEEING))
def test_the_csv_export_holds_exactly_the_figures_in_scope(client_as, rated, role):
    response = client_as(role).get(reverse("feedback_reports:satisfaction"), {"export": "csv"})
    about, table = read_csv(response)
    assert about["Report"] == "Course satisfaction"
    assert table[0] == HEADINGS
    assert table[1:] == EXPECTED_ROWS[role]
    assert response["Content-Disposition"].startswith('attachment; filename="course-satisfaction')


def test_the_xlsx_export_holds_the_same_figures(client_as, rated):
    response = client_as("trainer").get(reverse("feedback_reports:satisfaction"), {"export": "xlsx"})
    about, workbook = read_xlsx(response)
    assert about["Report"] == "Course satisfaction"
    sheet = next(sheet for sheet in workbook.worksheets if sheet.title != "About this export")
    rows = [[("" if cell is None else str(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADINGS
    assert [row[:5] for row in rows[1:]] == [row[:5] for row in FORCE_ROWS]


def test_the_report_breaks_figures_down_by_the_unit_at_the_time(client_as, rated, people, org):
    # Moving an officer later changes nothing: the unit is the one they answered in.
    User.objects.filter(unit=org.team_a).update(unit=org.team_b)
    response = client_as("trainer").get(reverse("feedback_reports:satisfaction"), {"export": "csv", "by_unit": "true"})
    table = read_csv(response)[1]
    assert [row[:4] for row in table[1:]] == [
        ["Hate crime", "Team A", "5", "4"],
        ["Hate crime", "Team B", "1", "1"],
        ["Judaism guide", "Team A", "3", "2"],
    ]


def test_a_manager_filters_by_unit_only_within_scope(client_as, rated, org):
    client = client_as("manager_of_other_unit")
    response = client.get(reverse("feedback_reports:satisfaction"), {"unit": org.team_a.pk, "export": "csv"})
    # A unit outside the scope is not a valid choice: the filter is ignored, the scope still applies.
    assert read_csv(response)[1][1:] == EXPECTED_ROWS["manager_of_other_unit"]


def test_the_page_shows_the_figures(client_as, rated):
    content = client_as("trainer").get(reverse("feedback_reports:satisfaction")).content.decode()
    assert "Hate crime" in content and f"83{P}" in content and "3: 1 · 4: 3 · 5: 2" in content


@pytest.mark.parametrize(
    ("role", "comments"),
    [("trainer", 5), ("administrator", 5), ("manager_of_unit", 5), ("manager_of_other_unit", 0)],
)
def test_comments_are_shown_without_names_only_where_five_answered_in_scope(client_as, rated, role, comments):
    response = client_as(role).get(reverse("feedback_reports:comments"), {"export": "csv"})
    table = read_csv(response)[1]
    assert table[0] == ["Course", "Usefulness (1–5)", "Confidence (1–5)", "Comment"]
    assert len(table) - 1 == comments
    assert all(row[0] == "Hate crime" and row[3] == "Mention Sgt Smith" for row in table[1:])
    page = client_as(role).get(reverse("feedback_reports:comments")).content.decode()
    assert "Team A" not in page.split("<main", 1)[-1].split("</form>", 1)[-1]


def test_comments_in_an_export_are_neutralised(client_as, org, course):
    add_responses(course, org.team_a, [(3, 3)] * 5, comment='=HYPERLINK("http://x","y")')
    table = read_csv(client_as("trainer").get(reverse("feedback_reports:comments"), {"export": "csv"}))[1]
    assert table[1][3] == '\'=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("query", [{"course": "abc"}, {"unit": str(2**64)}, {"submitted_after": "never"}, {"p": "-1"}])
def test_bad_filters_never_fail(client_as, rated, query):
    assert client_as("trainer").get(reverse("feedback_reports:satisfaction"), query).status_code == 200


def test_report_query_counts_do_not_grow_with_responses(
    client_as, org, course, other_course, django_assert_num_queries
):
    client = client_as("manager_of_unit")
    add_responses(course, org.team_a, [(4, 4)] * 5, comment="Fine")
    urls = [reverse("feedback_reports:satisfaction"), reverse("feedback_reports:comments")]
    for url in urls:
        client.get(url)
    counts = {}
    for url in urls:
        with django_assert_num_queries(QUERIES[url.rsplit("/", 2)[-2]]) as captured:
            client.get(url)
        counts[url] = len(captured)
    add_responses(course, org.team_a, [(2, 5)] * 10, comment="More")
    add_responses(other_course, org.team_a, [(5, 1)] * 10, comment="Others")
    for url in urls:
        with django_assert_num_queries(counts[url]):
            client.get(url)


QUERIES = {"feedback": 12, "comments": 12}
