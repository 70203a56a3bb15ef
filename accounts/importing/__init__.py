"""
The HR import: people and units from a CSV or XLSX exported by the force's HR system
(docs/integration.md, "HR import").

- ``reading``: the file to rows (size, encoding, columns);
- ``planning``: rows to a plan (who is created, updated, moved, deactivated; units to
  create; every row's errors), reading only;
- ``applying``: the plan to the database, in one transaction, with one assignment sync;
- here: the runs, as the admin (``preview`` then ``confirm``) and ``manage.py import_people``
  (``run``) make them, each recorded as an ``ImportRun`` and in the audit trail.

A plan with any row error is never applied: the file is fixed and imported again.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record_event
from core.storage import private_storage

from ..models import ImportRun
from .applying import apply_plan
from .planning import Plan, RowError, plan_import
from .reading import COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ImportFileError, check_size, read_rows

__all__ = [
    "COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportFileError",
    "ImportResult",
    "Plan",
    "RowError",
    "check_size",
    "confirm",
    "expire_previews",
    "preview",
    "run",
]

Outcome = ImportRun.Outcome


@dataclass
class ImportResult:
    run: ImportRun
    plan: Plan | None = None
    file_error: str = ""

    @property
    def applied(self) -> bool:
        return self.run.outcome == Outcome.APPLIED


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _plan(content: bytes, *, full: bool, run_by) -> tuple[Plan | None, str]:
    try:
        rows = read_rows(content)
    except ImportFileError as error:
        return None, str(error)
    return plan_import(rows, full=full, run_by=run_by), ""


def _record(run: ImportRun, plan: Plan | None, file_error: str, *, request=None) -> None:
    run.counts = plan.counts() if plan else {}
    run.errors = (
        [{"row": 0, "message": file_error}] if file_error else [vars(e) for e in (plan.errors if plan else [])]
    )
    run.finished_at = timezone.now()
    run.save()
    record_event(
        action=Action.HR_IMPORT_RUN,
        actor=run.run_by,
        request=request,
        target=f"import:{run.pk}",
        data={
            "outcome": run.outcome,
            "source": run.source,
            "file": run.file_name,
            "sha256": run.file_sha256,
            "full": run.full,
            "dry_run": run.dry_run,
            "counts": run.counts,
        },
    )


def preview(*, content: bytes, file_name: str, full: bool, run_by, request=None) -> ImportResult:
    """
    The admin's dry run: the plan, nothing written but the record of the run and the file,
    kept privately under its SHA-256 so that ``confirm`` applies exactly what was shown.
    """
    sha = _sha256(content)
    plan, file_error = _plan(content, full=full, run_by=run_by)
    if file_error:
        outcome = Outcome.INVALID_FILE
    elif plan.errors:
        outcome = Outcome.ROW_ERRORS
    else:
        outcome = Outcome.PREVIEWED
    run = ImportRun(
        source=ImportRun.Source.ADMIN,
        run_by=run_by,
        file_name=file_name[:255],
        file_sha256=sha,
        full=full,
        dry_run=True,
        outcome=outcome,
        plan_digest=plan.digest() if plan else "",
    )
    if outcome == Outcome.PREVIEWED:
        name = f"hr-imports/{sha}"
        if not private_storage.exists(name):
            name = private_storage.save(name, ContentFile(content))
        run.stored_file = name
    with transaction.atomic():
        _record(run, plan, file_error, request=request)
    return ImportResult(run=run, plan=plan, file_error=file_error)


def _forget_file(run: ImportRun) -> None:
    name = run.stored_file
    still_needed = ImportRun.objects.filter(stored_file=name, outcome=Outcome.PREVIEWED).exclude(pk=run.pk).exists()
    if name and not still_needed:
        transaction.on_commit(lambda: private_storage.delete(name))


def preview_lifetime() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.HR_IMPORT_PREVIEW_HOURS)


def is_expired(run: ImportRun, *, now: datetime.datetime | None = None) -> bool:
    """A preview older than ``HR_IMPORT_PREVIEW_HOURS`` can no longer be confirmed."""
    return run.started_at + preview_lifetime() <= (now or timezone.now())


def expired_message() -> str:
    return _(
        "This preview has expired: previews are kept for %(hours)s hours, then the file is deleted. "
        "Upload the file again to see what it would do now."
    ) % {"hours": settings.HR_IMPORT_PREVIEW_HOURS}


def _expire(run: ImportRun) -> None:
    run.outcome = Outcome.EXPIRED
    _forget_file(run)
    run.stored_file = ""
    run.save(update_fields=["outcome", "stored_file"])


def expire_previews(*, now: datetime.datetime | None = None) -> int:
    """
    Expire every preview not confirmed within ``HR_IMPORT_PREVIEW_HOURS``: the stored file
    (personal data) is deleted once no live preview shares it, and the run is kept, marked
    expired, as the record that it happened. For ``manage.py purge_import_previews``.
    Returns the previews expired.
    """
    cutoff = (now or timezone.now()) - preview_lifetime()
    expired = 0
    with transaction.atomic():
        for run in ImportRun.objects.select_for_update().filter(outcome=Outcome.PREVIEWED, started_at__lte=cutoff):
            _expire(run)
            expired += 1
    return expired


def confirm(*, run_id: int, run_by, request=None) -> ImportResult:
    """
    Apply a previewed run, all or nothing, if the file and everything the plan was computed
    from are as they were: the file's hash, and the plan's (so a person edited meanwhile, or
    another import, makes it refuse and ask for a new preview). A preview older than
    ``HR_IMPORT_PREVIEW_HOURS`` is expired instead, and nothing is applied.
    """
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run_id)
        if run.run_by_id != run_by.pk:
            raise ImportRun.DoesNotExist
        if run.outcome == Outcome.EXPIRED or (run.outcome == Outcome.PREVIEWED and is_expired(run)):
            if run.outcome == Outcome.PREVIEWED:
                _expire(run)
            return ImportResult(run=run, file_error=expired_message())
        if run.outcome != Outcome.PREVIEWED:
            raise ImportRun.DoesNotExist
        try:
            with private_storage.open(run.stored_file, "rb") as handle:
                content = handle.read()
        except (FileNotFoundError, OSError):
            content = b""
        plan, file_error = (
            (None, "") if _sha256(content) != run.file_sha256 else _plan(content, full=run.full, run_by=run_by)
        )
        if plan is None or plan.errors or plan.digest() != run.plan_digest:
            run.outcome = Outcome.STALE
            file_error = file_error or _(
                "The file or the people on the platform changed after the preview, so nothing was applied. "
                "Upload the file again to see what it would do now."
            )
            _forget_file(run)
            _record(run, plan, file_error, request=request)
            return ImportResult(run=run, plan=plan, file_error=file_error)
        apply_plan(plan)
        run.outcome = Outcome.APPLIED
        run.dry_run = False
        _forget_file(run)
        _record(run, plan, "", request=request)
    return ImportResult(run=run, plan=plan)


def run(*, content: bytes, file_name: str, full: bool, dry_run: bool, run_by=None) -> ImportResult:
    """The command's run (``manage.py import_people``): planned and applied in one transaction."""
    with transaction.atomic():
        plan, file_error = _plan(content, full=full, run_by=run_by)
        if file_error:
            outcome = Outcome.INVALID_FILE
        elif plan.errors:
            outcome = Outcome.ROW_ERRORS
        elif dry_run:
            outcome = Outcome.PREVIEWED
        else:
            apply_plan(plan)
            outcome = Outcome.APPLIED
        run_record = ImportRun(
            source=ImportRun.Source.COMMAND,
            run_by=run_by,
            file_name=file_name[:255],
            file_sha256=_sha256(content),
            full=full,
            dry_run=dry_run,
            outcome=outcome,
            plan_digest=plan.digest() if plan else "",
        )
        _record(run_record, plan, file_error)
    return ImportResult(run=run_record, plan=plan, file_error=file_error)
