"""The public verification page: the certified facts and the status, nothing more; rate-limited."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from certificates.models import display_code
from certificates.services import revoke
from tests.certificates.conftest import ROLES

pytestmark = pytest.mark.django_db


def url(code: str) -> str:
    return reverse("certificates:verify_code", args=[code])


@pytest.mark.parametrize("role", ROLES)
def test_anyone_can_verify_a_certificate(client_as, certificate, role):
    with time_machine.travel(datetime.datetime(2027, 1, 5, 12, tzinfo=datetime.UTC)):
        response = client_as(role).get(url(certificate.code))
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert "This certificate is valid" in body
    for shown in ("A. Morgan", "Judaism guide", certificate.version_label, "14 March 2026", "14 March 2028"):
        assert shown in body
    # No personal data beyond the initial and surname.
    assert "Alex" not in body and "TC4417" not in body


@pytest.mark.parametrize("role", ROLES)
def test_anyone_can_open_the_code_form(client_as, role):
    response = client_as(role).get(reverse("certificates:verify"))
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_an_expired_certificate_says_so(client, certificate):
    with time_machine.travel(datetime.datetime(2028, 3, 15, 12, tzinfo=datetime.UTC)):
        response = client.get(url(certificate.code))
    assert response.status_code == 200
    assert "This certificate has expired" in response.content.decode()
    assert "valid until 14 March 2028" in response.content.decode()


def test_the_page_reads_the_completions_current_valid_until(client, certificate):
    """A recomputed validity (another change of the completion) shows at once; the PDF keeps what was issued."""
    completion = certificate.completion
    completion.valid_until = datetime.date(2027, 3, 14)
    completion.save(update_fields=["valid_until"])
    with time_machine.travel(datetime.datetime(2027, 6, 1, 12, tzinfo=datetime.UTC)):
        response = client.get(url(certificate.code))
    assert "This certificate has expired" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.valid_until == datetime.date(2028, 3, 14)


def test_a_revoked_certificate_says_so_with_the_date(client, certificate, people):
    with time_machine.travel(datetime.datetime(2026, 6, 2, 12, tzinfo=datetime.UTC)):
        revoke(certificate=certificate, revoked_by=people["administrator"], reason="Completed by someone else")
    response = client.get(url(certificate.code))
    body = response.content.decode()
    assert "This certificate has been revoked" in body and "2 June 2026" in body
    assert "Completed by someone else" not in body  # the reason is for the record, not the public


def test_the_form_takes_a_code_as_people_type_it(client, certificate):
    typed = display_code(certificate.code).lower().replace("-", " ")
    response = client.get(reverse("certificates:verify"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == url(certificate.code)


def test_the_form_explains_a_malformed_code(client):
    response = client.get(reverse("certificates:verify"), {"code": "not a code"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_an_unknown_code_is_not_found_with_a_helpful_page(client, certificate):
    unknown = "0" * 12 if certificate.code != "0" * 12 else "1" * 12
    response = client.get(url(unknown))
    assert response.status_code == 404
    assert "Certificate not found" in response.content.decode()
    assert 'name="code"' in response.content.decode()


@pytest.mark.parametrize(
    "code",
    [
        "x",
        "0" * 11,
        "Z" * 13,
        "AAAA-BBBB-CCCC-DDDD",
        "é" * 12,
        "💥" * 12,
        "%00" * 4,
        "A" * 3000,
        "' OR 1=1 --",
        "ＡＢＣＤＥＦＧＨＪＫＭＮ",
    ],
)
def test_odd_codes_are_not_found_never_an_error(client, code):
    response = client.get(url(code))
    assert response.status_code == 404
    response = client.get(reverse("certificates:verify"), {"code": code})
    assert response.status_code == 200


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=3, CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS=600)
def test_lookups_are_limited_per_address(client, certificate):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 0, 1, tzinfo=datetime.UTC), tick=False):
        for code in ("A" * 12, "B" * 12, certificate.code):
            assert client.get(url(code), REMOTE_ADDR="203.0.113.9").status_code in (200, 404)
        refused = client.get(url(certificate.code), REMOTE_ADDR="203.0.113.9")
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        assert "Too many certificate checks" in refused.content.decode()
        # Another address is not held back.
        assert client.get(url(certificate.code), REMOTE_ADDR="198.51.100.7").status_code == 200
    # The next window lets the first address in again.
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 10, 2, tzinfo=datetime.UTC), tick=False):
        assert client.get(url(certificate.code), REMOTE_ADDR="203.0.113.9").status_code == 200


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=2, SIGN_IN_PROXY_COUNT=1)
def test_behind_a_proxy_the_limit_counts_the_clients_address(client, certificate):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        client.get(url(certificate.code), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert client.get(url(certificate.code), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 429
    assert client.get(url(certificate.code), HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy).status_code == 200
