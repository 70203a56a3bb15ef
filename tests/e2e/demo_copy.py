"""
The demo, copied once inside the database engine and copied back after every browser test.

``live_server`` empties the database after each test (``flush``). Django's serialized rollback
then re-saves every row of the demo through the ORM, about 2 s a test here and most of the
browser suite's time beside the browser itself (docs/decisions.md, 28). The engine copies the
same rows in milliseconds:

- SQLite: the backup API copies the whole file into an in-memory database once, and back into
  the test database after each flush (pages, not rows: no trigger fires, nothing is re-saved).
- PostgreSQL: every table is copied into a schema of its own once; after each test one
  transaction deletes every row and inserts the copies back, with triggers and foreign-key
  checks off for that transaction only (``session_replication_role = replica``, which needs a
  superuser; without one the ORM restore is kept). ``DELETE`` of a few thousand rows is
  quicker than ``TRUNCATE`` of some 150 tables, which makes new files for each.

Since this empties every table itself, the test runner's own flush is left with nothing to do
(``skip_flush``).

What comes back is exactly what ``load_demo`` left, audit trail and compliance snapshots
included (the ORM restore had to leave the audit trail out: its rows refuse to be re-saved).
"""

import sqlite3

from django.db import transaction

SCHEMA = "e2e_demo_copy"


def take(connection) -> bool:
    """Copy the database as it is now; return False where this engine or role cannot."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        connection._demo_copy = copy
        return True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if not cursor.fetchone()[0]:
                return False
            tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
            quote = connection.ops.quote_name
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
            filled = []
            for table in sorted(tables):
                cursor.execute(f"CREATE TABLE {SCHEMA}.{quote(table)} AS TABLE public.{quote(table)}")
                if cursor.rowcount:
                    filled.append(table)
        connection._demo_copy = (sorted(tables), filled)
        return True
    return False


def put_back(connection) -> None:
    """Make the database what it was when ``take`` ran."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection._demo_copy.backup(connection.connection)
        return
    tables, filled = connection._demo_copy
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table in tables:
            cursor.execute(f"DELETE FROM public.{quote(table)}")  # noqa: S608 - our own table names
        for table in filled:
            cursor.execute(f"INSERT INTO public.{quote(table)} SELECT * FROM {SCHEMA}.{quote(table)}")  # noqa: S608


def skip_flush(connection) -> None:
    """
    The flush after each test empties what ``put_back`` is about to replace: make it a no-op
    on this connection. Every browser test restores the copy first: ``journey`` and
    ``phone_journey`` ask for ``django_db_serialized_rollback``, and a browser test that uses
    neither fails at collection (tests/e2e/conftest.py).
    """
    connection.ops.execute_sql_flush = lambda sql_list: None
