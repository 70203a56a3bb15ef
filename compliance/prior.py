"""
Prior certifications: an administrator records that a person completed a course elsewhere
or on paper (*imported*), or here outside the platform, e.g. a classroom session
(*recorded by an administrator*). One transaction writes the enrolment it rests on (source
"imported" or "recorded"), the ``CourseCompletion`` with its period (the course's validity
rule from the day completed) and provenance, the ``PriorCertification`` with the evidence
and note, the audit event, and the person's compliance state.

Imported training gets no ``courses.signals.course_completed``: the platform did not train
the person, so nothing that reacts to learning here (a certificate, a feedback request)
follows; the compliance state is refreshed directly. Training recorded by an administrator
was done here, so it is announced like any completion here (the certificate follows), and
``compliance.signals`` updates the state from that.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from accounts.scoping import granter_name
from audit.models import Action
from audit.services import record_event
from courses.models import CourseCompletion, CoursePage, Enrolment, EnrolmentSource, EnrolmentStatus, Provenance
from courses.signals import course_completed

from .models import PriorCertification
from .services import record_completion

User = get_user_model()

SOURCES = {
    PriorCertification.Kind.IMPORTED: (EnrolmentSource.IMPORTED, Provenance.IMPORTED),
    PriorCertification.Kind.RECORDED: (EnrolmentSource.RECORDED, Provenance.RECORDED),
}


def completed_moment(day: datetime.date) -> datetime.datetime:
    """A day recorded without a time counts from midday, local time (so it is that day in any time zone)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def check_prior(*, person, course, completed_on, recorded_by, today: datetime.date | None = None) -> None:
    """Raise ``ValidationError`` (by field) if the rules refuse recording this."""
    today = today or timezone.localdate()
    errors = {}
    if person is not None and recorded_by is not None and person.pk == recorded_by.pk:
        errors["user"] = _("Nobody can record their own training: ask another administrator.")
    if person is not None and not person.is_active:
        errors["user"] = _("This account is not active.")
    if completed_on is not None and completed_on > today:
        errors["completed_on"] = _("The date completed cannot be in the future.")
    if course is None:
        errors["course"] = _("Choose the course that was completed.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_prior_certification(
    *,
    person,
    course: CoursePage,
    completed_on: datetime.date,
    kind: str,
    recorded_by,
    note: str = "",
    evidence=None,
    evidence_reference: str = "",
    request=None,
) -> PriorCertification:
    """
    Record a completion not taken on the platform; raises ``ValidationError`` if a rule refuses it.
    ``evidence_reference`` names evidence kept elsewhere (another system's record number), kept in
    the completion's evidence beside or instead of a file.
    """
    if not (recorded_by.is_superuser or recorded_by.has_perm("compliance.add_priorcertification")):
        raise ValidationError(_("Only administrators can record prior certifications."))
    kind = PriorCertification.Kind(kind)
    check_prior(person=person, course=course, completed_on=completed_on, recorded_by=recorded_by)
    # The person is locked, as every change to their state does, so a double submission waits and is refused.
    person = User.objects.select_for_update().get(pk=person.pk)
    when = completed_moment(completed_on)
    source, provenance = SOURCES[kind]
    if CourseCompletion.objects.filter(
        user=person, course=course, valid_from=completed_on, provenance=provenance
    ).exists():
        raise ValidationError(
            {
                "completed_on": _("This completion is already recorded for %(person)s.")
                % {"person": person.display_name}
            }
        )
    prior = PriorCertification(
        user=person,
        course=course,
        course_title=course.title,
        kind=kind,
        completed_on=completed_on,
        note=note,
        evidence=evidence or "",
        recorded_by=recorded_by,
        recorded_by_name=granter_name(recorded_by),
    )
    prior.full_clean(exclude=["completion"])
    enrolment = Enrolment.objects.create(
        user=person,
        course=course,
        course_title=course.title,
        status=EnrolmentStatus.COMPLETED,
        source=source,
        enrolled_at=when,
        started_at=when,
        completed_at=when,
    )
    valid_from, valid_until = course.validity_rule.period(completed_on)
    completion = CourseCompletion.objects.create(
        enrolment=enrolment,
        user=person,
        course=course,
        course_title=course.title,
        course_revision_id=course.live_revision_id,
        completed_at=when,
        valid_from=valid_from,
        valid_until=valid_until,
        provenance=provenance,
        evidence={
            "how": kind.value,
            "recorded_by": prior.recorded_by_name,
            "evidence_file": bool(evidence),
            **({"evidence_reference": evidence_reference} if evidence_reference else {}),
        },
    )
    prior.completion = completion
    prior.save()
    log(instance=prior, action="wagtail.create", user=recorded_by, content_changed=True)
    record_event(
        action=Action.PRIOR_CERTIFICATION_RECORDED,
        actor=recorded_by,
        subject=person,
        request=request,
        target=f"prior:{prior.pk}",
        data={
            "course_id": course.pk,
            "kind": kind.value,
            "completed_on": completed_on.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else None,
            "evidence": bool(evidence),
        },
    )
    if kind == PriorCertification.Kind.RECORDED:
        course_completed.send(sender=Enrolment, enrolment=enrolment, completion=completion)
    else:
        record_completion(completion)
    return prior
