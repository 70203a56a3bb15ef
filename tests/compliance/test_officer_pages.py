"""What officers see of their own mandatory training, and evidence files."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import UnitMembership
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from tests.compliance.conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


@pytest.fixture
def requirements(people, org, hate_crime, judaism):
    today = timezone.localdate()
    UnitMembership.objects.update(started_at=timezone.now() - 500 * day)
    RequirementFactory(course=hate_crime, starts_on=today - 400 * day, due_days=90, targets=[unit_target(org.force)])
    RequirementFactory(course=judaism, starts_on=today, due_days=10, targets=[unit_target(org.team_a)])


def test_my_learning_shows_required_training_first_most_urgent_first(client_as, requirements):
    content = client_as("officer").get("/").content.decode()
    required = content.index("Required training")
    overdue = content.index('govuk-tag--red">Overdue')
    due_soon = content.index('govuk-tag--yellow">Due soon')
    assert required < overdue < due_soon < content.index("Courses you can start")
    assert "Some of your required training is overdue" in content


def test_a_completed_requirement_shows_when_it_expires(client_as, people, requirements, hate_crime):
    record_completion(people["officer"], hate_crime, on=timezone.localdate() - 350 * day)
    content = client_as("officer").get("/").content.decode()
    assert "Expiring soon" in content and "take it again soon to renew it" in content
    assert "Some of your required training is overdue" not in content


def test_officers_without_requirements_see_none(client_as, requirements):
    assert "Required training" not in client_as("trainer").get("/").content.decode()


@pytest.mark.parametrize("role", ["anonymous", "officer", "other_officer", "administrator"])
def test_my_record_is_for_each_person_about_themselves(client_as, people, requirements, hate_crime, role):
    record_completion(people["officer"], hate_crime, on=timezone.localdate() - 30 * day, score=95)
    response = client_as(role).get(reverse("compliance:my_record"))
    if role == "anonymous":
        assert response.status_code == 302
        return
    content = response.content.decode()
    assert response.status_code == 200
    assert ("95%" in content) is (role == "officer")


def test_my_record_downloads_as_csv(client_as, people, requirements, hate_crime):
    record_completion(people["officer"], hate_crime, on=datetime.date(2026, 10, 1), score=95)
    response = client_as("officer").get(reverse("compliance:my_record"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0] == "Date,What,Course,Score (%),Valid until,Evidence,Valid from,Provenance"
    assert lines[1].startswith("2026-10-01 12:00,Completed,Hate crime,95.00,2027-10-01,")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 200),  # their own
        ("other_officer", 404),
        ("trainer", 404),
        ("manager_of_other_unit", 404),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_exemption_evidence_is_served_only_to_those_who_may_see_it(client_as, people, requirements, role, status):
    from compliance.models import Requirement

    exemption = ExemptionFactory(
        user=people["officer"],
        requirement=Requirement.objects.first(),
        granted_by=people["manager_of_unit"],
        evidence=SimpleUploadedFile("note.pdf", b"%PDF-1.4 medical note", content_type="application/pdf"),
    )
    response = client_as(role).get(reverse("compliance:evidence", args=[exemption.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 medical note"
