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

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from . import completion
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
    Provenance,
)
from .selectors import live_children_by_course, renewal_open
from .signals import course_completed, course_started, module_completed, module_started


class NotEnrolled(Exception):
    """The officer has no enrolment on the module's course."""


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


def _lock_enrolment(*, user, course: CoursePage) -> Enrolment | None:
    """
    The current enrolment (the open one, else the latest completed, as
    ``selectors.current_enrolments_with_progress`` picks it), locked for the rest of the transaction.
    """
    return (
        Enrolment.objects.select_for_update()
        .filter(user=user, course=course)
        .order_by(F("completed_at").desc(nulls_first=True), "-enrolled_at")
        .first()
    )


def _current_enrolment_and_progress(*, user, module: ModulePage, lock: bool = False):
    """
    The current enrolment on the module's course and its progress row for the module, in one
    query; with ``lock``, the enrolment row is locked for the rest of the transaction.
    """
    enrolments = Enrolment.objects.filter(user=user, course_id=module.course.pk)
    if lock:
        enrolments = enrolments.select_for_update(of=("self",))
    enrolment = (
        enrolments.annotate(
            this_module=FilteredRelation("module_progress", condition=Q(module_progress__module_id=module.pk)),
            this_progress_id=F("this_module__id"),
            this_progress_completed_at=F("this_module__completed_at"),
        )
        .order_by(F("completed_at").desc(nulls_first=True), "-enrolled_at")
        .first()
    )
    if enrolment is None or enrolment.this_progress_id is None:
        return enrolment, None
    return enrolment, enrolment.this_progress_id


def start_module(*, user, module: ModulePage, when=None) -> ModuleProgress | None:
    """
    Mark the module started for an enrolled officer (opening it does this). Returns None
    when the officer is not enrolled or has already completed the course.

    Only the first opening writes: a plain read comes first, and the write transaction
    (with the enrolment locked) starts only when there is no progress row yet, so reading a
    module again never takes a write lock (on SQLite, the whole database's).
    """
    if not user.is_authenticated:
        return None
    enrolment, progress_id = _current_enrolment_and_progress(user=user, module=module)
    if enrolment is None or enrolment.status == EnrolmentStatus.COMPLETED:
        return None
    if progress_id is not None:
        return ModuleProgress.objects.get(pk=progress_id)
    return _start_module_locked(user=user, module=module, when=when or timezone.now())


@transaction.atomic
def _start_module_locked(*, user, module: ModulePage, when) -> ModuleProgress | None:
    enrolment = _lock_enrolment(user=user, course=module.course)
    if enrolment is None or enrolment.status == EnrolmentStatus.COMPLETED:
        return None
    progress, created = ModuleProgress.objects.get_or_create(
        enrolment=enrolment,
        module=module,
        defaults={"user": user, "module_title": module.title, "started_at": when},
    )
    if enrolment.started_at is None:
        enrolment.started_at = when
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        course_started.send(sender=Enrolment, enrolment=enrolment)
    if created:
        module_started.send(sender=ModuleProgress, enrolment=enrolment, progress=progress)
    return progress


def start_enrolment(*, enrolment: Enrolment, when=None) -> None:
    """
    Mark an enrolment started, if it is not yet (a module type of another app, such as a
    SCORM module, was opened). Sends ``course_started`` the first time, inside the transaction.
    """
    if enrolment.started_at is not None:
        return
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.started_at is None:
            locked.started_at = when or timezone.now()
            locked.status = EnrolmentStatus.IN_PROGRESS
            locked.save(update_fields=["started_at", "status"])
            course_started.send(sender=Enrolment, enrolment=locked)
        enrolment.started_at, enrolment.status = locked.started_at, locked.status


_UNKNOWN = object()


class ModuleCompletionResult:
    """
    What ``complete_module`` did. ``course_completion`` and ``progress`` are read from the
    database only if asked for when the module had already been completed (pressing the
    button again costs one query, not a transaction); ``next_module`` is the next live module
    of the course after this one, known when the module was newly completed.
    """

    def __init__(
        self,
        *,
        enrolment: Enrolment,
        newly_completed: bool,
        progress=_UNKNOWN,
        progress_id: int | None = None,
        course_completion=_UNKNOWN,
        next_module=_UNKNOWN,
    ):
        self.enrolment = enrolment
        self.newly_completed = newly_completed
        self._progress, self._progress_id = progress, progress_id
        self._course_completion = course_completion
        self._next_module = next_module

    @property
    def progress(self) -> ModuleProgress | None:
        if self._progress is _UNKNOWN:
            self._progress = ModuleProgress.objects.filter(pk=self._progress_id).first() if self._progress_id else None
        return self._progress

    @property
    def course_completion(self) -> CourseCompletion | None:
        if self._course_completion is _UNKNOWN:
            self._course_completion = CourseCompletion.objects.filter(enrolment_id=self.enrolment.pk).first()
        return self._course_completion

    @property
    def next_module_known(self) -> bool:
        return self._next_module is not _UNKNOWN

    @property
    def next_module(self):
        return None if self._next_module is _UNKNOWN else self._next_module


def complete_module(*, user, module: ModulePage, revision_id: int | None = None, when=None) -> ModuleCompletionResult:
    """
    Record that the officer has read and understood the module, pinned to the revision they
    read, then complete the course if that was the last thing left. Idempotent: completing
    a completed module changes nothing, and finds that out with one plain read, without a
    write transaction.
    """
    enrolment = _current_enrolment_and_progress(user=user, module=module)[0] if user.is_authenticated else None
    if enrolment is None:
        raise NotEnrolled
    if enrolment.this_progress_completed_at is not None or enrolment.status == EnrolmentStatus.COMPLETED:
        # Done already, or the course was completed without this module (added later).
        return ModuleCompletionResult(
            enrolment=enrolment, newly_completed=False, progress_id=enrolment.this_progress_id
        )
    return _complete_module_locked(user=user, module=module, revision_id=revision_id, when=when or timezone.now())


@transaction.atomic
def _complete_module_locked(*, user, module: ModulePage, revision_id: int | None, when) -> ModuleCompletionResult:
    enrolment, _ = _current_enrolment_and_progress(user=user, module=module, lock=True)
    if enrolment is None:
        raise NotEnrolled
    if enrolment.this_progress_completed_at is not None or enrolment.status == EnrolmentStatus.COMPLETED:
        # Another request got here first, while this one waited for the lock.
        return ModuleCompletionResult(
            enrolment=enrolment, newly_completed=False, progress_id=enrolment.this_progress_id
        )
    version = archive_version(module=module, revision_id=revision_id)
    if enrolment.this_progress_id is not None:
        ModuleProgress.objects.filter(pk=enrolment.this_progress_id).update(
            completed_at=when, completed_version=version, module_title=module.title
        )
        progress = _UNKNOWN
    else:
        progress = ModuleProgress.objects.create(
            enrolment=enrolment,
            module=module,
            user=user,
            module_title=module.title,
            started_at=when,
            completed_at=when,
            completed_version=version,
        )
    if enrolment.started_at is None:
        enrolment.started_at = when
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        course_started.send(sender=Enrolment, enrolment=enrolment)
    if progress is not _UNKNOWN:
        # Completed without being opened first (no progress row yet): it started now too.
        module_started.send(sender=ModuleProgress, enrolment=enrolment, progress=progress)
    module_completed.send(
        sender=ModuleProgress, enrolment=enrolment, module=module, version=version, completed_at=when
    )
    course = module.course
    modules = list(
        Page.objects.live()
        .child_of(course)
        .type(ModulePage)
        .annotate(
            done=Exists(
                ModuleProgress.objects.filter(
                    enrolment_id=enrolment.pk, module_id=OuterRef("pk"), completed_at__isnull=False
                )
            )
        )
        .order_by("path")
    )
    next_module = next((page for page in modules if page.path > module.path), None)
    course_completion = None
    if all(page.done for page in modules):
        # Every module read: the course may be complete (other criteria are checked there).
        course_completion = complete_course_if_done(enrolment=enrolment, when=when, locked=True, course=course)
    return ModuleCompletionResult(
        enrolment=enrolment,
        newly_completed=True,
        progress=progress,
        progress_id=enrolment.this_progress_id,
        course_completion=course_completion,
        next_module=next_module,
    )


def _revision_id_read(*, module: ModulePage, revision_id: int | None) -> int | None:
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
            return revision_id
    return module.live_revision_id


def archive_version(*, module: ModulePage, revision_id: int | None = None) -> ModuleVersion:
    """
    The archived copy of the revision the officer read, made once per revision: officers
    after the first find it with one query. Two officers archiving the same revision at once
    write one row (an insert that updates nothing on conflict, in the same statement).
    """
    read_id = _revision_id_read(module=module, revision_id=revision_id)
    if read_id is not None:
        existing = ModuleVersion.objects.filter(source_revision_id=read_id).first()
        if existing:
            return existing
    revision = Revision.objects.filter(pk=read_id).first() if read_id is not None else None
    if revision is None:
        # A page published without a revision (only possible outside the admin): record it now.
        revision = module.save_revision(clean=False, log_action=False)
        module.live_revision = revision
        module.save(update_fields=["live_revision"], clean=False)
    content = revision.content
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    read = module.specific_class.from_serializable_data(content, check_fks=False)
    (version,) = ModuleVersion.objects.bulk_create(
        [
            ModuleVersion(
                module=module,
                module_page_id=module.pk,
                source_revision_id=revision.pk,
                revision_created_at=revision.created_at,
                title=content.get("title", module.title),
                estimated_minutes=content.get("estimated_minutes") or module.estimated_minutes,
                content=content,
                digest=digest,
                reading_digest=read.compute_reading_digest(),
                # What the editor decided when this revision was saved (``ModulePage.save_revision``);
                # a revision saved before that was recorded counts as the module's current edition.
                edition_digest=content.get("edition_digest") or module.edition_digest,
            )
        ],
        update_conflicts=True,
        unique_fields=["source_revision_id"],
        update_fields=["source_revision_id"],
    )
    return version


def complete_course_if_done(
    *, enrolment: Enrolment, when=None, locked: bool = False, course: CoursePage | None = None, children=None
) -> CourseCompletion | None:
    """
    Complete the enrolment if every registered criterion that applies is met. Called by
    this app when a module is completed and by other apps when their criterion may have
    become met (an assessment passed). Idempotent and safe under concurrency: the enrolment
    row is locked and a completion is one-to-one with its enrolment. A caller that has the
    course and its live children loaded passes them (``course``, ``children``: as
    ``selectors.live_children_by_course`` gives them) so they are not loaded again.
    """
    when = when or timezone.now()
    if locked:
        # The caller's transaction holds the enrolment's lock already: no savepoint needed.
        return _complete_course(enrolment=enrolment, when=when, course=course, children=children)
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        return _complete_course(enrolment=enrolment, when=when, course=course, children=children)


def _complete_course(*, enrolment: Enrolment, when, course=None, children=None) -> CourseCompletion | None:
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return CourseCompletion.objects.filter(enrolment=enrolment).first()
    if enrolment.course_id is None:
        return None
    if course is None or course.pk != enrolment.course_id:
        course, children = None, None
    if course is not None and children is None:
        # The criteria's pages, found from the course already loaded (no query for its path).
        children = live_children_by_course([course]).get(course.pk, [])
    children_by_course = {enrolment.course_id: children} if children is not None else None
    results = completion.evaluate([enrolment], stop_when_unmet=True, children_by_course=children_by_course)
    applicable = {key: result for key, result in results[enrolment.pk].items() if result.applies}
    if not applicable or not all(result.met for result in applicable.values()):
        return None
    course = course or CoursePage.objects.get(pk=enrolment.course_id)
    valid_from, valid_until = course.validity_rule.period(timezone.localdate(when))
    score = next((result.score for result in applicable.values() if result.score is not None), None)
    # A criterion whose evidence came from the browser (a SCORM package) makes the whole completion say so.
    provenance = next(
        (result.provenance for result in applicable.values() if result.provenance), Provenance.COMPLETED_HERE
    )
    how = "server_scored" if score is not None else "module_read"
    record = CourseCompletion.objects.create(
        enrolment=enrolment,
        user_id=enrolment.user_id,
        course=course,
        course_title=course.title,
        course_revision_id=course.live_revision_id,
        completed_at=when,
        valid_from=valid_from,
        valid_until=valid_until,
        provenance=provenance,
        score=score,
        # Which kind of "completed here": a score the server computed, modules read, or client-reported.
        evidence={key: result.evidence for key, result in applicable.items()}
        | {"how": how if provenance == Provenance.COMPLETED_HERE else provenance},
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
