"""Administrators list, export, revoke and issue certificates; never their own; nobody deletes one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse

from audit.models import Action, AuditEvent
from certificates import services
from certificates.models import Certificate
from courses.models import CourseCompletion, Enrolment, EnrolmentStatus
from tests.certificates.conftest import COMPLETED, ROLES, complete

pytestmark = pytest.mark.django_db


def bare_completion(user, course) -> CourseCompletion:
    """A completion recorded without its announcement (as before certificates existed): no certificate."""
    enrolment = Enrolment.objects.create(
        user=user, course=course, course_title=course.title, status=EnrolmentStatus.COMPLETED, enrolled_at=COMPLETED
    )
    return CourseCompletion.objects.create(
        enrolment=enrolment, user=user, course=course, course_title=course.title, completed_at=COMPLETED
    )


@pytest.mark.parametrize("view", ["index", "inspect", "edit", "add"])
@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_reach_the_certificate_admin(client_as, certificate, role, view):
    args = [] if view in ("index", "add") else [certificate.pk]
    response = client_as(role).get(reverse(f"certificate_admin:{view}", args=args))
    if role == "administrator":
        assert response.status_code == 200
    else:
        # Signed-out: to sign in; no admin access or no permission: refused; or not found by id.
        assert response.status_code in (302, 403, 404)


def test_the_listing_searches_filters_and_exports(client_as, certificate):
    client = client_as("administrator")
    index = reverse("certificate_admin:index")
    assert certificate.display_code in client.get(index, {"q": "Morgan"}).content.decode()
    assert certificate.display_code not in client.get(index, {"q": "Nobody"}).content.decode()
    assert certificate.display_code not in client.get(index, {"revoked": "true"}).content.decode()
    assert certificate.display_code in client.get(index, {"automatic": "true"}).content.decode()
    export = client.get(index, {"export": "csv"})
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0].startswith("Verification code,Name,Warrant number,Course")
    assert lines[1].startswith(f"{certificate.code},Alex Morgan,TC4417,Judaism guide")


def test_an_administrator_revokes_a_certificate_with_a_reason(client_as, certificate, people):
    response = client_as("administrator").post(
        reverse("certificate_admin:edit", args=[certificate.pk]), {"revoked_reason": "Completed by someone else"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert (certificate.revoked_by, certificate.revoked_reason) == (
        people["administrator"],
        "Completed by someone else",
    )
    event = AuditEvent.objects.get(action=Action.CERTIFICATE_REVOKED)
    assert (event.actor, event.subject, event.data["reason"]) == (
        people["administrator"],
        people["officer"],
        "Completed by someone else",
    )


def test_revoking_needs_a_reason_and_happens_once(client_as, certificate, people):
    client = client_as("administrator")
    edit = reverse("certificate_admin:edit", args=[certificate.pk])
    assert client.post(edit, {"revoked_reason": "  "}).status_code == 200
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert client.post(edit, {"revoked_reason": "Wrong person"}).status_code == 302
    again = client.post(edit, {"revoked_reason": "Again"})
    assert again.status_code == 200 and "already been revoked" in again.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Wrong person"


def test_nobody_revokes_their_own_certificate(people, course):
    own = complete(people["administrator"], course).certificate
    with pytest.raises(ValidationError):
        services.revoke(certificate=own, revoked_by=people["administrator"], reason="Mine")
    own.refresh_from_db()
    assert own.revoked_at is None


def test_an_administrator_issues_a_certificate_on_someones_behalf(client_as, people, course):
    completion = bare_completion(people["other_officer"], course)
    response = client_as("administrator").post(
        reverse("certificate_admin:add"), {"completion": completion.pk, "issued_reason": "Completed before launch"}
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get(completion=completion)
    assert (certificate.issued_by, certificate.issued_reason, certificate.full_name) == (
        people["administrator"],
        "Completed before launch",
        "Siobhán O'Neill",
    )
    event = AuditEvent.objects.get(action=Action.CERTIFICATE_ISSUED)
    assert (event.actor, event.subject) == (people["administrator"], people["other_officer"])


def test_issuing_needs_a_reason_and_a_completion_without_one(client_as, certificate, people, course):
    client = client_as("administrator")
    completion = bare_completion(people["other_officer"], course)
    assert (
        client.post(reverse("certificate_admin:add"), {"completion": completion.pk, "issued_reason": ""}).status_code
        == 200
    )
    taken = client.post(
        reverse("certificate_admin:add"), {"completion": certificate.completion.pk, "issued_reason": "x"}
    )
    assert taken.status_code == 200
    assert Certificate.objects.count() == 1
    with pytest.raises(ValidationError):
        services.issue_on_behalf(completion=certificate.completion, issued_by=people["administrator"], reason="again")


def test_nobody_issues_their_own_certificate(people, course):
    completion = bare_completion(people["administrator"], course)
    with pytest.raises(ValidationError):
        services.issue_on_behalf(completion=completion, issued_by=people["administrator"], reason="Mine")
    assert not Certificate.objects.exists()


def test_certificates_are_never_deleted(client_as, certificate):
    try:
        url = reverse("certificate_admin:delete", args=[certificate.pk])
    except NoReverseMatch:
        return
    assert client_as("administrator").post(url).status_code in (302, 403, 405)
    assert Certificate.objects.filter(pk=certificate.pk).exists()
