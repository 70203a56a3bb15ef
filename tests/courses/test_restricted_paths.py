"""
``core.pages.restricted_paths``: Wagtail's privacy check asks the database only on a branch
where some page is restricted, and a restriction added, removed, moved with its page or
reaching an alias protects the page from the next request once it has committed.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import pages
from courses.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def get(client, url):
    """The response, and whether the privacy check asked the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, any("wagtailcore_pageviewrestriction" in q["sql"] for q in queries)


def restrict_to_trainers(page, capture):
    with capture(execute=True):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name="Trainer")])
    return restriction


def test_with_no_restriction_anywhere_pages_are_served_without_asking(client_as, modules):
    client = client_as("officer")
    assert get(client, modules[0].url)[0].status_code == 200  # fills the cache
    response, asked = get(client, modules[0].url)
    assert response.status_code == 200
    assert not asked


def test_a_restriction_on_another_branch_costs_this_one_nothing(
    client_as, catalogue, modules, django_capture_on_commit_callbacks
):
    other = CoursePageFactory(parent=catalogue, title="Trainers only", slug="trainers-only")
    restrict_to_trainers(other, django_capture_on_commit_callbacks)
    client = client_as("officer")
    get(client, modules[0].url)
    response, asked = get(client, modules[0].url)
    assert response.status_code == 200 and not asked
    response, asked = get(client, other.url)
    assert response.status_code == 302 and asked  # to sign in as someone allowed


def test_a_restriction_added_after_the_cache_was_filled_protects_the_next_request(
    client_as, course, modules, django_capture_on_commit_callbacks
):
    client = client_as("officer")
    assert get(client, modules[1].url)[0].status_code == 200
    restriction = restrict_to_trainers(course, django_capture_on_commit_callbacks)
    assert get(client, modules[1].url)[0].status_code == 302
    assert get(client_as("trainer"), modules[1].url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    client = client_as("officer")
    assert get(client, modules[1].url)[0].status_code == 200  # the entry read again
    response, asked = get(client, modules[1].url)
    assert response.status_code == 200 and not asked


def test_a_restricted_page_moved_elsewhere_is_protected_at_its_new_place(
    client_as, catalogue, course, modules, django_capture_on_commit_callbacks
):
    """Its path changes, and its pages' paths with it."""
    section = CoursePageFactory(parent=catalogue, title="Archive", slug="archive")
    restrict_to_trainers(course, django_capture_on_commit_callbacks)
    client = client_as("officer")
    assert get(client, modules[0].url)[0].status_code == 302  # the entry holds the old path
    with django_capture_on_commit_callbacks(execute=True):
        course.move(section, pos="last-child")
    modules[0].refresh_from_db()
    assert modules[0].url.startswith("/courses/archive/")
    assert get(client, modules[0].url)[0].status_code == 302
    assert get(client_as("trainer"), modules[0].url)[0].status_code == 200


def test_an_alias_is_protected_by_a_restriction_added_to_its_source(
    client_as, catalogue, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alias = course.create_alias(parent=catalogue, update_slug="hate-crime-alias")
    client = client_as("officer")
    assert get(client, alias.url)[0].status_code == 200
    restrict_to_trainers(course, django_capture_on_commit_callbacks)
    assert not PageViewRestriction.objects.filter(page=alias).exists()  # only on the source
    assert get(client, alias.url)[0].status_code == 302
    assert get(client_as("trainer"), alias.url)[0].status_code == 200


def test_an_entry_read_under_an_earlier_version_is_read_again(client_as, course, modules):
    """A reader that read the rows before a change committed wrote them under the old number."""
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    version = pages.current_version(pages.RESTRICTED_VERSION_KEY)
    cache.set(pages.RESTRICTED_KEY, (version - 1, ()))
    assert get(client_as("anonymous"), modules[0].url)[0].status_code == 302
    assert cache.get(pages.RESTRICTED_KEY) == (version, (course.path,))
    restriction.delete()


def test_saving_an_ordinary_page_keeps_the_entry(course, django_capture_on_commit_callbacks):
    pages.restricted_paths()
    version = cache.get(pages.RESTRICTED_VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Hate crime awareness (2027)"
        course.save_revision().publish()
    assert cache.get(pages.RESTRICTED_VERSION_KEY) == version
