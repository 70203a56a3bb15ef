"""
A database-level guard on the compliance snapshots (docs/security.md, "Snapshots cannot be
changed"): triggers on both tables refuse every UPDATE and DELETE, so raw SQL, a database
shell or a Django path that bypasses ``FrozenQuerySet`` (``_base_manager``, ``_update``)
cannot quietly alter a snapshot. One UPDATE is allowed: clearing a figure's ``unit_id`` and
nothing else, which is what deleting a unit does (``on_delete=SET_NULL``; the figure keeps the
unit's path and name as they were). PostgreSQL also refuses TRUNCATE. ``manage.py flush``
alone may empty them (``compliance.snapshot_guard.erasing``). Installed again by any later
migration that rebuilds either table (SQLite drops a table's triggers with it).
"""

from django.db import migrations

from compliance.snapshot_guard import install_guard, remove_guard


def forwards(apps, schema_editor):
    install_guard(schema_editor.connection)


def backwards(apps, schema_editor):
    remove_guard(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0008_completion_provenance_prior_certifications_and_rule_changes")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
