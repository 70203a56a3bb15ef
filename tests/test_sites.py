"""
``core.sites``: the request's Wagtail site and its root page come from the shared cache, and
a change to either is seen by the next request once it has committed.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core import sites
from home.models import HomePage

pytestmark = pytest.mark.django_db


def get(client, path="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [q["sql"] for q in queries if "wagtailcore_site" in q["sql"] or "home_homepage" in q["sql"]]


def test_the_site_and_home_page_are_read_once_then_come_from_the_cache(client_as):
    client = client_as("officer")
    response, first = get(client)
    assert response.status_code == 200 and first  # read from the database, then cached
    response, second = get(client)
    assert response.status_code == 200
    assert second == []


def test_a_published_home_page_is_served_at_once(client_as, django_capture_on_commit_callbacks):
    client = client_as("officer")
    get(client)
    home = HomePage.objects.get(depth=2)
    home.introduction = "Welcome to the new term's training."
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    response, queries = get(client)
    assert "Welcome to the new term&#x27;s training." in response.content.decode()
    assert queries  # read again after the change


def test_a_changed_site_is_seen_by_the_next_request(client_as, django_capture_on_commit_callbacks):
    client = client_as("officer")
    assert get(client)[0].status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "elsewhere.example.police.uk", False
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    # No site answers for this host any more: Wagtail's "not found", as without the cache.
    assert get(client)[0].status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        site.is_default_site = True
        site.save()
    assert get(client)[0].status_code == 200


def test_no_site_for_a_host_is_cached_too():
    Site.objects.update(is_default_site=False)
    request = RequestFactory().get("/", HTTP_HOST="unknown.example")
    assert sites.site_for_request(request) is None
    with CaptureQueriesContext(connection) as queries:
        assert sites.site_for_request(RequestFactory().get("/", HTTP_HOST="unknown.example")) is None
    assert len(queries) == 0


def test_each_request_gets_its_own_copy():
    one = sites.site_for_request(RequestFactory().get("/"))
    one.site_name = "changed in one request only"
    two = sites.site_for_request(RequestFactory().get("/"))
    assert two is not one and two.site_name != "changed in one request only"
    # The root page is kept in its own class, so routing needs no query for it.
    assert type(two.root_page) is HomePage
