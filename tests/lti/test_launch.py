"""Launches signed by the test platform (tests/lti/conftest.py), walked through OIDC login and launch."""

import time

import pytest
from django.contrib.auth import get_user_model

from lti.models import GradeTarget, IdentifyBy, LinkedAccount, UsedNonce
from tests.lti.conftest import CLIENT_ID, DEPLOYMENT_ID, LTI, launch, login_step, new_key

pytestmark = pytest.mark.django_db

EMAIL = "alex.morgan@police.test"


@pytest.fixture
def officer(people):
    officer = people["officer"]
    officer.email = EMAIL
    officer.save()
    return officer


def signed_in_as(client):
    return client.get("/lti/jwks/").wsgi_request.user


def test_a_valid_launch_signs_the_officer_in_and_opens_the_course(client, platform, platform_server, course, officer):
    response, _sent = launch(client, platform_server, page_id=course.pk)
    assert response.status_code == 302
    assert response.url == course.url
    assert signed_in_as(client) == officer
    assert LinkedAccount.objects.get(platform=platform, subject="moodle-user-42").user == officer
    target = GradeTarget.objects.get()
    assert (target.user, target.course, target.lineitem) == (
        officer,
        course.page_ptr.specific,
        platform_server.lineitem(),
    )
    assert UsedNonce.objects.count() == 1


def test_a_launch_of_a_module_opens_the_module(client, platform, platform_server, course, officer):
    module = course.get_children().first()
    response, _sent = launch(client, platform_server, page_id=module.pk)
    assert response.status_code == 302
    assert response.url == module.url
    assert GradeTarget.objects.get().course.pk == course.pk


def test_a_replayed_launch_is_refused(client, platform, platform_server, course, officer):
    response, sent = launch(client, platform_server, page_id=course.pk)
    assert response.status_code == 302
    client.logout()
    replay = client.post("/lti/launch/", sent)
    assert replay.status_code == 400
    assert "already been used" in replay.content.decode()
    assert not signed_in_as(client).is_authenticated
    assert UsedNonce.objects.count() == 1


def test_a_launch_for_another_audience_is_refused(client, platform, platform_server, course, officer):
    response, _sent = launch(client, platform_server, page_id=course.pk, aud="somebody-elses-tool")
    assert response.status_code == 400
    assert "not meant for this training platform" in response.content.decode()
    assert not signed_in_as(client).is_authenticated


def test_a_launch_naming_us_among_several_audiences_needs_azp(client, platform, platform_server, course, officer):
    response, _sent = launch(client, platform_server, page_id=course.pk, aud=["other", CLIENT_ID])
    assert response.status_code == 400
    response, _sent = launch(client, platform_server, page_id=course.pk, aud=["other", CLIENT_ID], azp=CLIENT_ID)
    assert response.status_code == 302


def test_an_expired_launch_is_refused(client, platform, platform_server, course, officer):
    now = int(time.time())
    response, _sent = launch(client, platform_server, page_id=course.pk, iat=now - 900, exp=now - 600)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not UsedNonce.objects.exists()


def test_a_launch_without_an_expiry_is_refused(client, platform, platform_server, course, officer):
    def without_exp(nonce):
        claims = platform_server.launch_claims(nonce=nonce, page_id=course.pk)
        del claims["exp"]
        return claims

    response, _sent = launch(client, platform_server, claims=without_exp)
    assert response.status_code == 400
    assert not signed_in_as(client).is_authenticated


def test_a_launch_from_an_unknown_deployment_is_refused(client, platform, platform_server, course, officer):
    response, _sent = launch(client, platform_server, page_id=course.pk, **{LTI + "deployment_id": "stranger"})
    assert response.status_code == 400
    assert "deployment" in response.content.decode()
    assert not signed_in_as(client).is_authenticated


def test_a_launch_signed_with_another_key_is_refused(client, platform, platform_server, course, officer):
    _key, forged_pem = new_key()
    response, _sent = launch(
        client,
        platform_server,
        page_id=course.pk,
        sign=lambda claims: platform_server.sign(claims, private_pem=forged_pem),
    )
    assert response.status_code == 400
    assert "signature" in response.content.decode()
    assert not signed_in_as(client).is_authenticated
    assert not UsedNonce.objects.exists()


def test_a_launch_whose_nonce_was_not_issued_by_our_login_is_refused(
    client, platform, platform_server, course, officer
):
    auth = login_step(client, platform_server)
    token = platform_server.sign(platform_server.launch_claims(nonce="made-up", page_id=course.pk))
    response = client.post("/lti/launch/", {"id_token": token, "state": auth["state"]})
    assert response.status_code == 400


def test_a_launch_without_our_state_cookie_is_refused(client, platform, platform_server, course, officer):
    auth = login_step(client, platform_server)
    token = platform_server.sign(platform_server.launch_claims(nonce=auth["nonce"], page_id=course.pk))
    client.cookies.clear()
    response = client.post("/lti/launch/", {"id_token": token, "state": "state-invented"})
    assert response.status_code == 400
    assert "new window" in response.content.decode()


def test_an_inactive_platform_cannot_launch(client, platform, platform_server, course, officer):
    platform.is_active = False
    platform.save()
    response = client.get(
        "/lti/login/",
        {"iss": platform.issuer, "login_hint": "x", "client_id": CLIENT_ID, "lti_deployment_id": DEPLOYMENT_ID},
    )
    assert response.status_code == 400
    assert "not registered here" in response.content.decode()


def test_an_unknown_person_gets_a_clear_page_and_no_account_is_made(
    client, platform, platform_server, course, officer
):
    people_before = get_user_model().objects.count()
    response, _sent = launch(client, platform_server, page_id=course.pk, email="nobody@elsewhere.test", sub="u-9")
    assert response.status_code == 403
    assert "could not find your account" in response.content.decode()
    assert get_user_model().objects.count() == people_before
    assert not LinkedAccount.objects.exists()


def test_a_launch_never_grants_a_role_and_refuses_people_with_admin_access(
    client, platform, platform_server, course, people
):
    manager = people["manager_of_unit"]
    manager.email = "sergeant@police.test"
    manager.save()
    groups = set(manager.groups.values_list("name", flat=True))
    instructor = ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"]
    response, _sent = launch(
        client, platform_server, page_id=course.pk, email="sergeant@police.test", **{LTI + "roles": instructor}
    )
    assert response.status_code == 403
    assert "Sign in directly" in response.content.decode()
    assert set(manager.groups.values_list("name", flat=True)) == groups
    assert not signed_in_as(client).is_authenticated


def test_an_administrators_launch_as_an_officer_gives_no_admin_access(
    client, platform, platform_server, course, officer
):
    admin_role = ["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"]
    response, _sent = launch(client, platform_server, page_id=course.pk, **{LTI + "roles": admin_role})
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_staff and not officer.is_superuser
    assert client.get("/admin/").status_code in {302, 403}


def test_the_linked_sub_names_the_person_whatever_the_email_says_later(
    client, platform, platform_server, course, officer, people
):
    launch(client, platform_server, page_id=course.pk)
    client.logout()
    response, _sent = launch(client, platform_server, page_id=course.pk, email=people["other_officer"].email)
    assert response.status_code == 302
    assert signed_in_as(client) == officer


@pytest.mark.parametrize("identify_by", [IdentifyBy.STAFF_NUMBER, IdentifyBy.WARRANT_NUMBER])
def test_people_can_be_identified_by_a_number_in_a_custom_claim(
    client, platform, platform_server, course, officer, identify_by
):
    platform.identify_by = identify_by
    platform.custom_claim = "police_number"
    platform.save()
    officer.staff_number, officer.warrant_number = "HR1234", "4721"
    officer.save()
    number = " hr1234 " if identify_by == IdentifyBy.STAFF_NUMBER else "4721"
    response, _sent = launch(
        client, platform_server, email="", **{LTI + "custom": {"page_id": str(course.pk), "police_number": number}}
    )
    assert response.status_code == 302
    assert signed_in_as(client) == officer


def test_linked_only_platforms_refuse_people_not_yet_linked(client, platform, platform_server, course, officer):
    platform.identify_by = IdentifyBy.LINKED_ONLY
    platform.save()
    response, _sent = launch(client, platform_server, page_id=course.pk)
    assert response.status_code == 403
    LinkedAccount.objects.create(platform=platform, subject="moodle-user-42", user=officer)
    response, _sent = launch(client, platform_server, page_id=course.pk)
    assert response.status_code == 302


def test_a_launch_of_a_page_that_is_not_a_course_is_refused_clearly(
    client, platform, platform_server, course, officer
):
    response, _sent = launch(client, platform_server, page_id=course.get_parent().pk)
    assert response.status_code == 404
    assert "does not open a course" in response.content.decode()
    response, _sent = launch(client, platform_server, page_id=None)
    assert response.status_code == 404


def test_the_launch_answers_a_get_with_a_clear_page(client):
    response = client.get("/lti/launch/")
    assert response.status_code == 405
    assert "launched from your learning platform" in response.content.decode()


def test_login_initiation_without_details_is_refused_clearly(client, platform):
    assert client.get("/lti/login/").status_code == 400
    assert client.post("/lti/login/", {"iss": platform.issuer}).status_code == 400
