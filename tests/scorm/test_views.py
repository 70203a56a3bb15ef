"""The player page, the package's files and the commit endpoint, from every role's point of view."""

import json

import pytest

from courses import services as course_services
from scorm import services
from tests.conftest import ROLE_NAMES


@pytest.fixture
def attempt(people, course12):
    course, page = course12
    enrolment = course_services.enrol(user=people["officer"], course=course)
    return services.start_attempt(user=people["officer"], page=page, enrolment=enrolment)


def content_url(attempt, path="index.html"):
    return f"/scorm/attempts/{attempt.pk}/content/{path}"


def signed_commit_url(client, attempt):
    """The commit URL as the player page gives it to this client's session."""
    response = client.get(attempt.page.url)
    config = json.loads(
        response.content.decode().split('id="scorm-player-config" type="application/json">')[1].split("</script>")[0]
    )
    return config["commitUrl"]


LAUNCH = {
    "anonymous": 302,
    "officer": 200,
    "other_officer": 200,
    "trainer": 200,
    "manager_of_other_unit": 200,
    "manager_of_unit": 200,
    "administrator": 200,
}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_player_page_plays_only_for_the_enrolled_officer(client_as, role, attempt):
    response = client_as(role).get(attempt.page.url)
    assert response.status_code == LAUNCH[role]
    if response.status_code == 302:
        assert (
            "/login/" in response["Location"] or "sign-in" in response["Location"] or "next=" in response["Location"]
        )
        return
    body = response.content.decode()
    if role == "officer":
        assert f"/scorm/attempts/{attempt.pk}/content/index.html" in body
        assert "dist/scorm-again.min.js" in body
    else:
        assert "Enrol on this course" in body
        assert f"/scorm/attempts/{attempt.pk}/" not in body


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_package_files_are_served_only_to_the_attempts_officer(client_as, role, attempt):
    response = client_as(role).get(content_url(attempt))
    expected = {"anonymous": 302, "officer": 200}.get(role, 404)
    assert response.status_code == expected
    if role == "officer":
        assert b"Step 1 of 2" in response.content
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "'unsafe-inline'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_commits_are_accepted_only_from_the_attempts_officer(client_as, role, attempt, people):
    client = client_as("officer")
    url = signed_commit_url(client, attempt)
    if role != "officer":
        client = client_as(role)
    response = client.post(url, json.dumps({"cmi.core.lesson_location": "p2"}), content_type="application/json")
    expected = {"anonymous": 302, "officer": 200}.get(role, 404)
    assert response.status_code == expected
    attempt.refresh_from_db()
    assert (attempt.location == "p2") is (role == "officer")


def test_files_outside_the_package_are_not_found(client_as, attempt):
    client = client_as("officer")
    assert client.get(content_url(attempt, "../../etc/passwd")).status_code == 404
    assert client.get(content_url(attempt, "missing.html")).status_code == 404
    assert client.get(content_url(attempt, "sco.js"))["Content-Type"].startswith("text/javascript")


def test_package_zips_are_kept_in_private_storage(attempt):
    from core.storage import private_storage

    assert attempt.package_version.file.storage is private_storage


def test_a_commit_without_the_sessions_token_is_refused(client_as, attempt):
    client = client_as("officer")
    data = json.dumps({"cmi.core.lesson_location": "p2"})
    assert (
        client.post(f"/scorm/attempts/{attempt.pk}/commit/", data, content_type="application/json").status_code == 403
    )
    forged = f"/scorm/attempts/{attempt.pk}/commit/?token=abc"
    assert client.post(forged, data, content_type="application/json").status_code == 403


def test_a_commit_from_another_site_is_refused(client_as, attempt):
    client = client_as("officer")
    url = signed_commit_url(client, attempt)
    response = client.post(url, "{}", content_type="application/json", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_a_token_from_another_session_is_refused(client_as, attempt, client):
    url = signed_commit_url(client_as("officer"), attempt)
    client.logout()
    client.force_login(attempt.user)  # a new session of the same officer
    response = client.post(url, "{}", content_type="application/json")
    assert response.status_code == 403


def test_a_commit_out_of_the_data_model_answers_the_error_code_not_a_500(client_as, attempt):
    client = client_as("officer")
    url = signed_commit_url(client, attempt)
    response = client.post(url, json.dumps({"cmi.suspend_data": "x" * 4097}), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["result"] is False and response.json()["errorCode"] == 405
    response = client.post(url, "not json", content_type="text/plain")
    assert response.json() == {"result": False, "errorCode": 101, "errorMessage": "The commit is not JSON."}
    assert client.get(url).status_code == 405


def test_a_beacon_commit_in_plain_text_is_stored(client_as, attempt):
    client = client_as("officer")
    url = signed_commit_url(client, attempt)
    response = client.post(url, json.dumps({"cmi.core.exit": "suspend"}), content_type="text/plain;charset=UTF-8")
    assert response.json() == {"result": True, "errorCode": 0}


def test_the_commit_runs_a_fixed_number_of_queries(client_as, attempt, django_assert_num_queries):
    client = client_as("officer")
    url = signed_commit_url(client, attempt)
    interactions = {f"cmi.interactions.{n}.id": f"q{n}" for n in range(30)}
    payload = json.dumps({"cmi.core.lesson_location": "p2", "cmi.suspend_data": "abc", **interactions})
    client.post(url, payload, content_type="application/json")
    with django_assert_num_queries(10):
        response = client.post(url, payload, content_type="application/json")
    assert response.json()["result"] is True
