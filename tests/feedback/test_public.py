"""The public satisfaction pages: published from a threshold, small numbers suppressed, no personal data."""

import pytest
from django.urls import reverse

from tests.feedback.conftest import add_responses

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "officer",
    "other_officer",
    "trainer",
    "manager_of_other_unit",
    "manager_of_unit",
    "administrator",
]


@pytest.fixture
def rated(org, course, other_course, settings):
    """Hate crime: 6 responses, 5 of them useful (4 or 5). Judaism guide: 3 responses."""
    settings.FEEDBACK_PUBLISH_MIN_RESPONSES = 6
    add_responses(course, org.team_a, [(5, 5), (4, 3), (4, 4), (5, 2), (3, 3)], comment="Mention Sgt Smith")
    add_responses(course, org.team_b, [(4, 5)])
    add_responses(other_course, org.team_a, [(5, 5), (5, 5), (1, 1)])


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_summary_and_course_pages(client_as, rated, course, other_course, role):
    client = client_as(role)
    summary = client.get(reverse("feedback:summary"))
    assert summary.status_code == 200
    content = summary.content.decode()
    assert "83%" in content and "6 responses" in content
    assert "fewer than 5 responses" in content and "Not published yet" in content
    page = client.get(reverse("feedback:course", args=[course.pk])).content.decode()
    assert "83% found it useful" in page and "6 responses" in page
    assert "rated it 4 or 5 out of 5" in page
    assert client.get(reverse("feedback:course", args=[other_course.pk])).status_code == 200


def test_the_public_pages_show_no_comments_names_or_units(client, rated, course):
    for url in (reverse("feedback:summary"), reverse("feedback:course", args=[course.pk])):
        content = client.get(url).content.decode()
        assert "Sgt Smith" not in content and "Team A" not in content and "Team B" not in content


def test_a_course_below_the_threshold_shows_no_rate(client, rated, other_course):
    content = client.get(reverse("feedback:course", args=[other_course.pk])).content.decode()
    assert "Not published yet" in content and "fewer than 5 responses" in content
    assert "67%" not in content and "found it useful</p>" not in content


def test_raising_the_threshold_unpublishes(client, rated, course, settings):
    settings.FEEDBACK_PUBLISH_MIN_RESPONSES = 7
    content = client.get(reverse("feedback:course", args=[course.pk])).content.decode()
    assert "Not published yet" in content and "83%" not in content
    assert "at least 7 responses" in content


def test_a_threshold_below_five_still_suppresses_fewer_than_five(client, rated, other_course, settings):
    settings.FEEDBACK_PUBLISH_MIN_RESPONSES = 1
    content = client.get(reverse("feedback:course", args=[other_course.pk])).content.decode()
    assert "Not published yet" in content and "at least 5 responses" in content


def test_the_course_page_links_to_its_public_satisfaction_page(client_as, rated, course):
    content = client_as("officer").get(course.url).content.decode()
    assert reverse("feedback:course", args=[course.pk]) in content
    assert "83%" not in content


@pytest.mark.parametrize("bad", ["999999", str(2**62)])
def test_unknown_courses_are_not_found(client, db, bad):
    assert client.get(f"/feedback/satisfaction/{bad}/").status_code == 404


def test_an_unpublished_course_is_not_found(client, rated, course):
    course.unpublish()
    assert client.get(reverse("feedback:course", args=[course.pk])).status_code == 404
    assert "Hate crime" not in client.get(reverse("feedback:summary")).content.decode()


def test_the_summary_query_count_does_not_grow_with_responses(
    client, org, course, other_course, settings, django_assert_num_queries
):
    settings.FEEDBACK_PUBLISH_MIN_RESPONSES = 5
    add_responses(course, org.team_a, [(5, 5)] * 5)
    client.get(reverse("feedback:summary"))
    with django_assert_num_queries(QUERIES_SUMMARY):
        client.get(reverse("feedback:summary"))
    add_responses(course, org.team_b, [(3, 3)] * 10)
    add_responses(other_course, org.team_b, [(3, 3)] * 10)
    with django_assert_num_queries(QUERIES_SUMMARY):
        client.get(reverse("feedback:summary"))
    with django_assert_num_queries(QUERIES_COURSE):
        client.get(reverse("feedback:course", args=[course.pk]))


QUERIES_SUMMARY = 3
QUERIES_COURSE = 3
