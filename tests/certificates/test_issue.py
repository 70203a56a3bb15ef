"""Certificates are issued at completion, with the facts copied, and rendered to a tagged PDF."""

import datetime
import io

import pytest
from pypdf import PdfReader

from certificates.models import Certificate, CertificateSettings, display_code, normalise_code
from certificates.pdf import render_pdf, verification_url
from certificates.services import revoke
from tests.certificates.conftest import pdf_text

pytestmark = pytest.mark.django_db


def test_completing_a_course_issues_its_certificate_with_the_facts_copied(certificate, people):
    completion = certificate.completion
    assert certificate.user == people["officer"]
    assert (certificate.full_name, certificate.warrant_number, certificate.course_title) == (
        "Alex Morgan",
        "TC4417",
        "Judaism guide",
    )
    assert certificate.completed_on == datetime.date(2026, 3, 14)
    assert certificate.valid_until == datetime.date(2028, 3, 14) == completion.valid_until
    assert certificate.issued_by is None and certificate.issued_reason == ""
    assert f"revision {completion.course_revision_id}" in certificate.version_label
    assert normalise_code(certificate.code) == certificate.code


def test_the_facts_stay_as_issued_when_the_person_changes(certificate, people):
    people["officer"].last_name = "Renamed"
    people["officer"].save()
    certificate.refresh_from_db()
    assert certificate.full_name == "Alex Morgan"


def test_the_pdf_shows_the_certified_facts_the_code_and_the_verification_address(certificate):
    content = render_pdf(certificate)
    text = pdf_text(content)
    for expected in (
        "Alex Morgan",
        "TC4417",
        "Judaism guide",
        certificate.version_label,
        "14 March 2026",
        "14 March 2028",
        display_code(certificate.code),
        verification_url(certificate),
    ):
        assert expected in text
    assert "Revoked" not in text


def test_the_pdf_is_tagged_with_a_title_and_a_language(certificate):
    reader = PdfReader(io.BytesIO(render_pdf(certificate)))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("en")
    assert "Judaism guide" in reader.metadata.title
    assert len(reader.pages) == 1  # one A4 landscape page


def test_the_pdf_carries_the_forces_name_and_signatory_from_the_setting(certificate):
    options = CertificateSettings.current()
    options.force_name = "Test Constabulary"
    options.signatory_name = "Jo Bloggs"
    options.signatory_role = "Head of Learning"
    options.save()
    text = pdf_text(render_pdf(certificate))
    assert "Test Constabulary" in text and "Jo Bloggs" in text and "Head of Learning" in text


def test_a_revoked_certificates_pdf_says_it_is_revoked(certificate, people):
    revoke(certificate=certificate, revoked_by=people["administrator"], reason="Issued in error")
    certificate.refresh_from_db()
    assert "Revoked on" in pdf_text(render_pdf(certificate))


def test_a_completion_has_at_most_one_certificate(certificate):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            completion=certificate.completion,
            user=certificate.user,
            full_name="x",
            course_title="x",
            completed_on=certificate.completed_on,
        )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("abcd-efgh-jkmn", "ABCDEFGHJKMN"),
        (" ABCD EFGH JKMN ", "ABCDEFGHJKMN"),
        ("ABCDEFGHJKMO", "ABCDEFGHJKM0"),  # O typed for 0
        ("ABCDEFGHJKMI", "ABCDEFGHJKM1"),  # I typed for 1
        ("ABCDEFGHJKM", None),
        ("ABCDEFGHJKMNP", None),
        ("ABCDEFGHJKMU", None),
        ("ÄBCDEFGHJKMN", None),
        ("x" * 5000, None),
        ("", None),
    ],
)
def test_codes_are_read_as_people_type_them(typed, stored):
    assert normalise_code(typed) == stored


def test_retention_removes_the_name_copied_onto_certificates(certificate, people):
    from django.utils import timezone

    from privacy.retention import Leaver, anonymise

    revoke(certificate=certificate, revoked_by=people["administrator"], reason="Alex asked for it")
    anonymise(Leaver(people["officer"], timezone.now()), years=6)
    certificate.refresh_from_db()
    assert (certificate.full_name, certificate.warrant_number) == (f"Anonymised person {people['officer'].pk}", "")
    assert certificate.revoked_reason == "(removed under the retention policy)"
