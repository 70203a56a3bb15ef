"""
Response headers (issue 11, findings 6 and 9): the Content-Security-Policy (enforced on officer
pages, report-only in the admin), Permissions-Policy, and no-store on everything personal.
"""

import json
import logging
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]
NEVER_CACHED = {"no-store", "private", "no-cache", "must-revalidate", "max-age=0"}


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("role", ROLES)
def test_officer_pages_enforce_the_policy_with_the_inline_scripts_nonce(client_as, role):
    response = client_as(role).get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    # The only inline script on the page carries that nonce; every other script is a file.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert inline == [f' nonce="{nonce}"']
    assert "Content-Security-Policy-Report-Only" not in response
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == f"'self' 'nonce-{nonce}'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-src"] == "'self' https://www.youtube-nocookie.com https://player.vimeo.com"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["report-uri"] == "/csp-report/"


def test_each_page_gets_a_new_nonce(client_as):
    client = client_as("officer")
    first, second = (re.search(r"'nonce-([^']+)'", client.get("/")["Content-Security-Policy"]) for _ in range(2))
    assert first.group(1) != second.group(1)


def test_the_sign_in_page_enforces_the_policy_too(client):
    response = client.get("/account/sign-in/")
    assert "'nonce-" in response["Content-Security-Policy"]


def test_the_admin_gets_the_same_policy_report_only(client_as):
    response = client_as("administrator").get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
    assert "report-uri /csp-report/" in response["Content-Security-Policy-Report-Only"]


@pytest.mark.parametrize("path", ["/", "/account/sign-in/", "/admin/login/"])
def test_permissions_policy_turns_off_powerful_features(client_as, path):
    response = client_as("officer").get(path)
    policy = dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture"):
        assert policy[feature] == "()", feature
    players = 'self "https://www.youtube-nocookie.com" "https://player.vimeo.com"'
    assert policy["fullscreen"] == f"({players})"
    assert policy["picture-in-picture"] == f"({players})"
    assert policy["publickey-credentials-get"] == "(self)"


# Cache-Control: records of learning, transcripts and every export.


def test_the_officers_own_record_and_its_exports_are_never_stored(client_as):
    client = client_as("officer")
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(reverse("compliance:my_record"), query)
        assert response.status_code == 200
        assert cache_control(response) >= NEVER_CACHED, query


def test_a_transcript_and_its_exports_are_never_stored(client_as, people):
    client = client_as("manager_of_unit")
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(reverse("compliance_reports:transcript", args=[people["officer"].pk]), query)
        assert response.status_code == 200
        assert cache_control(response) >= NEVER_CACHED, query


@pytest.mark.parametrize(
    "name",
    [
        "compliance_reports:officers",
        "compliance_reports:summary",
        "exemptions:index",
        "wagtailusers_users:index",
    ],
)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_every_admin_export_is_never_stored(client_as, name, export):
    response = client_as("administrator").get(reverse(name), {"export": export})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert cache_control(response) >= NEVER_CACHED


def test_any_attachment_is_never_stored_even_to_someone_not_signed_in(client, settings):
    """The rule is the download, not the view: a new export needs no decorator."""
    from django.http import HttpResponse

    from core.middleware import NoStoreMiddleware

    def view(request):
        response = HttpResponse("a,b\n", content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="new.csv"'
        return response

    class Anonymous:
        is_authenticated = False

    request = type("Request", (), {"user": Anonymous()})()
    assert cache_control(NoStoreMiddleware(view)(request)) >= NEVER_CACHED


def test_pages_for_people_not_signed_in_keep_their_own_caching(client):
    from django.http import HttpResponse

    from core.middleware import NoStoreMiddleware

    class Anonymous:
        is_authenticated = False

    request = type("Request", (), {"user": Anonymous()})()
    assert "Cache-Control" not in NoStoreMiddleware(lambda request: HttpResponse("public"))(request)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_for_a_signed_in_person_is_never_stored(client_as, role):
    """On a shared terminal the back button after signing out shows nothing of the last person."""
    assert cache_control(client_as(role).get("/")) >= NEVER_CACHED


# Violation reports.


def test_a_violation_report_is_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://training.example/courses/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    with caplog.at_level(logging.WARNING, logger="csp"):
        response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")
    assert response.status_code == 204
    assert "script-src-elem blocked inline on https://training.example/courses/" in caplog.text


@pytest.mark.parametrize(
    "body,status",
    [("not json", 400), ("[1, 2]", 400), ("x" * 20_000, 413), ('{"csp-report": "text"}', 204)],
)
def test_a_malformed_violation_report_gets_a_4xx_not_an_error(client, body, status):
    assert client.post("/csp-report/", body, content_type="application/csp-report").status_code == status


def test_the_report_endpoint_takes_only_posts(client):
    assert client.get("/csp-report/").status_code == 405
