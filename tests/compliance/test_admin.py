"""Requirements and exemptions in the Wagtail admin."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from compliance.factories import RequirementFactory, unit_target
from compliance.models import Assignment, Exemption, Requirement

pytestmark = pytest.mark.django_db


def requirement_form(course, unit, **overrides):
    return nested_form_data(
        {
            "course": course.pk,
            "name": "Hate crime for Team A",
            "description": "",
            "due_rule": "days_after",
            "due_date": "",
            "due_days": 30,
            "starts_on": timezone.localdate().isoformat(),
            "active": "on",
            "targets": inline_formset(
                [{"kind": "unit", "unit": unit.pk, "include_subunits": "on", "rank": "", "user": ""}]
            ),
            **overrides,
        }
    )


def test_an_administrator_creates_a_requirement_and_people_are_assigned_at_once(client_as, people, org, hate_crime):
    response = client_as("administrator").post(reverse("requirements:add"), requirement_form(hate_crime, org.team_a))
    assert response.status_code == 302
    requirement = Requirement.objects.get()
    assert set(Assignment.objects.filter(requirement=requirement).values_list("user__username", flat=True)) == {
        "officer",
        "manager_of_unit",
    }


def test_editing_a_requirement_resyncs_it(client_as, people, org, hate_crime):
    requirement = RequirementFactory(course=hate_crime, targets=[unit_target(org.team_a)])
    data = requirement_form(hate_crime, org.team_b)
    target = requirement.targets.get()
    data.update({"targets-0-id": target.pk})
    data["targets-INITIAL_FORMS"] = 1
    response = client_as("administrator").post(reverse("requirements:edit", args=[requirement.pk]), data)
    assert response.status_code == 302
    current = Assignment.objects.filter(requirement=requirement, ended_on__isnull=True)
    assert set(current.values_list("user__username", flat=True)) == {"other_officer", "manager_of_other_unit"}


def test_a_requirement_needs_someone_and_a_due_rule(client_as, org, hate_crime):
    data = requirement_form(hate_crime, org.team_a, due_days="")
    response = client_as("administrator").post(reverse("requirements:add"), data)
    assert response.status_code == 200
    assert "Give the number of days people have to complete it." in response.content.decode()
    assert not Requirement.objects.exists()


@pytest.mark.parametrize(
    ("role", "list_status", "add_status"),
    [
        ("anonymous", 302, 302),
        ("officer", 302, 302),
        ("other_officer", 302, 302),
        ("trainer", 302, 302),
        ("manager_of_other_unit", 200, 302),
        ("manager_of_unit", 200, 302),
        ("administrator", 200, 200),
    ],
)
def test_requirements_are_set_by_administrators_and_seen_by_managers(client_as, role, list_status, add_status):
    client = client_as(role)
    assert client.get(reverse("requirements:index")).status_code == list_status
    assert client.get(reverse("requirements:add")).status_code == add_status


@pytest.fixture
def requirement(people, org, hate_crime):
    return RequirementFactory(course=hate_crime, targets=[unit_target(org.force)])


def exemption_form(user, requirement, **extra):
    return {
        "user": user.pk,
        "requirement": requirement.pk,
        "reason": "Maternity leave",
        "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
        **extra,
    }


def test_a_manager_exempts_someone_in_their_unit_with_evidence(client_as, people, requirement):
    evidence = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter", content_type="application/pdf")
    response = client_as("manager_of_unit").post(
        reverse("exemptions:add"), exemption_form(people["officer"], requirement, evidence=evidence)
    )
    assert response.status_code == 302
    exemption = Exemption.objects.get()
    assert exemption.granted_by == people["manager_of_unit"]
    assert exemption.evidence.name.startswith("exemption-evidence/") and exemption.evidence.name.endswith(".pdf")
    assert "letter" not in exemption.evidence.name  # stored under a random name


def test_a_manager_cannot_exempt_someone_outside_their_units(client_as, people, requirement):
    response = client_as("manager_of_unit").post(
        reverse("exemptions:add"), exemption_form(people["other_officer"], requirement)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Exemption.objects.exists()


def test_nobody_is_exempted_from_a_requirement_that_does_not_cover_them(client_as, people, org, judaism):
    team_b_only = RequirementFactory(course=judaism, name="Judaism for Team B", targets=[unit_target(org.team_b)])
    response = client_as("manager_of_unit").post(
        reverse("exemptions:add"), exemption_form(people["officer"], team_b_only)
    )
    assert response.status_code == 200
    assert "is not required to complete this, so there is nothing to exempt them from" in response.content.decode()
    assert not Exemption.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.exe", b"MZ", "File extension"),
        ("huge.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024 + 1), "5 MB or smaller"),
    ],
)
def test_evidence_must_be_a_document_of_sensible_size(client_as, people, requirement, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = client_as("administrator").post(
        reverse("exemptions:add"), exemption_form(people["officer"], requirement, evidence=upload)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Exemption.objects.exists()


def test_an_exemption_cannot_end_before_it_starts(client_as, people, requirement):
    data = exemption_form(people["officer"], requirement, ends_on="2020-01-01")
    response = client_as("administrator").post(reverse("exemptions:add"), data)
    assert "An exemption cannot end before it starts." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status", "sees_officer"),
    [
        ("anonymous", 302, False),
        ("officer", 302, False),
        ("trainer", 302, False),
        ("manager_of_other_unit", 200, False),
        ("manager_of_unit", 200, True),
        ("administrator", 200, True),
    ],
)
def test_exemptions_are_listed_within_scope(client_as, people, requirement, role, status, sees_officer):
    Exemption.objects.create(
        user=people["officer"], requirement=requirement, reason="x", granted_by=people["manager_of_unit"]
    )
    response = client_as(role).get(reverse("exemptions:index"))
    assert response.status_code == status
    if status == 200:
        assert (escape(people["officer"].display_name) in response.content.decode()) is sees_officer


def test_exemptions_are_never_edited(client_as, people, requirement):
    exemption = Exemption.objects.create(
        user=people["officer"], requirement=requirement, reason="x", granted_by=people["manager_of_unit"]
    )
    assert client_as("administrator").get(reverse("exemptions:edit", args=[exemption.pk])).status_code == 302
