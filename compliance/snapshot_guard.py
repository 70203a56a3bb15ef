"""
The database-level guard on compliance snapshots (installed by migration
``0009_snapshot_guard``): triggers that refuse UPDATE and DELETE on
``ComplianceSnapshot`` and ``ComplianceSnapshotFigure`` rows, on PostgreSQL and SQLite.

The ORM refuses first (``compliance.models.FrozenQuerySet`` / ``FrozenModel`` raise
``SnapshotIsFrozen``); these triggers are the backstop for everything that does not go
through it: raw SQL, a database shell, Django internals such as ``_base_manager`` or
``QuerySet._update``. The error is an integrity error on both databases (PostgreSQL's
``restrict_violation``, SQLite's ``RAISE(ABORT)``), so Django raises ``IntegrityError``.

The one UPDATE allowed is a figure's ``unit_id`` becoming NULL with every other column
unchanged: deleting a unit sets it (``on_delete=SET_NULL``) and the figure keeps the unit's
path and name as they were.

One deliberate way round it: ``manage.py flush`` (development and tests: Django's test runner
flushes between browser tests), which empties every table, wraps itself in ``erasing``.
"""

import contextlib

SNAPSHOT_TABLE = "compliance_compliancesnapshot"
FIGURE_TABLE = "compliance_compliancesnapshotfigure"
#: The figure's columns other than ``unit_id`` (an allowed UPDATE changes none of them).
FIGURE_COLUMNS = (
    "id",
    "snapshot_id",
    "unit_path",
    "unit_name",
    "course_id",
    "rank",
    "total",
    "compliant",
    "overdue",
    "expiring",
    "due_soon",
)
MESSAGE = "compliance snapshots are never changed or deleted once taken"
#: PostgreSQL: the session setting ``erasing`` turns on for ``manage.py flush``.
ERASURE_SETTING = "compliance.snapshot_erasure"
#: SQLite: the function the triggers ask (registered on each Django connection by
#: ``register_sqlite_function``; a connection without it, such as the sqlite3 shell, fails
#: with "no such function", so the guard holds there too).
SQLITE_FUNCTION = "compliance_snapshot_guarded"

_POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION compliance_snapshot_frozen() RETURNS trigger AS $$
BEGIN
    IF current_setting('{ERASURE_SETTING}', true) = 'on' THEN
        -- manage.py flush (see ``erasing``): the whole database is being emptied on purpose.
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' AND TG_TABLE_NAME = '{FIGURE_TABLE}' THEN
        -- Nested: OLD.unit_id exists on the figures' table only.
        IF OLD.unit_id IS NOT NULL AND NEW.unit_id IS NULL
            AND (to_jsonb(NEW) - 'unit_id') = (to_jsonb(OLD) - 'unit_id') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '{MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""


def _postgresql(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_frozen ON {table};",
        f"CREATE TRIGGER {table}_frozen BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION compliance_snapshot_frozen();",
        f"DROP TRIGGER IF EXISTS {table}_not_truncated ON {table};",
        f"CREATE TRIGGER {table}_not_truncated BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION compliance_snapshot_frozen();",
    ]


def _sqlite() -> list[str]:
    unchanged = " AND ".join(f"NEW.{column} IS OLD.{column}" for column in FIGURE_COLUMNS)
    return [
        f"CREATE TRIGGER IF NOT EXISTS {SNAPSHOT_TABLE}_no_update BEFORE UPDATE ON {SNAPSHOT_TABLE} "
        f"WHEN {SQLITE_FUNCTION}() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {SNAPSHOT_TABLE}_no_delete BEFORE DELETE ON {SNAPSHOT_TABLE} "
        f"WHEN {SQLITE_FUNCTION}() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {FIGURE_TABLE}_no_update BEFORE UPDATE ON {FIGURE_TABLE} "
        f"WHEN {SQLITE_FUNCTION}() AND NOT (OLD.unit_id IS NOT NULL AND NEW.unit_id IS NULL AND {unchanged}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {FIGURE_TABLE}_no_delete BEFORE DELETE ON {FIGURE_TABLE} "
        f"WHEN {SQLITE_FUNCTION}() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    ]


def install_guard(connection) -> None:
    """Create the triggers on ``connection`` (PostgreSQL or SQLite; other databases get none)."""
    if connection.vendor == "postgresql":
        statements = [_POSTGRESQL_FUNCTION, *_postgresql(SNAPSHOT_TABLE), *_postgresql(FIGURE_TABLE)]
    elif connection.vendor == "sqlite":
        statements = _sqlite()
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def remove_guard(connection) -> None:
    """Drop the triggers (the migration's reverse; nothing in the application calls it)."""
    if connection.vendor == "postgresql":
        statements = [
            f"DROP TRIGGER IF EXISTS {table}_{name} ON {table};"
            for table in (SNAPSHOT_TABLE, FIGURE_TABLE)
            for name in ("frozen", "not_truncated")
        ] + ["DROP FUNCTION IF EXISTS compliance_snapshot_frozen();"]
    elif connection.vendor == "sqlite":
        statements = [
            f"DROP TRIGGER IF EXISTS {table}_{name};"
            for table in (SNAPSHOT_TABLE, FIGURE_TABLE)
            for name in ("no_update", "no_delete")
        ]
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """On each new SQLite connection (``connection_created``): the function the triggers ask."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        SQLITE_FUNCTION, 0, lambda: 0 if getattr(connection, "_snapshot_erasure", False) else 1
    )


@contextlib.contextmanager
def erasing(connection):
    """
    Let this connection delete snapshots while the block runs: only ``manage.py flush``, which
    empties the whole database, uses it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', false)", [ERASURE_SETTING])
    connection._snapshot_erasure = True
    try:
        yield
    finally:
        connection._snapshot_erasure = False
        if connection.vendor == "postgresql" and connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'off', false)", [ERASURE_SETTING])
