"""
Writes and rules for SCORM: accepting a package version, starting or resuming an attempt,
storing a runtime commit, and deciding from the CMI data whether the module is complete.

Completion (``completion_of``), for both versions, into the course's completion rules:

- SCORM 1.2: ``cmi.core.lesson_status`` ``passed`` or ``completed``. With a mastery score
  in the manifest (``adlcp:masteryscore``) and a raw score reported, the platform decides
  passed or failed from the score, as the 1.2 run-time environment lets the LMS do.
- SCORM 2004: ``cmi.completion_status`` ``completed``, and ``cmi.success_status`` not
  ``failed``; with a mastery score (``imsss:minNormalizedMeasure``) and ``cmi.score.scaled``
  reported, success is decided from the score, and must be ``passed``.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.models import Action
from audit.services import record_event
from courses.models import Enrolment, EnrolmentStatus

from . import cmi
from .models import AttemptStatus, ScormAttempt, ScormModulePage, ScormPackage, ScormPackageVersion
from .packages import SCORM_12, inspect_package
from .signals import scorm_status_changed


@transaction.atomic
def add_version(*, package: ScormPackage, upload, user=None) -> ScormPackageVersion:
    """Check the zip (``packages.PackageRefused`` if refused), keep it, and make it the current version."""
    info = inspect_package(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    number = (package.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = ScormPackageVersion(
        package=package,
        number=number,
        original_filename=getattr(upload, "name", "")[:255],
        scorm_version=info.scorm_version,
        launch_path=info.launch_path,
        launch_query=info.launch_query,
        manifest_identifier=info.identifier[:255],
        manifest_title=info.title[:255],
        mastery_score=info.mastery_score,
        file_count=info.file_count,
        uncompressed_size=info.uncompressed_size,
        sha256=digest.hexdigest(),
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    version.file.save(f"{number}.zip", upload, save=False)
    version.save()
    package.current_version = version
    package.save(update_fields=["current_version"])
    record_event(
        action=Action.SCORM_PACKAGE_UPLOADED,
        actor=version.uploaded_by,
        target=f"scorm_package:{package.pk}",
        data={
            "version": number,
            "scorm_version": info.scorm_version,
            "sha256": version.sha256,
            "files": info.file_count,
        },
    )
    return version


def current_enrolment(*, user, page: ScormModulePage) -> Enrolment | None:
    """The officer's open enrolment on the page's course (the latest completed one otherwise)."""
    return Enrolment.objects.filter(user=user, course_id=page.course.pk).order_by("-enrolled_at").first()


def start_attempt(*, user, page: ScormModulePage, enrolment: Enrolment, when=None) -> ScormAttempt | None:
    """
    The officer's attempt at this module in this enrolment, made on first launch with the
    package's current version. Each launch records the total time so far, so the session
    time the runtime commits adds to it once.
    """
    when = when or timezone.now()
    attempt = ScormAttempt.objects.filter(enrolment=enrolment, page=page).select_related("package_version").first()
    if attempt is None:
        version = page.package.current_version
        if version is None:
            return None
        from courses.services import start_enrolment

        with transaction.atomic():
            attempt, _created = ScormAttempt.objects.get_or_create(
                enrolment=enrolment,
                page=page,
                defaults={
                    "user": user,
                    "page_title": page.title,
                    "package_version": version,
                    "scorm_version": version.scorm_version,
                    "started_at": when,
                    "updated_at": when,
                },
            )
            start_enrolment(enrolment=enrolment, when=when)
    elif attempt.total_seconds_before_session != attempt.total_seconds:
        ScormAttempt.objects.filter(pk=attempt.pk).update(total_seconds_before_session=attempt.total_seconds)
        attempt.total_seconds_before_session = attempt.total_seconds
    return attempt


def launch_data(attempt: ScormAttempt, *, learner_id: str, learner_name: str) -> dict[str, str]:
    """The flattened CMI the runtime starts from: what was committed, plus what the LMS owns."""
    data = dict(attempt.cmi)
    version = attempt.package_version
    # As the run-time environment says: "resume" when the SCO last exited suspended.
    resumed = attempt.exit == "suspend"
    if attempt.scorm_version == SCORM_12:
        data.pop("cmi.core.session_time", None)
        data.pop("cmi.core.exit", None)
        data |= {
            "cmi.core.student_id": learner_id,
            "cmi.core.student_name": learner_name,
            "cmi.core.credit": "credit",
            "cmi.core.entry": "resume" if resumed else "ab-initio",
            "cmi.core.total_time": cmi.timespan(attempt.total_seconds),
            "cmi.core.lesson_status": attempt.lesson_status or "not attempted",
        }
        if version.mastery_score is not None:
            data["cmi.student_data.mastery_score"] = format((version.mastery_score * 100).normalize(), "f")
    else:
        data.pop("cmi.session_time", None)
        data.pop("cmi.exit", None)
        data.pop("adl.nav.request", None)
        data |= {
            "cmi.learner_id": learner_id,
            "cmi.learner_name": learner_name,
            "cmi.credit": "credit",
            "cmi.entry": "resume" if resumed else "ab-initio",
            "cmi.total_time": cmi.duration(attempt.total_seconds),
        }
        if version.mastery_score is not None:
            data["cmi.scaled_passing_score"] = format(version.mastery_score.normalize(), "f")
    return data


def _decimal(value: str | None) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(value)


def _apply(attempt: ScormAttempt, data: dict[str, str]) -> None:
    """Copy the committed elements onto the attempt's columns, with the LMS's own decisions."""
    mastery = attempt.package_version.mastery_score
    if attempt.scorm_version == SCORM_12:
        status = data.get("cmi.core.lesson_status", attempt.lesson_status)
        raw = _decimal(data.get("cmi.core.score.raw"))
        low = _decimal(data.get("cmi.core.score.min")) or Decimal(0)
        high = _decimal(data.get("cmi.core.score.max")) or Decimal(100)
        scaled = ((raw - low) / (high - low)).quantize(Decimal("0.0001")) if raw is not None and high > low else None
        if mastery is not None and scaled is not None and status in {"completed", "passed", "failed"}:
            status = "passed" if scaled >= mastery else "failed"
        attempt.lesson_status = status or ""
        attempt.score_raw, attempt.score_scaled = raw, scaled
        attempt.location = data.get("cmi.core.lesson_location", attempt.location)
        attempt.exit = data.get("cmi.core.exit", attempt.exit)
        session = cmi.seconds_from_timespan(data.get("cmi.core.session_time", ""))
    else:
        attempt.completion_status = data.get("cmi.completion_status", attempt.completion_status)
        success = data.get("cmi.success_status", attempt.success_status)
        scaled = _decimal(data.get("cmi.score.scaled"))
        if mastery is not None and scaled is not None:
            success = "passed" if scaled >= mastery else "failed"
        attempt.success_status = success
        attempt.score_raw, attempt.score_scaled = _decimal(data.get("cmi.score.raw")), scaled
        attempt.location = data.get("cmi.location", attempt.location)
        attempt.exit = data.get("cmi.exit", attempt.exit)
        session = cmi.seconds_from_duration(data.get("cmi.session_time", ""))
    attempt.suspend_data = data.get("cmi.suspend_data", attempt.suspend_data)
    attempt.session_seconds = session
    attempt.total_seconds = attempt.total_seconds_before_session + session


def completion_of(attempt: ScormAttempt) -> bool:
    """Whether the attempt's reported status completes the module (see the module docstring)."""
    if attempt.scorm_version == SCORM_12:
        return attempt.lesson_status in {"passed", "completed"}
    if attempt.completion_status != "completed":
        return False
    if attempt.package_version.mastery_score is not None:
        return attempt.success_status == "passed"
    return attempt.success_status != "failed"


_WATCHED = ("status", "lesson_status", "completion_status", "success_status", "score_raw", "score_scaled")


def commit(*, attempt: ScormAttempt, data, when=None) -> ScormAttempt:
    """
    Store one runtime commit (``cmi.CmiError`` if the data model refuses it; nothing is
    stored then). When the status or score changes, ``scorm_status_changed`` is sent inside
    the transaction; when the module becomes complete, the course may complete too.
    """
    cleaned = cmi.clean_commit(attempt.scorm_version, data)
    when = when or timezone.now()
    with transaction.atomic():
        locked = (
            ScormAttempt.objects.select_for_update(of=("self",))
            .select_related("package_version", "enrolment")
            .get(pk=attempt.pk)
        )
        before = {name: getattr(locked, name) for name in _WATCHED}
        if locked.status == AttemptStatus.COMPLETED:
            # A completed attempt keeps its result; later commits only update where they are.
            cleaned = {
                key: value
                for key, value in cleaned.items()
                if not key.endswith(("_status", "score.raw", "score.scaled", "score.min", "score.max"))
            }
        locked.cmi = {**locked.cmi, **cleaned}
        _apply(locked, locked.cmi)
        locked.commits += 1
        locked.updated_at = when
        newly_complete = locked.status != AttemptStatus.COMPLETED and completion_of(locked)
        if newly_complete:
            locked.status = AttemptStatus.COMPLETED
            locked.completed_at = when
        locked.save()
        changes = {name: getattr(locked, name) for name in _WATCHED if getattr(locked, name) != before[name]}
        if changes:
            scorm_status_changed.send(sender=ScormAttempt, attempt=locked, changes=changes)
        if newly_complete and locked.enrolment.status != EnrolmentStatus.COMPLETED:
            from courses.services import complete_course_if_done

            complete_course_if_done(enrolment=locked.enrolment, when=when)
    return locked
