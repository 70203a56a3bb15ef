"""
The reports replica router (config/db_routers.py): report reads go to the replica, a
writer's own reads stay on the primary. The test settings have one database, so these tests
call the router and middleware directly with the replica switched on.
"""

from contextvars import copy_context

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from accounts.models import Unit, User
from config import db_routers
from config.db_routers import (
    PIN_COOKIE,
    ReplicaRoutingMiddleware,
    ReportsReplicaRouter,
    pinned_to_primary,
    reading_reports,
)

router = ReportsReplicaRouter()


@pytest.fixture(autouse=True)
def replica_on(monkeypatch):
    monkeypatch.setattr(db_routers, "replica_configured", lambda: True)


def isolated(function):
    """Run in a context of its own, as each request and thread does."""
    return copy_context().run(function)


def test_reads_go_to_the_primary_outside_a_report():
    assert isolated(lambda: router.db_for_read(User)) is None


def test_report_reads_go_to_the_replica():
    def read():
        with reading_reports():
            return router.db_for_read(User), router.db_for_read(Unit)

    assert isolated(read) == ("replica", "replica")


def test_sessions_are_always_read_from_the_primary():
    def read():
        with reading_reports():
            return router.db_for_read(Session)

    assert isolated(read) is None


def test_after_a_write_the_same_report_reads_from_the_primary():
    def write_then_read():
        with reading_reports():
            before = router.db_for_read(User)
            assert router.db_for_write(User) == "default"
            during = router.db_for_read(User)
        return before, during, pinned_to_primary()

    assert isolated(write_then_read) == ("replica", None, True)


def test_a_thread_that_wrote_never_reads_reports_from_the_replica():
    def write_then_report():
        router.db_for_write(User)
        with reading_reports():
            return router.db_for_read(User)

    assert isolated(write_then_report) is None


def test_without_a_replica_reports_read_from_the_primary(monkeypatch):
    monkeypatch.setattr(db_routers, "replica_configured", lambda: False)

    def read():
        with reading_reports():
            return router.db_for_read(User)

    assert isolated(read) is None


def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "accounts") is True
    assert router.allow_migrate("replica", "accounts") is False


def reads_seen_by(view_write: bool = False):
    """A view that records where its reads would go (before and after an optional write)."""
    seen = []

    def view(request):
        seen.append(router.db_for_read(User))
        if view_write:
            router.db_for_write(User)
            seen.append(router.db_for_read(User))
        return HttpResponse("ok")

    return seen, ReplicaRoutingMiddleware(view)


@override_settings(REPORTS_REPLICA_PATHS=["/admin/reports/"], REPORTS_REPLICA_PIN_SECONDS=15)
def test_middleware_sends_report_pages_to_the_replica_and_other_pages_to_the_primary():
    seen, middleware = reads_seen_by()
    isolated(lambda: middleware(RequestFactory().get("/admin/reports/compliance/")))
    isolated(lambda: middleware(RequestFactory().get("/courses/judaism/")))
    isolated(lambda: middleware(RequestFactory().post("/admin/reports/compliance/")))
    assert seen == ["replica", None, None]


@override_settings(REPORTS_REPLICA_PATHS=["/admin/reports/"], REPORTS_REPLICA_PIN_SECONDS=15)
def test_a_post_pins_the_person_to_the_primary_for_a_while():
    seen, middleware = reads_seen_by()
    response = isolated(lambda: middleware(RequestFactory().post("/admin/compliance/exemptions/add/")))
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 15
    assert cookie["httponly"] is True

    pinned_request = RequestFactory().get("/admin/reports/compliance/")
    pinned_request.COOKIES[PIN_COOKIE] = cookie.value
    isolated(lambda: middleware(pinned_request))
    assert seen == [None, None]


@override_settings(REPORTS_REPLICA_PATHS=["/admin/reports/"])
def test_a_report_page_that_writes_reads_its_own_write_from_the_primary():
    seen, middleware = reads_seen_by(view_write=True)
    response = isolated(lambda: middleware(RequestFactory().get("/admin/reports/compliance/")))
    assert seen == ["replica", None]
    assert PIN_COOKIE not in response.cookies


@override_settings(REPORTS_REPLICA_PATHS=["/admin/reports/"])
def test_each_request_starts_afresh_in_the_same_thread():
    seen, middleware = reads_seen_by(view_write=True)
    middleware(RequestFactory().get("/admin/reports/compliance/"))
    middleware(RequestFactory().get("/admin/reports/compliance/"))
    assert seen == ["replica", None, "replica", None]
