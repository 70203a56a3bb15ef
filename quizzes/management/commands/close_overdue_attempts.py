"""
Close and mark every quiz attempt whose time limit (plus the grace period) has passed.

Run it from cron every few minutes, for example:

    */5 * * * * cd /srv/training && .venv/bin/python manage.py close_overdue_attempts

An officer's own next visit closes their overdue attempt too; this catches those who
never come back, so reports are not left with attempts "in progress" for ever.
"""

from django.core.management.base import BaseCommand

from quizzes.services import close_overdue_attempts


class Command(BaseCommand):
    help = "Close and mark quiz attempts whose time has run out."

    def handle(self, *args, **options):
        closed = close_overdue_attempts()
        self.stdout.write(f"Closed {closed} overdue attempt{'s' if closed != 1 else ''}.")
