"""
Django's ``flush`` (empty every table), allowed to empty the compliance snapshots too.

Snapshots are never changed nor deleted (``compliance.snapshot_guard``: triggers on both
tables). Emptying the whole database is the one deliberate exception: development resets and
Django's test runner, which flushes between browser tests. This command is Django's own, run
inside ``erasing`` on every connection it may flush.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections

from compliance.snapshot_guard import erasing


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        with erasing(connection):
            return super().handle(**options)
