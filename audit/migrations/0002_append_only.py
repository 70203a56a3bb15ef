"""
The chain head's one row, and on PostgreSQL a trigger that refuses UPDATE and DELETE on the
events table whatever the client (psql, a script, a bug): the trail is append-only in the
database, not only in code. TRUNCATE is left to the table's owner (Django's test flush uses
it); ``verify_audit_trail`` detects it through the chain head. SQLite has no such guard; there
the code refuses and ``verify_audit_trail`` detects (docs/decisions.md).
"""

from django.db import migrations

TRIGGER_SQL = """
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
"""

DROP_SQL = """
DROP TRIGGER IF EXISTS audit_event_no_update_or_delete ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_refuse_change();
"""


def create_head(apps, schema_editor):
    apps.get_model("audit", "ChainHead").objects.using(schema_editor.connection.alias).get_or_create(
        pk=1, defaults={"sequence": 0, "hash": ""}
    )


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_events")]

    operations = [
        migrations.RunPython(create_head, migrations.RunPython.noop),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
