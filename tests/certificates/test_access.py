"""
Who may download a certificate and where officers and managers find them: the officer, the
managers of their units and administrators; nobody else (a 404, whatever the id).
"""

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from tests.certificates.conftest import ROLES, pdf_text

pytestmark = pytest.mark.django_db

MAY_DOWNLOAD = {"officer", "manager_of_unit", "administrator"}


@pytest.mark.parametrize("role", ROLES)
def test_download_is_for_the_officer_their_managers_and_administrators(client_as, certificate, role):
    response = client_as(role).get(reverse("certificates:download", args=[certificate.pk]))
    if role == "anonymous":
        assert response.status_code == 302 and "/sign-in/" in response["Location"] or "login" in response["Location"]
    elif role in MAY_DOWNLOAD:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert "Alex Morgan" in pdf_text(response.content)
    else:
        assert response.status_code == 404


def test_a_manager_downloading_is_in_the_audit_trail_the_officer_is_not(client_as, certificate, people):
    client_as("officer").get(reverse("certificates:download", args=[certificate.pk]))
    assert not AuditEvent.objects.filter(action=Action.CERTIFICATE_DOWNLOADED).exists()
    client_as("manager_of_unit").get(reverse("certificates:download", args=[certificate.pk]))
    event = AuditEvent.objects.get(action=Action.CERTIFICATE_DOWNLOADED)
    assert (event.actor, event.subject, event.target) == (
        people["manager_of_unit"],
        people["officer"],
        f"certificate:{certificate.pk}",
    )


def test_an_unknown_id_is_not_found(client_as, certificate):
    assert (
        client_as("administrator").get(reverse("certificates:download", args=[certificate.pk + 99])).status_code == 404
    )


def test_my_learning_lists_the_officers_certificates_to_download(client_as, certificate):
    body = client_as("officer").get("/").content.decode()
    assert "Your certificates" in body
    assert reverse("certificates:download", args=[certificate.pk]) in body
    assert certificate.display_code in body


def test_another_officers_my_learning_does_not(client_as, certificate):
    body = client_as("other_officer").get("/").content.decode()
    assert reverse("certificates:download", args=[certificate.pk]) not in body


def test_the_officers_record_of_learning_lists_them(client_as, certificate):
    body = client_as("officer").get(reverse("compliance:my_record")).content.decode()
    assert reverse("certificates:download", args=[certificate.pk]) in body


@pytest.mark.parametrize("role", ROLES)
def test_the_officers_record_in_the_admin_lists_them_for_those_who_may_see_it(client_as, certificate, people, role):
    response = client_as(role).get(reverse("compliance_reports:transcript", args=[people["officer"].pk]))
    if role in ("manager_of_unit", "administrator"):
        assert response.status_code == 200
        assert reverse("certificates:download", args=[certificate.pk]) in response.content.decode()
    else:
        assert response.status_code in (302, 403, 404)
        assert reverse("certificates:download", args=[certificate.pk]) not in response.content.decode()
