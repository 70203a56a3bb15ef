"""The course page's "Reviewed with …" line comes from the partner's recorded approval."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def approve_all(state, partner, approver):
    for user in (partner, approver):
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, "approve", comment="")


def today():
    return date_format(timezone.localdate(), "j F Y")


def test_no_approval_no_line(client_as, course, workflow):
    assert "Reviewed with" not in client_as("officer").get(course.url).content.decode()


def test_the_approved_live_version_shows_who_reviewed_it_and_when(client_as, course, in_review, partner, approver):
    approve_all(in_review, partner, approver)
    content = client_as("officer").get(course.url).content.decode()
    assert f"Reviewed with Community Security Trust (CST) on {today()}." in content
    assert "changed since" not in content


def test_a_later_unreviewed_version_says_which_version_was_reviewed(client_as, course, in_review, partner, approver):
    approve_all(in_review, partner, approver)
    approved = in_review.current_task_state.revision
    course = CoursePage.objects.get(pk=course.pk)
    course.summary = "Published later without the partner."
    course.save_revision().publish()

    content = client_as("officer").get(course.url).content.decode()
    version = date_format(timezone.localtime(approved.created_at), "j F Y")
    assert (
        f"Reviewed with Community Security Trust (CST) on {today()} (the version of {version}; "
        "the course has changed since)." in content
    )


def test_the_line_costs_one_query(course, in_review, partner, approver, django_assert_num_queries):
    approve_all(in_review, partner, approver)
    course = CoursePage.objects.get(pk=course.pk)
    with django_assert_num_queries(1):
        assert course.reviewed_with_line.startswith("Reviewed with Community Security Trust (CST)")
