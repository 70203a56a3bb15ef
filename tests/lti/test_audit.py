"""What launches write to the audit trail: each event names the platform that made it."""

import pytest

from audit.models import Action, AuditEvent
from audit.selectors import verify_trail
from tests.lti.conftest import launch

pytestmark = pytest.mark.django_db

EMAIL = "alex.morgan@police.test"


@pytest.fixture
def officer(people):
    officer = people["officer"]
    officer.email = EMAIL
    officer.save()
    return officer


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_a_first_launch_records_the_link_and_the_sign_in_naming_the_platform(
    client, platform, platform_server, course, officer
):
    launch(client, platform_server, page_id=course.pk)
    [linked] = events(Action.LTI_ACCOUNT_LINKED)
    assert (linked.actor, linked.subject, linked.target) == (None, officer, f"lti_platform:{platform.pk}")
    assert linked.data == {
        "platform": "Test Constabulary Moodle",
        "issuer": platform_server.issuer,
        "platform_user": "moodle-user-42",
        "matched_by": "email",
    }
    [launched] = events(Action.LTI_LAUNCHED)
    assert (launched.actor, launched.subject, launched.target) == (officer, officer, f"lti_platform:{platform.pk}")
    assert launched.data == {
        "platform": "Test Constabulary Moodle",
        "issuer": platform_server.issuer,
        "platform_user": "moodle-user-42",
        "page": course.pk,
    }
    assert len(events(Action.SIGN_IN)) == 1  # the sign-in itself, as from every route


def test_a_later_launch_records_the_sign_in_but_no_new_link(client, platform, platform_server, course, officer):
    launch(client, platform_server, page_id=course.pk)
    client.logout()
    launch(client, platform_server, page_id=course.pk)
    assert len(events(Action.LTI_ACCOUNT_LINKED)) == 1
    assert len(events(Action.LTI_LAUNCHED)) == 2


def test_a_refused_launch_of_someone_with_admin_access_is_recorded_naming_the_platform(
    client, platform, platform_server, course, people
):
    manager = people["manager_of_unit"]
    manager.email = "sergeant@police.test"
    manager.save()
    response, _sent = launch(client, platform_server, page_id=course.pk, email="sergeant@police.test")
    assert response.status_code == 403
    [refused] = events(Action.LTI_LAUNCH_REFUSED)
    assert (refused.actor, refused.subject, refused.target) == (None, manager, f"lti_platform:{platform.pk}")
    assert refused.data["platform"] == "Test Constabulary Moodle"
    assert not events(Action.LTI_ACCOUNT_LINKED)
    assert not events(Action.LTI_LAUNCHED)


def test_an_unknown_person_leaves_no_lti_event(client, platform, platform_server, course, officer):
    response, _sent = launch(client, platform_server, page_id=course.pk, email="nobody@police.test")
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action__startswith="lti.").exists()


def test_the_trail_still_verifies_after_launches(client, platform, platform_server, course, officer):
    launch(client, platform_server, page_id=course.pk)
    assert verify_trail().ok
