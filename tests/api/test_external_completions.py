"""
Recording a completion done elsewhere through the API: imported, with its evidence reference,
through compliance.prior (one transaction, audit-recorded), only for people in the token's units,
and idempotent by the caller's external id.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from accounts.tokens import issue_token
from api.models import ExternalCompletion
from audit.models import Action, AuditEvent
from compliance.models import ComplianceState, PriorCertification
from courses.models import CourseCompletion, Provenance

pytestmark = pytest.mark.django_db
URL = "/api/v1/external-completions/"


@pytest.fixture
def body(people, judaism):
    return {
        "external_id": "HR-2026-0001",
        "warrant_number": people["officer"].warrant_number,
        "course": judaism.pk,
        "completed_on": (timezone.localdate() - datetime.timedelta(days=30)).isoformat(),
        "evidence_reference": "Classroom register 2026/17",
    }


def test_a_completion_is_recorded_as_imported_with_its_evidence(api, tokens, people, judaism, required, body):
    response = api(tokens["writer"]).post(URL, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["created"] is True
    assert data["completion"]["provenance"] == Provenance.IMPORTED
    assert data["completion"]["person"] == people["officer"].pk
    completion = CourseCompletion.objects.get(pk=data["completion"]["id"])
    assert completion.evidence["evidence_reference"] == "Classroom register 2026/17"
    prior = PriorCertification.objects.get(completion=completion)
    assert prior.kind == PriorCertification.Kind.IMPORTED
    assert prior.recorded_by == people["administrator"]
    assert ExternalCompletion.objects.get(external_id="HR-2026-0001").prior == prior
    assert AuditEvent.objects.filter(action=Action.API_COMPLETION_RECORDED, subject=people["officer"]).exists()
    assert AuditEvent.objects.filter(action=Action.PRIOR_CERTIFICATION_RECORDED, subject=people["officer"]).exists()
    # The person's compliance state follows in the same transaction.
    state = ComplianceState.objects.get(user=people["officer"], course=judaism)
    assert state.completion_id == completion.pk


def test_sending_the_same_record_again_records_nothing_new(api, tokens, judaism, required, body):
    client = api(tokens["writer"])
    first = client.post(URL, body, format="json").json()
    again = client.post(URL, body, format="json")
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["completion"]["id"] == first["completion"]["id"]
    assert PriorCertification.objects.count() == 1


def test_the_same_external_id_with_other_facts_is_a_conflict(api, tokens, judaism, required, body):
    client = api(tokens["writer"])
    client.post(URL, body, format="json")
    response = client.post(URL, {**body, "evidence_reference": "Another"}, format="json")
    assert response.status_code == 409
    assert PriorCertification.objects.count() == 1


def test_a_person_outside_the_tokens_units_cannot_be_recorded(api, tokens, people, judaism, body):
    body = {**body, "warrant_number": people["other_officer"].warrant_number}
    response = api(tokens["writer"]).post(URL, body, format="json")
    assert response.status_code == 400
    assert "person" in response.json()
    assert not PriorCertification.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"course": 999999}, "course"),
        ({"completed_on": "2999-01-01"}, "completed_on"),
        ({"completed_on": "yesterday"}, "completed_on"),
        ({"evidence_reference": ""}, "evidence_reference"),
        ({"person": 1}, "person"),  # two identifiers
        ({"external_id": ""}, "external_id"),
    ],
)
def test_bad_input_gets_a_400_naming_the_field(api, tokens, judaism, body, change, field):
    response = api(tokens["writer"]).post(URL, {**body, **change}, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not PriorCertification.objects.exists()


def test_a_token_whose_creator_lost_the_right_cannot_record(api, people, org, judaism, body):
    manager = people["manager_of_unit"]
    raw = issue_token(
        name="Wrongly made",
        scopes=[ApiToken.Scope.RECORD_COMPLETIONS],
        units=[org.team_a],
        created_by=manager,
    ).raw
    response = api(raw).post(URL, body, format="json")
    assert response.status_code == 403
    assert not PriorCertification.objects.exists()


def test_a_failure_after_the_record_leaves_nothing(api, tokens, judaism, body, monkeypatch):
    """All or nothing: if remembering the external id fails, the completion is not kept either."""

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ExternalCompletion.objects, "create", fail)
    client = api(tokens["writer"])
    client.raise_request_exception = False
    response = client.post(URL, body, format="json")
    assert response.status_code == 500
    assert not PriorCertification.objects.exists()
    assert not CourseCompletion.objects.filter(provenance=Provenance.IMPORTED).exists()
