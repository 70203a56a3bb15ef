"""
Writes and rules for enrolment, progress and completion.

Every function here is keyword-only and transactional. Completion is computed when the
event that may cause it happens (a module marked complete, an assessment passed), never by
a periodic job. Each enrolment's row is locked (``select_for_update``) before its progress
changes, so two tabs or two requests at once queue up and cannot complete a course twice;
unique constraints back this up in the database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry, Revision

from . import completion
from .completion import CriterionResult
from .models import (
    CourseCompletion,
    CourseCompletionModule,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleVersion,
)
from .signals import course_completed, course_started


class NotEnrolled(Exception):
    """The officer has no enrolment on the module's course."""


def current_enrolments(*, user, course_ids=None):
    """
    Each course's current enrolment comes first when ordered like this: the open one if
    there is one, then the most recently completed.
    """
    queryset = Enrolment.objects.filter(user=user)
    if course_ids is not None:
        queryset = queryset.filter(course_id__in=course_ids)
    return queryset.order_by("course_id", F("completed_at").desc(nulls_first=True), "-enrolled_at")


def current_enrolment(*, user, course: CoursePage) -> Enrolment | None:
    """The open enrolment if there is one, otherwise the most recent completed one."""
    if not user.is_authenticated:
        return None
    return current_enrolments(user=user, course_ids=[course.pk]).first()


def enrol(*, user, course: CoursePage, source: str = EnrolmentSource.SELF, when=None) -> Enrolment:
    """
    Enrol the officer on the course, or return the enrolment they already have (open, or
    completed and still valid outside the renewal window). Within the course's renewal
    window before a completion expires, or once it has expired, a new cycle starts; the old
    completion stays in history. Idempotent, and safe when two requests race: the database
    allows one open enrolment per officer and course.
    """
    when = when or timezone.now()
    existing = Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).first()
    if existing:
        return existing
    latest = (
        Enrolment.objects.filter(user=user, course=course, status=EnrolmentStatus.COMPLETED)
        .select_related("completion")
        .order_by("-completed_at")
        .first()
    )
    if latest and not renewal_open(latest, course=course, today=timezone.localdate(when)):
        return latest
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                user=user, course=course, course_title=course.title, source=source, enrolled_at=when
            )
    except IntegrityError:
        return Enrolment.objects.get(user=user, course=course, completed_at__isnull=True)


def renewal_open(enrolment: Enrolment, *, course: CoursePage, today) -> bool:
    """Whether a completed enrolment may be renewed now: it has expired, or expires within the window."""
    record = getattr(enrolment, "completion", None)
    if record is None or record.valid_until is None:
        return False
    return (record.valid_until - today).days <= course.renewal_window_days


def _lock_enrolment(*, user, course: CoursePage) -> Enrolment | None:
    """The current enrolment (see ``current_enrolments``), locked for the rest of the transaction."""
    return (
        Enrolment.objects.select_for_update()
        .filter(user=user, course=course)
        .order_by(F("completed_at").desc(nulls_first=True), "-enrolled_at")
        .first()
    )


@transaction.atomic
def start_module(*, user, module: ModulePage, when=None) -> ModuleProgress | None:
    """
    Mark the module started for an enrolled officer (opening it does this). Returns None
    when the officer is not enrolled or has already completed the course.
    """
    when = when or timezone.now()
    enrolment = _lock_enrolment(user=user, course=module.course)
    if enrolment is None or enrolment.status == EnrolmentStatus.COMPLETED:
        return None
    progress, _ = ModuleProgress.objects.get_or_create(
        enrolment=enrolment,
        module=module,
        defaults={"user": user, "module_title": module.title, "started_at": when},
    )
    if enrolment.started_at is None:
        enrolment.started_at = when
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        course_started.send(sender=Enrolment, enrolment=enrolment)
    return progress


@dataclass(frozen=True)
class ModuleCompletionResult:
    progress: ModuleProgress
    course_completion: CourseCompletion | None
    newly_completed: bool


@transaction.atomic
def complete_module(*, user, module: ModulePage, revision_id: int | None = None, when=None) -> ModuleCompletionResult:
    """
    Record that the officer has read and understood the module, pinned to the revision they
    read, then complete the course if that was the last thing left. Idempotent: completing
    a completed module changes nothing.
    """
    when = when or timezone.now()
    enrolment = _lock_enrolment(user=user, course=module.course)
    if enrolment is None:
        raise NotEnrolled
    progress = ModuleProgress.objects.filter(enrolment=enrolment, module=module).first()
    if progress and progress.completed_at:
        return ModuleCompletionResult(progress, getattr(enrolment, "completion", None), newly_completed=False)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        # The course was completed without this module (it was added later): nothing to record.
        return ModuleCompletionResult(progress, enrolment.completion, newly_completed=False)
    if progress is None:
        progress = ModuleProgress(enrolment=enrolment, module=module, user=user, module_title=module.title)
        progress.started_at = when
    progress.completed_at = when
    progress.completed_version = archive_version(module=module, revision_id=revision_id)
    progress.module_title = module.title
    progress.save()
    if enrolment.started_at is None:
        enrolment.started_at = when
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        course_started.send(sender=Enrolment, enrolment=enrolment)
    course_completion = complete_course_if_done(enrolment=enrolment, when=when, locked=True)
    return ModuleCompletionResult(progress, course_completion, newly_completed=True)


def _revision_read(*, module: ModulePage, revision_id: int | None) -> Revision | None:
    """
    The revision the officer read: the one the page was showing when they opened it (sent
    back with the form), if it really is a published revision of this module; otherwise
    the live one.
    """
    if revision_id is not None and revision_id != module.live_revision_id:
        was_published = PageLogEntry.objects.filter(
            page_id=module.pk, action="wagtail.publish", revision_id=revision_id
        ).exists()
        if was_published:
            return Revision.objects.filter(pk=revision_id).first()
    return module.live_revision


def archive_version(*, module: ModulePage, revision_id: int | None = None) -> ModuleVersion:
    """The archived copy of the revision the officer read, made once per revision."""
    revision = _revision_read(module=module, revision_id=revision_id)
    if revision is None:
        # A page published without a revision (only possible outside the admin): record it now.
        revision = module.save_revision(clean=False, log_action=False)
        module.live_revision = revision
        module.save(update_fields=["live_revision"], clean=False)
    existing = ModuleVersion.objects.filter(source_revision_id=revision.pk).first()
    if existing:
        return existing
    content = revision.content
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    try:
        with transaction.atomic():
            return ModuleVersion.objects.create(
                module=module,
                module_page_id=module.pk,
                source_revision_id=revision.pk,
                revision_created_at=revision.created_at,
                title=content.get("title", module.title),
                estimated_minutes=content.get("estimated_minutes") or module.estimated_minutes,
                content=content,
                digest=digest,
                reading_digest=revision.as_object().compute_reading_digest(),
            )
    except IntegrityError:
        return ModuleVersion.objects.get(source_revision_id=revision.pk)


def complete_course_if_done(*, enrolment: Enrolment, when=None, locked: bool = False) -> CourseCompletion | None:
    """
    Complete the enrolment if every registered criterion that applies is met. Called by
    this app when a module is completed and by other apps when their criterion may have
    become met (an assessment passed). Idempotent and safe under concurrency: the enrolment
    row is locked and a completion is one-to-one with its enrolment.
    """
    when = when or timezone.now()
    with transaction.atomic():
        if not locked:
            enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.COMPLETED:
            return CourseCompletion.objects.filter(enrolment=enrolment).first()
        if enrolment.course_id is None:
            return None
        results = completion.evaluate([enrolment])[enrolment.pk]
        applicable = {key: result for key, result in results.items() if result.applies}
        if not applicable or not all(result.met for result in applicable.values()):
            return None
        course = CoursePage.objects.get(pk=enrolment.course_id)
        record = CourseCompletion.objects.create(
            enrolment=enrolment,
            user_id=enrolment.user_id,
            course=course,
            course_title=course.title,
            course_revision_id=course.live_revision_id,
            completed_at=when,
            valid_until=CourseCompletion.valid_until_for(timezone.localdate(when), course.validity_months),
            score=next((result.score for result in applicable.values() if result.score is not None), None),
            evidence={key: result.evidence for key, result in applicable.items()},
        )
        version_ids = (
            ModuleProgress.objects.filter(enrolment=enrolment, completed_version__isnull=False)
            .values_list("completed_version_id", flat=True)
            .distinct()
        )
        CourseCompletionModule.objects.bulk_create(
            [CourseCompletionModule(completion=record, version_id=version_id) for version_id in version_ids]
        )
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = when
        enrolment.save(update_fields=["status", "completed_at"])
        course_completed.send(sender=Enrolment, enrolment=enrolment, completion=record)
        return record


class ModulesCompletedCriterion:
    """Built in: every live module of the course has been completed in this enrolment."""

    key = "modules"

    def evaluate_many(self, enrolments: list[Enrolment]) -> dict[int, CriterionResult]:
        from .selectors import live_modules_by_course

        modules_by_course = live_modules_by_course([e.course_id for e in enrolments if e.course_id])
        completed = set(
            ModuleProgress.objects.filter(
                enrolment__in=[e.pk for e in enrolments], completed_at__isnull=False
            ).values_list("enrolment_id", "module_id")
        )
        results = {}
        for enrolment in enrolments:
            module_ids = [module.pk for module in modules_by_course.get(enrolment.course_id, [])]
            done = [pk for pk in module_ids if (enrolment.pk, pk) in completed]
            results[enrolment.pk] = CriterionResult(
                applies=bool(module_ids),
                met=len(done) == len(module_ids),
                label=str(_("Read and understand every module")),
                evidence={"modules_completed": len(done), "modules_required": len(module_ids)},
            )
        return results
