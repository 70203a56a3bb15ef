"""
Writes and rules for SCORM: accepting a package version, starting or resuming an attempt,
opening one of its SCOs, storing a runtime commit, and deciding from the CMI data whether
the module is complete.

A package may hold several SCOs and assets (``ScormPackageVersion.activities``). Each has
its own record in the attempt (``ScormScoRecord``), which resumes on its own. One record is
complete (``completion_of``) as follows:

- SCORM 1.2: ``cmi.core.lesson_status`` ``passed`` or ``completed``. With a mastery score
  in the manifest (``adlcp:masteryscore``) and a raw score reported, the platform decides
  passed or failed from the score, as the 1.2 run-time environment lets the LMS do.
- SCORM 2004: ``cmi.completion_status`` ``completed``, and ``cmi.success_status`` not
  ``failed``; with a mastery score (``imsss:minNormalizedMeasure``) and ``cmi.score.scaled``
  reported, success is decided from the score, and must be ``passed``.
- An asset (a resource that is not a SCO) is complete once launched.

The module is complete when every counted activity is (``roll_up``): in 1.2 every SCO and
asset; in 2004 every tracked one (``imsss:deliveryControls tracked="false"`` is not counted).
The mastery score is each item's own (1.2 ``adlcp:masteryscore``; 2004 its primary
objective's ``minNormalizedMeasure``, else the organization's).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record_event
from courses.models import Enrolment, EnrolmentStatus

from . import cmi
from .models import (
    AttemptStatus,
    ScormAttempt,
    ScormModulePage,
    ScormPackage,
    ScormPackageVersion,
    ScormScoRecord,
)
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
        items=info.items,
        typical_minutes=info.typical_minutes,
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
            "activities": sum(1 for item in info.items if item["launch_path"]),
        },
    )
    return version


class ResetRefused(Exception):
    """The attempt cannot be reset; the message says why."""


def reset_attempt(*, attempt: ScormAttempt, actor, reason: str, when=None) -> ScormAttempt:
    """
    Close an officer's attempt so their next launch starts a new one on the package's
    current version (a trainer's or administrator's decision, with a reason). The old attempt
    is kept, with its records, on its version; the reset is in the audit trail. A completion
    already earned stays: a reset changes what the officer does next, not what they did.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ResetRefused(_("Say why the attempt is reset."))
    if actor is None or not actor.has_perm("scorm.reset_scormattempt"):
        raise ResetRefused(_("You may not reset attempts."))
    if actor.pk == attempt.user_id:
        raise ResetRefused(_("You may not reset your own attempt."))
    when = when or timezone.now()
    with transaction.atomic():
        locked = ScormAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.reset_at is not None:
            raise ResetRefused(_("This attempt has already been reset."))
        locked.reset_at, locked.reset_by, locked.reset_reason = when, actor, reason[:2000]
        locked.save(update_fields=["reset_at", "reset_by", "reset_reason"])
        record_event(
            action=Action.SCORM_ATTEMPT_RESET,
            actor=actor,
            subject=locked.user,
            target=f"scorm_attempt:{locked.pk}",
            data={
                "module": locked.page_title,
                "package_version_id": locked.package_version_id,
                "status": locked.status,
                "reason": locked.reset_reason,
            },
        )
    return locked


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
    attempt = (
        ScormAttempt.objects.filter(enrolment=enrolment, page=page, reset_at__isnull=True)
        .select_related("package_version")
        .first()
    )
    if attempt is None:
        version = page.package.current_version
        if version is None:
            return None
        from courses.services import start_enrolment

        with transaction.atomic():
            attempt, _created = ScormAttempt.objects.get_or_create(
                enrolment=enrolment,
                page=page,
                reset_at__isnull=True,
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
    return attempt


def activity_at(attempt: ScormAttempt, position: int | None) -> tuple[int, dict]:
    """
    ``(position, item)`` of the activity to open: the one asked for (1-based), else the one
    the officer last opened, else the first not yet complete, else the first.
    """
    activities = attempt.package_version.activities
    if position is not None:
        if not 1 <= position <= len(activities):
            raise IndexError(position)
        return position, activities[position - 1]
    by_identifier = {item["identifier"]: number for number, item in enumerate(activities, start=1)}
    if attempt.current_sco in by_identifier:
        number = by_identifier[attempt.current_sco]
        return number, activities[number - 1]
    done = set(attempt.records.filter(status=AttemptStatus.COMPLETED).values_list("item_identifier", flat=True))
    for number, item in enumerate(activities, start=1):
        if item["identifier"] not in done:
            return number, item
    return 1, activities[0]


def open_sco(*, attempt: ScormAttempt, item: dict, when=None) -> ScormScoRecord:
    """
    The attempt's record for one SCO or asset, made on its first launch (an asset is then
    complete, and the module may be too); the attempt remembers it as where the officer is.
    Each launch records the SCO's total time so far, so the session time it commits adds to
    it once.
    """
    when = when or timezone.now()
    identifier = item["identifier"]
    record = ScormScoRecord.objects.filter(attempt=attempt, item_identifier=identifier).first()
    if record is None:
        with transaction.atomic():
            record, created = ScormScoRecord.objects.get_or_create(
                attempt=attempt,
                item_identifier=identifier,
                defaults={
                    "item_title": (item.get("title") or "")[:255],
                    "is_sco": item.get("sco", True),
                    "started_at": when,
                    "updated_at": when,
                    "status": AttemptStatus.IN_PROGRESS if item.get("sco", True) else AttemptStatus.COMPLETED,
                    "completed_at": None if item.get("sco", True) else when,
                },
            )
            if created and not record.is_sco:
                _roll_up_and_save(attempt_id=attempt.pk, when=when)
    elif record.total_seconds_before_session != record.total_seconds:
        ScormScoRecord.objects.filter(pk=record.pk).update(total_seconds_before_session=record.total_seconds)
        record.total_seconds_before_session = record.total_seconds
    if attempt.current_sco != identifier:
        ScormAttempt.objects.filter(pk=attempt.pk).update(current_sco=identifier)
        attempt.current_sco = identifier
    return record


def _current_record(attempt: ScormAttempt) -> ScormScoRecord:
    _position, item = activity_at(attempt, None)
    return open_sco(attempt=attempt, item=item)


def _mastery_of(attempt: ScormAttempt, identifier: str) -> Decimal | None:
    for item in attempt.package_version.activities:
        if item["identifier"] == identifier:
            return Decimal(item["mastery_score"]) if item.get("mastery_score") is not None else None
    return None


def launch_data(
    attempt: ScormAttempt, *, learner_id: str, learner_name: str, record: ScormScoRecord | None = None
) -> dict[str, str]:
    """
    The flattened CMI one SCO starts from (the attempt's current one unless ``record`` is
    given): what it committed, plus what the LMS owns.
    """
    record = record or _current_record(attempt)
    data = dict(record.cmi)
    mastery = _mastery_of(attempt, record.item_identifier)
    # As the run-time environment says: "resume" when the SCO last exited suspended.
    resumed = record.exit == "suspend"
    if attempt.scorm_version == SCORM_12:
        data.pop("cmi.core.session_time", None)
        data.pop("cmi.core.exit", None)
        data |= {
            "cmi.core.student_id": learner_id,
            "cmi.core.student_name": learner_name,
            "cmi.core.credit": "credit",
            "cmi.core.entry": "resume" if resumed else "ab-initio",
            "cmi.core.total_time": cmi.timespan(record.total_seconds),
            "cmi.core.lesson_status": record.lesson_status or "not attempted",
        }
        if mastery is not None:
            data["cmi.student_data.mastery_score"] = format((mastery * 100).normalize(), "f")
    else:
        data.pop("cmi.session_time", None)
        data.pop("cmi.exit", None)
        data.pop("adl.nav.request", None)
        data |= {
            "cmi.learner_id": learner_id,
            "cmi.learner_name": learner_name,
            "cmi.credit": "credit",
            "cmi.entry": "resume" if resumed else "ab-initio",
            "cmi.total_time": cmi.duration(record.total_seconds),
        }
        if mastery is not None:
            data["cmi.scaled_passing_score"] = format(mastery.normalize(), "f")
    return data


def _decimal(value: str | None) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(value)


def _apply(record: ScormScoRecord, data: dict[str, str], *, scorm_version: str, mastery: Decimal | None) -> None:
    """Copy the committed elements onto the SCO record's columns, with the LMS's own decisions."""
    if scorm_version == SCORM_12:
        status = data.get("cmi.core.lesson_status", record.lesson_status)
        raw = _decimal(data.get("cmi.core.score.raw"))
        low = _decimal(data.get("cmi.core.score.min")) or Decimal(0)
        high = _decimal(data.get("cmi.core.score.max")) or Decimal(100)
        scaled = ((raw - low) / (high - low)).quantize(Decimal("0.0001")) if raw is not None and high > low else None
        if mastery is not None and scaled is not None and status in {"completed", "passed", "failed"}:
            status = "passed" if scaled >= mastery else "failed"
        record.lesson_status = status or ""
        record.score_raw, record.score_scaled = raw, scaled
        record.location = data.get("cmi.core.lesson_location", record.location)
        record.exit = data.get("cmi.core.exit", record.exit)
        session = cmi.seconds_from_timespan(data.get("cmi.core.session_time", ""))
    else:
        record.completion_status = data.get("cmi.completion_status", record.completion_status)
        success = data.get("cmi.success_status", record.success_status)
        scaled = _decimal(data.get("cmi.score.scaled"))
        if mastery is not None and scaled is not None:
            success = "passed" if scaled >= mastery else "failed"
        record.success_status = success
        record.score_raw, record.score_scaled = _decimal(data.get("cmi.score.raw")), scaled
        record.location = data.get("cmi.location", record.location)
        record.exit = data.get("cmi.exit", record.exit)
        session = cmi.seconds_from_duration(data.get("cmi.session_time", ""))
    record.suspend_data = data.get("cmi.suspend_data", record.suspend_data)
    record.session_seconds = session
    record.total_seconds = record.total_seconds_before_session + session


def completion_of(record: ScormScoRecord, *, scorm_version: str, mastery: Decimal | None) -> bool:
    """Whether one SCO record's reported status completes it (see the module docstring)."""
    if not record.is_sco:
        return True
    if scorm_version == SCORM_12:
        return record.lesson_status in {"passed", "completed"}
    if record.completion_status != "completed":
        return False
    if mastery is not None:
        return record.success_status == "passed"
    return record.success_status != "failed"


def roll_up(*, attempt: ScormAttempt, records: list[ScormScoRecord]) -> bool:
    """
    Set the attempt's columns from its SCO records and say whether the module is complete.
    One activity: its columns, as they are. Several: 1.2 ``lesson_status`` is ``passed``
    (``completed`` if none reported a pass) once all are done, ``failed`` if one failed,
    else ``incomplete``; 2004 ``completion_status`` ``completed`` once all counted ones are,
    ``success_status`` ``failed`` if one failed, ``passed`` once all are done and any
    passed; the scaled score is the mean of those reported; times add up.
    """
    activities = attempt.package_version.activities
    by_identifier = {record.item_identifier: record for record in records}
    counted = [item for item in activities if attempt.scorm_version == SCORM_12 or item.get("tracked", True)]
    done = [
        item
        for item in counted
        if (record := by_identifier.get(item["identifier"])) is not None and record.status == AttemptStatus.COMPLETED
    ]
    complete = len(done) == len(counted)
    latest = max(records, key=lambda record: (record.updated_at, record.pk or 0), default=None)
    if latest is not None:
        attempt.cmi, attempt.location = latest.cmi, latest.location
        attempt.suspend_data, attempt.exit = latest.suspend_data, latest.exit
        attempt.session_seconds = latest.session_seconds
    attempt.total_seconds = sum(record.total_seconds for record in records)
    scos = [record for record in records if record.is_sco]
    if len(activities) == 1:
        if scos:
            only = scos[0]
            attempt.lesson_status, attempt.completion_status = only.lesson_status, only.completion_status
            attempt.success_status = only.success_status
            attempt.score_raw, attempt.score_scaled = only.score_raw, only.score_scaled
        return complete
    scaled = [record.score_scaled for record in scos if record.score_scaled is not None]
    attempt.score_scaled = (sum(scaled) / len(scaled)).quantize(Decimal("0.0001")) if scaled else None
    attempt.score_raw = None
    if attempt.scorm_version == SCORM_12:
        statuses = {record.lesson_status for record in scos}
        if "failed" in statuses:
            attempt.lesson_status = "failed"
        elif complete:
            attempt.lesson_status = "passed" if "passed" in statuses else "completed"
        else:
            attempt.lesson_status = "incomplete"
    else:
        attempt.completion_status = "completed" if complete else "incomplete"
        successes = {record.success_status for record in scos}
        if "failed" in successes:
            attempt.success_status = "failed"
        elif complete and "passed" in successes:
            attempt.success_status = "passed"
        else:
            attempt.success_status = "unknown"
    return complete


_WATCHED = ("status", "lesson_status", "completion_status", "success_status", "score_raw", "score_scaled")


def _roll_up_and_save(*, attempt_id: int, when, record: ScormScoRecord | None = None) -> ScormAttempt:
    """Lock the attempt, roll its records up, save it; announce changes; complete the course if done."""
    locked = (
        ScormAttempt.objects.select_for_update(of=("self",))
        .select_related("package_version", "enrolment")
        .get(pk=attempt_id)
    )
    before = {name: getattr(locked, name) for name in _WATCHED}
    records = [other for other in locked.records.all() if record is None or other.pk != record.pk]
    if record is not None:
        records.append(record)
    complete = roll_up(attempt=locked, records=records)
    if record is not None:
        locked.commits += 1
    locked.updated_at = when
    newly_complete = locked.status != AttemptStatus.COMPLETED and complete
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


def commit(*, attempt: ScormAttempt, data, sco: str | None = None, when=None) -> ScormAttempt:
    """
    Store one runtime commit of one SCO (``sco``, its item identifier; the attempt's
    current SCO by default); ``cmi.CmiError`` if the data model refuses it, and nothing is
    stored then. The attempt is rolled up again; when its status or score changes,
    ``scorm_status_changed`` is sent inside the transaction; when the module becomes
    complete, the course may complete too.
    """
    cleaned = cmi.clean_commit(attempt.scorm_version, data)
    cleaned.pop("adl.nav.request", None)  # a navigation request, acted on by the player, not data
    when = when or timezone.now()
    identifier = attempt.current_sco if sco is None else sco
    with transaction.atomic():
        if sco is None and not ScormScoRecord.objects.filter(attempt=attempt, item_identifier=identifier).exists():
            identifier = _current_record(attempt).item_identifier
        record = ScormScoRecord.objects.select_for_update().get(attempt=attempt, item_identifier=identifier)
        mastery = _mastery_of(attempt, identifier)
        if record.status == AttemptStatus.COMPLETED:
            # A completed SCO keeps its result; later commits only update where it is.
            cleaned = {
                key: value
                for key, value in cleaned.items()
                if not key.endswith(("_status", "score.raw", "score.scaled", "score.min", "score.max"))
            }
        record.cmi = {**record.cmi, **cleaned}
        _apply(record, record.cmi, scorm_version=attempt.scorm_version, mastery=mastery)
        record.commits += 1
        record.updated_at = when
        if record.status != AttemptStatus.COMPLETED and completion_of(
            record, scorm_version=attempt.scorm_version, mastery=mastery
        ):
            record.status = AttemptStatus.COMPLETED
            record.completed_at = when
        record.save()
        return _roll_up_and_save(attempt_id=attempt.pk, when=when, record=record)
