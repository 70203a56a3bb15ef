"""
Bring every training requirement's assignments up to date.

Assignments already follow requirements (when saved in the admin) and people (when their
unit, rank or active flag changes). Run this after a bulk HR import that bypasses the ORM,
or nightly as a safety net:

    15 2 * * * cd /srv/training && .venv/bin/python manage.py sync_assignments
"""

from django.core.management.base import BaseCommand

from compliance.services import sync_all


class Command(BaseCommand):
    help = "Create and end training assignments so they match requirements and people."

    def handle(self, *args, **options):
        result = sync_all()
        self.stdout.write(f"Assignments created: {result.created}; ended: {result.ended}.")
