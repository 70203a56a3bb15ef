"""
No token reads outside its scope: a North token sees Team A's people and records and none of
Team B's; a South token the reverse; a whole-force token both. Every endpoint, list and detail.
"""

import pytest

from certificates.models import Certificate
from compliance.models import ComplianceState
from courses.models import CourseCompletion, Enrolment

pytestmark = pytest.mark.django_db

PERSONAL = ["people", "enrolments", "completions", "assignments", "certificates"]


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def person_of(endpoint: str, row: dict) -> int:
    return row["id"] if endpoint == "people" else row["person"]


@pytest.fixture
def records(people, required, hate_crime):
    """Both officers completed hate crime, so both have an enrolment, a completion and a certificate."""
    from django.utils import timezone

    from tests.compliance.conftest import record_completion

    record_completion(people["other_officer"], hate_crime, on=timezone.localdate())
    assert Certificate.objects.filter(user__in=[people["officer"], people["other_officer"]]).count() == 2
    return people


def every_row(api, raw, endpoint):
    response = api(raw).get(f"/api/v1/{endpoint}/", {"page_size": 1000})
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize("endpoint", PERSONAL)
def test_a_units_token_reads_only_people_in_its_units(api, tokens, records, org, endpoint):
    officer, other = records["officer"], records["other_officer"]
    north = {person_of(endpoint, row) for row in every_row(api, tokens["north"], endpoint)}
    south = {person_of(endpoint, row) for row in every_row(api, tokens["south"], endpoint)}
    force = {person_of(endpoint, row) for row in every_row(api, tokens["force"], endpoint)}
    assert officer.pk in north and other.pk not in north
    assert other.pk in south and officer.pk not in south
    assert {officer.pk, other.pk} <= force
    # Nobody outside North in North's answer, nobody outside South in South's.
    from django.contrib.auth import get_user_model

    User = get_user_model()
    assert not User.objects.filter(pk__in=north).exclude(unit__path__startswith=org.north.path).exists()
    assert not User.objects.filter(pk__in=south).exclude(unit__path__startswith=org.south.path).exists()


@pytest.mark.parametrize(
    ("endpoint", "model"),
    [
        ("people", None),
        ("enrolments", Enrolment),
        ("completions", CourseCompletion),
        ("assignments", ComplianceState),
        ("certificates", Certificate),
    ],
)
def test_a_units_token_cannot_read_another_commands_record_by_id(api, tokens, records, endpoint, model):
    other = records["other_officer"]
    if model is None:
        pk = other.pk
    elif model is ComplianceState:
        pk = ComplianceState.objects.filter(user=other).first().assignment_id
    else:
        pk = model.objects.filter(user=other).first().pk
    assert api(tokens["north"]).get(f"/api/v1/{endpoint}/{pk}/").status_code == 404
    assert api(tokens["south"]).get(f"/api/v1/{endpoint}/{pk}/").status_code == 200
    assert api(tokens["force"]).get(f"/api/v1/{endpoint}/{pk}/").status_code == 200


def test_units_are_scoped_and_courses_are_not(api, tokens, org, hate_crime):
    north = ids(api(tokens["north"]).get("/api/v1/units/"))
    assert north == {org.north.pk, org.team_a.pk, org.team_a_sub.pk}
    assert org.force.pk in ids(api(tokens["force"]).get("/api/v1/units/"))
    assert hate_crime.pk in ids(api(tokens["south"]).get("/api/v1/courses/"))


def test_people_in_no_unit_are_read_only_by_whole_force_tokens(api, tokens, people):
    trainer = people["trainer"]  # serves in no unit
    assert trainer.pk in ids(api(tokens["force"]).get("/api/v1/people/", {"page_size": 100}))
    assert trainer.pk not in ids(api(tokens["north"]).get("/api/v1/people/", {"page_size": 100}))


def test_a_filter_cannot_widen_the_scope(api, tokens, records, org):
    """Asking a North token for South's unit gives nothing, not South's people."""
    response = api(tokens["north"]).get("/api/v1/people/", {"unit": org.south.pk})
    assert ids(response) == set()


def test_a_token_with_no_units_reads_nobody(api, people, org):
    from accounts.tokens import issue_token

    raw = issue_token(name="Empty", scopes=["read"], created_by=people["administrator"]).raw
    assert ids(api(raw).get("/api/v1/people/")) == set()
    assert ids(api(raw).get("/api/v1/completions/")) == set()
