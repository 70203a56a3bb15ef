"""
Load the demo: a fictional force with people, courses and records to explore.

Idempotent: running it again updates the demo in place rather than duplicating it.
Refuses to run unless DEBUG is on, because it sets one well-known password on every
demo account.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import (
    api,
    certificates,
    compliance,
    courses,
    feedback,
    notifications,
    organisation,
    periods,
    quizzes,
    refreshers,
    reviews,
    scorm,
    snapshots,
    xapi,
)
from demo import lti as demo_lti

DEMO_PASSWORD = "training-demo-2026"  # noqa: S105 - documented in the README; DEBUG only


class Command(BaseCommand):
    help = "Load the demo force, people and courses (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo sets a published password on the demo accounts, so it only runs with DEBUG on. "
                "Never load the demo on a server that real officers use."
            )
        with transaction.atomic():
            units = organisation.load_units()
            people = organisation.load_people(units, DEMO_PASSWORD)
            course_pages = courses.load_courses()
            reviews.load_partner_review(people)
            quiz_pages = quizzes.load_quizzes()
            requirements = compliance.load_compliance(units, people, DEMO_PASSWORD)
            periods.load_prior_certifications(people)
            certificates.load_certificates(people)
            snapshots.load_snapshots()
            feedback.load_feedback()
            notifications.load_reminders()
            refreshers.load_refreshers()
            api.load_api_token(people)
            statements = xapi.load_xapi()
            scorm.load_scorm()
            demo_lti.load_lti_platform()  # "Demo Moodle"; `manage.py lti_demo_launch` serves it
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {len(units)} units, {len(course_pages)} courses, {len(quiz_pages)} quizzes, "
                f"{len(requirements)} training requirements, {len(people)} demo accounts "
                f"(password “{DEMO_PASSWORD}”): {', '.join(sorted(people))}; {statements} xAPI statements "
                "in the outbox (sent to the local LRS if `make lrs` is running)."
            )
        )
