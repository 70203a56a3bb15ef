"""
Wagtail's site history report, its CSV and XLSX exports, and the per-record history views
list the log entries of exemptions and adjustments only to those who may see the person
(docs/security.md §2), and the entries never name the person or the adjustment.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from accounts.history import ScopedSiteHistoryView
from compliance import exemptions
from compliance.factories import RequirementFactory, unit_target
from core.spreadsheets import ABOUT_CSV_LINES
from quizzes import adjustments
from tests.conftest import ROLE_NAMES
from tests.quizzes import conftest as quiz_fixtures

# The quizzes' test fixtures, used here too.
bank, quiz_course, quiz = quiz_fixtures.bank, quiz_fixtures.quiz_course, quiz_fixtures.quiz

pytestmark = pytest.mark.django_db

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")


@pytest.fixture
def grants(people, org, quiz):
    """An exemption and an adjustment for Team A's officer and for Team B's."""
    requirement = RequirementFactory(course=quiz.get_parent().specific, targets=[unit_target(org.force)])
    today = timezone.localdate()
    made = {}
    for officer, manager in (("officer", "manager_of_unit"), ("other_officer", "manager_of_other_unit")):
        exemption = exemptions.grant_exemption(
            person=people[officer],
            requirement=requirement,
            reason="Long-term sick leave",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=60),
            granted_by=people[manager],
        )
        adjustment = adjustments.grant_adjustment(
            person=people[officer],
            quiz=quiz,
            extra_time_percent=25,
            extra_attempts=0,
            reason="Dyslexia",
            granted_by=people["trainer"],
        )
        made[officer] = {str(exemption), str(adjustment)}
    return made


def expected(grants, role) -> set[str]:
    team_a, team_b = grants["officer"], grants["other_officer"]
    adjustments_only = {label for label in team_a | team_b if label.startswith("Adjustment")}
    return {
        "manager_of_unit": team_a,
        "manager_of_other_unit": team_b,
        "administrator": team_a | team_b,
        # Trainers grant adjustments to anyone; they have nothing to do with exemptions.
        "trainer": adjustments_only,
    }[role]


def grant_labels(labels) -> set[str]:
    return {label for label in labels if label.startswith(("Exemption #", "Adjustment #"))}


def test_the_site_history_address_is_served_by_the_scoped_view():
    assert resolve(SITE_HISTORY).func.view_class is ScopedSiteHistoryView
    assert resolve(reverse("wagtailadmin_reports:site_history_results")).func.view_class is ScopedSiteHistoryView


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_site_history_lists_only_the_grants_of_people_the_viewer_may_see(client_as, people, grants, role):
    client = client_as(role)
    response = client.get(SITE_HISTORY)
    if role in ("anonymous", "officer", "other_officer"):
        assert response.status_code == 302  # no admin access at all
        return
    assert response.status_code == 200
    assert grant_labels(entry.label for entry in response.context["object_list"]) == expected(grants, role)
    results = client.get(reverse("wagtailadmin_reports:site_history_results"))
    assert grant_labels(entry.label for entry in results.context["object_list"]) == expected(grants, role)


@pytest.mark.parametrize("role", ["trainer", "manager_of_other_unit", "manager_of_unit", "administrator"])
def test_site_history_exports_are_scoped_and_name_no_one_granted_anything(client_as, people, grants, role):
    client = client_as(role)
    response = client.get(SITE_HISTORY, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))[ABOUT_CSV_LINES:]  # after the report's preamble (tests/exports.py)
    assert rows[0][:2] == ["ID", "Name"]
    assert grant_labels(row[1] for row in rows[1:]) == expected(grants, role)

    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(SITE_HISTORY, {"export": "xlsx"}).streaming_content))
    )
    sheet = workbook.active
    assert grant_labels(row[1] for row in sheet.iter_rows(min_row=2, values_only=True)) == expected(grants, role)

    # Neither officer's name nor the figures appear against their grants, for anyone. (Their
    # full names: the other people's names are generated, and one may share a surname; the
    # export's preamble names the person exporting.)
    for officer in (people["officer"], people["other_officer"]):
        assert officer.get_full_name() not in text
    assert "+25%" not in text


def test_the_name_filter_finds_nothing_by_a_persons_name(client_as, people, grants):
    response = client_as("administrator").get(SITE_HISTORY, {"label": "Morgan"})
    assert grant_labels(entry.label for entry in response.context["object_list"]) == set()


@pytest.mark.parametrize("viewset", ["exemptions", "adjustments"])
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_grants_own_history_is_scoped_too(client_as, people, grants, viewset, role):
    from compliance.models import Exemption
    from quizzes.models import Adjustment

    model = Exemption if viewset == "exemptions" else Adjustment
    record = model.objects.get(user=people["other_officer"])
    response = client_as(role).get(reverse(f"{viewset}:history", args=[record.pk]))
    may_see = {"manager_of_other_unit", "administrator"} | ({"trainer"} if viewset == "adjustments" else set())
    assert (response.status_code == 200) == (role in may_see)
