"""
Managers' reports read from a replica; everyone's own writes are read back from the primary.

With ``REPORTS_DATABASE_URL`` set, ``config.settings.base`` adds a ``replica`` database
alias and this router. ``ReplicaRoutingMiddleware`` marks a request as a report read when it
is a GET or HEAD under one of ``REPORTS_REPLICA_PATHS`` (the Wagtail reports menu by
default); only then do reads go to the replica. A request is pinned to the primary, and
reads nothing from the replica again, as soon as it writes anything, and for
``REPORTS_REPLICA_PIN_SECONDS`` after any POST (a cookie), so that a manager who has just
granted an exemption sees it on the report they are sent back to, whatever the replica's lag.
Sessions and the task queue are always read from the primary. Background work can read
reports from the replica with ``with reading_reports(): ...``.

The state is a context variable: each thread and each request starts on the primary.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

REPLICA_ALIAS = "replica"
PIN_COOKIE = "primary_pin"

# Apps whose rows must never be read stale: a session written a moment ago on the primary,
# a task claimed by a worker.
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_tasks_database"})

# None: not a report (primary). True: report reads may use the replica. False: pinned.
_on_replica: ContextVar[bool | None] = ContextVar("reports_on_replica", default=None)


def replica_configured() -> bool:
    return REPLICA_ALIAS in settings.DATABASES


@contextmanager
def reading_reports() -> Iterator[None]:
    """Send this block's reads to the replica, unless it or its caller has already written."""
    if _on_replica.get() is False or not replica_configured():
        yield
        return
    token = _on_replica.set(True)
    try:
        yield
    finally:
        wrote = pinned_to_primary()
        _on_replica.reset(token)
        if wrote:
            pin_to_primary()


def pin_to_primary() -> None:
    """Read from the primary for the rest of this request (or thread)."""
    _on_replica.set(False)


def pinned_to_primary() -> bool:
    return _on_replica.get() is False


class ReportsReplicaRouter:
    """Database router: report reads to ``replica``; every write, and what follows it, to ``default``."""

    def db_for_read(self, model, **hints):
        if _on_replica.get() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA_ALIAS
        return None

    def db_for_write(self, model, **hints):
        pin_to_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: an object from either may point to the other's.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica receives the primary's schema by replication, never by migrate.
        return db == DEFAULT_DB_ALIAS


class ReplicaRoutingMiddleware:
    """Mark report GETs as replica reads; pin a person to the primary for a while after a POST."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        token = _on_replica.set(self._reads_replica(request))
        try:
            response = self.get_response(request)
            if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.REPORTS_REPLICA_PIN_SECONDS,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        finally:
            _on_replica.reset(token)

    @staticmethod
    def _reads_replica(request) -> bool | None:
        if request.method not in ("GET", "HEAD") or PIN_COOKIE in request.COOKIES:
            return False
        if any(request.path.startswith(prefix) for prefix in settings.REPORTS_REPLICA_PATHS):
            return True
        return None
