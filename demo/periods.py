"""
Demo prior certifications: one officer trained elsewhere (imported, with a note) and one
who attended a classroom session here (recorded by an administrator), both for the hate
crime course, chosen among the crowd who had never completed it. Idempotent.
"""

import datetime

from django.utils import timezone

from accounts.models import User
from compliance.models import PriorCertification
from compliance.prior import record_prior_certification
from courses.models import CourseCompletion, CoursePage


def load_prior_certifications(people: dict[str, User]) -> list[PriorCertification]:
    today = timezone.localdate()
    course = CoursePage.objects.get(slug="hate-crime-recognise-record-support")
    admin = people["admin"]
    existing = list(PriorCertification.objects.filter(course=course).order_by("pk"))
    if existing:
        return existing
    never = (
        User.objects.filter(assignments__course=course, assignments__ended_on__isnull=True, username__startswith="pc")
        .exclude(pk__in=CourseCompletion.objects.filter(course=course).values("user_id"))
        .exclude(enrolments__course=course)
        .exclude(exemptions__isnull=False)
        .order_by("-username")
        .distinct()
    )
    chosen = list(never[:2])
    stories = [
        (
            PriorCertification.Kind.IMPORTED,
            today - datetime.timedelta(days=120),
            "Completed the Metropolitan Police's hate crime course before transferring; paper certificate seen.",
        ),
        (
            PriorCertification.Kind.RECORDED,
            today - datetime.timedelta(days=14),
            "Classroom session at Stoke Newington, run by the force training lead.",
        ),
    ]
    return [
        record_prior_certification(
            person=person, course=course, completed_on=on, kind=kind, note=note, recorded_by=admin
        )
        for person, (kind, on, note) in zip(chosen, stories, strict=False)
    ]
