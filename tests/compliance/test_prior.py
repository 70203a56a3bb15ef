"""
Prior certifications (compliance.prior): administrators record training done elsewhere or
on paper (imported) or done here outside the platform (recorded by an administrator). Each
creates a completion with its own period and provenance, and the compliance state follows
in the same transaction; bad input is refused with a clear message and writes nothing.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, AuditEvent
from compliance.models import ComplianceState, PriorCertification
from compliance.prior import record_prior_certification
from courses.models import CourseCompletion, Enrolment, EnrolmentSource, Provenance
from courses.signals import course_completed

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


@pytest.fixture
def announced():
    sent = []

    def receiver(sender, enrolment, completion=None, **kwargs):
        sent.append(completion)

    course_completed.connect(receiver)
    yield sent
    course_completed.disconnect(receiver)


def record(people, course, *, who="other_officer", by="administrator", kind="imported", on=None, **kwargs):
    return record_prior_certification(
        person=people[who],
        course=course,
        completed_on=on or timezone.localdate() - 30 * day,
        kind=kind,
        recorded_by=people[by],
        **kwargs,
    )


def nothing_written():
    return not (
        PriorCertification.objects.exists()
        or CourseCompletion.objects.filter(provenance__in=[Provenance.IMPORTED, Provenance.RECORDED]).exists()
        or Enrolment.objects.filter(source__in=[EnrolmentSource.IMPORTED, EnrolmentSource.RECORDED]).exists()
    )


def test_an_imported_certification_counts_with_its_own_period_and_no_announcement(
    people, required, hate_crime, announced
):
    on = timezone.localdate() - 30 * day
    prior = record(people, hate_crime, on=on, note="Certificate from the Met, 2026")
    completion = prior.completion
    assert completion.provenance == Provenance.IMPORTED
    assert completion.enrolment.source == EnrolmentSource.IMPORTED
    assert (completion.valid_from, completion.valid_until) == (on, CourseCompletion.valid_until_for(on, 12))
    assert timezone.localdate(completion.completed_at) == on
    assert announced == []  # no certificate, no feedback request: not trained here
    state = ComplianceState.objects.get(user=people["other_officer"], course=hate_crime)
    assert (state.completion_id, state.provenance, state.valid_until) == (
        completion.pk,
        "imported",
        completion.valid_until,
    )
    event = AuditEvent.objects.get(action=Action.PRIOR_CERTIFICATION_RECORDED)
    assert event.actor == people["administrator"] and event.subject == people["other_officer"]
    assert event.data["kind"] == "imported"
    assert prior.recorded_by_name == people["administrator"].display_name


def test_a_completion_recorded_by_an_administrator_is_announced(people, required, hate_crime, announced):
    prior = record(people, hate_crime, kind="recorded")
    assert prior.completion.provenance == Provenance.RECORDED
    assert prior.completion.enrolment.source == EnrolmentSource.RECORDED
    assert announced == [prior.completion]
    state = ComplianceState.objects.get(user=people["other_officer"], course=hate_crime)
    assert state.provenance == "recorded"


def test_nobody_records_their_own(people, required, hate_crime):
    with pytest.raises(ValidationError) as error:
        record(people, hate_crime, who="administrator", by="administrator")
    assert "Nobody can record their own training" in str(error.value)
    assert nothing_written()


def test_a_future_date_is_refused(people, required, hate_crime):
    with pytest.raises(ValidationError) as error:
        record(people, hate_crime, on=timezone.localdate() + day)
    assert "cannot be in the future" in str(error.value)
    assert nothing_written()


@pytest.mark.parametrize("role", ["officer", "trainer", "manager_of_unit", "manager_of_other_unit"])
def test_only_administrators_record_them(people, required, hate_crime, role):
    with pytest.raises(ValidationError):
        record(people, hate_crime, by=role)
    assert nothing_written()


def test_the_same_completion_twice_is_refused(people, required, hate_crime):
    record(people, hate_crime)
    with pytest.raises(ValidationError) as error:
        record(people, hate_crime)
    assert "already recorded" in str(error.value)
    assert PriorCertification.objects.count() == 1


def form(people, course_page, **overrides):
    return {
        "user": people["other_officer"].pk,
        "course": course_page.pk,
        "kind": "imported",
        "completed_on": (timezone.localdate() - 10 * day).isoformat(),
        "note": "Paper record",
        **overrides,
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("officer", False),
        ("other_officer", False),
        ("trainer", False),
        ("manager_of_other_unit", False),
        ("manager_of_unit", False),
        ("administrator", True),
    ],
)
def test_the_admin_form_for_every_role(client_as, people, required, hate_crime, role, allowed):
    client = client_as(role)
    assert (client.get(reverse("prior_certifications:add")).status_code == 200) == allowed
    assert (client.get(reverse("prior_certifications:index")).status_code == 200) == allowed
    target = "officer" if role == "other_officer" else "other_officer"
    response = client.post(reverse("prior_certifications:add"), form(people, hate_crime, user=people[target].pk))
    assert response.status_code == 302
    assert PriorCertification.objects.exists() == allowed


def test_evidence_is_kept_privately_and_served_to_administrators(client_as, people, required, hate_crime):
    client = client_as("administrator")
    evidence = SimpleUploadedFile("certificate.pdf", b"%PDF-1.4 paper certificate", content_type="application/pdf")
    response = client.post(reverse("prior_certifications:add"), form(people, hate_crime, evidence=evidence))
    assert response.status_code == 302
    prior = PriorCertification.objects.get()
    assert prior.evidence.name.startswith("prior-certification-evidence/") and "certificate" not in prior.evidence.name
    url = reverse("compliance_reports:prior_evidence", args=[prior.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    for role in ("officer", "other_officer", "manager_of_other_unit", "trainer"):
        assert client_as(role).get(url).status_code in (302, 404)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"completed_on": "2999-01-01"}, "completed_on", "cannot be in the future"),
        ({"completed_on": "not a date"}, "completed_on", "Enter a valid date"),
        ({"completed_on": ""}, "completed_on", "Give the date the course was completed"),
        ({"course": ""}, "course", "Choose the course"),
        ({"kind": "made_up"}, "kind", "Select a valid choice"),
        ({"user": "999999"}, "user", "Select a valid choice"),
    ],
)
def test_bad_input_in_the_form(client_as, people, required, hate_crime, overrides, field, message):
    response = client_as("administrator").post(
        reverse("prior_certifications:add"), form(people, hate_crime, **overrides)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert nothing_written()


def test_a_bad_evidence_file_is_refused(client_as, people, required, hate_crime):
    client = client_as("administrator")
    for evidence, message in (
        (SimpleUploadedFile("run-me.exe", b"MZ", content_type="application/octet-stream"), "not allowed"),
        (SimpleUploadedFile("huge.pdf", b"x" * (5 * 1024 * 1024 + 1), content_type="application/pdf"), "5 MB"),
    ):
        response = client.post(reverse("prior_certifications:add"), form(people, hate_crime, evidence=evidence))
        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors["evidence"])
    assert nothing_written()


def test_self_recording_in_the_form(client_as, people, required, hate_crime):
    response = client_as("administrator").post(
        reverse("prior_certifications:add"), form(people, hate_crime, user=people["administrator"].pk)
    )
    assert response.status_code == 200
    assert "Nobody can record their own training" in " ".join(response.context["form"].errors["user"])
    assert nothing_written()
