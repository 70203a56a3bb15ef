"""The browser harness itself must be able to fail: axe-core catches a real violation."""

import pytest


def test_axe_check_fails_on_an_image_without_alternative_text(journey, demo):
    journey.goto("/account/sign-in/")
    journey.page.evaluate(
        """document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/static/images/favicon.svg">')"""
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        journey.check()


def test_a_page_visited_without_an_axe_check_is_reported(journey, demo):
    journey.page.goto(journey.base_url + "/account/sign-in/")
    assert journey.unchecked_pages() == [journey.base_url + "/account/sign-in/"]
    journey.check()  # so that this test's own teardown passes


def test_the_demo_is_put_back_whole_after_a_test(journey, demo):
    """What one test changes (rows added, changed, deleted, in any table) the next never sees."""
    from django.db import connection

    from accounts.models import Unit, User
    from audit.models import AuditEvent

    before = (User.objects.count(), Unit.objects.count(), AuditEvent.objects.count())
    officer = User.objects.filter(is_active=True, is_staff=False).order_by("pk").first()
    name = officer.first_name
    User.objects.filter(pk=officer.pk).update(first_name="Changed")
    Unit.add_root(name="A unit the next test must not see", code="GONE")
    # What Django's serialized rollback calls before the next test (tests/e2e/conftest.py).
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    assert (User.objects.count(), Unit.objects.count(), AuditEvent.objects.count()) == before
    assert User.objects.get(pk=officer.pk).first_name == name
    assert before[2] > 0, "the demo's audit trail comes back too"
