"""
Spreadsheets prepared in the background (``ExportJob``): asked for by a manager when an
XLSX would have more rows than ``COMPLIANCE_XLSX_SYNC_MAX_ROWS``, built by the
``compliance.tasks.build_export`` task with the same scoped, filtered rows as the list, kept
for ``COMPLIANCE_EXPORT_RETENTION_HOURS`` and then deleted.
"""

import datetime
import logging
import tempfile

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from audit.models import Action
from audit.services import record_event

from .models import ExportJob, ExportStatus

logger = logging.getLogger(__name__)


def request_export(*, user, report: str, querystring: str, filename: str) -> ExportJob:
    """Record the request and queue the task once the record is committed."""
    from .tasks import build_export

    job = ExportJob.objects.create(requested_by=user, report=report, querystring=querystring, filename=filename)
    transaction.on_commit(lambda: build_export.enqueue(job.pk))
    return job


def run_export(job_id: int) -> ExportJob | None:
    """
    Build the job's file: the report's rows for the requester's scope now (not when they
    asked), written with openpyxl's write-only mode to a temporary file, then to storage.
    """
    from .reports import export_rows, querystring_filters, report_for, write_xlsx

    # Claimed with one conditional update, so two workers never build the same job.
    if not ExportJob.objects.filter(pk=job_id, status=ExportStatus.PENDING).update(status=ExportStatus.RUNNING):
        return None  # purged, or already taken
    job = ExportJob.objects.get(pk=job_id)
    try:
        user = get_user_model().objects.get(pk=job.requested_by_id)
        view = report_for(job.report, user=user, querystring=job.querystring)
        values = view.export_values().iterator(chunk_size=view.export_chunk_size)
        with tempfile.TemporaryFile(suffix=".xlsx") as output:
            # Who asked, now (when the rows are read) and the filters, as a download says them.
            rows = write_xlsx(view.export_headings_list(), export_rows(values), output, about=view.export_about())
            output.seek(0)
            job.file.save(job.filename, File(output), save=False)
    except PermissionDenied:
        return _fail(job, "The person who asked may no longer see these reports.")
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        return _fail(job, f"{type(error).__name__}: {error}")
    job.status = ExportStatus.READY
    job.row_count = rows
    job.finished_at = timezone.now()
    with transaction.atomic():
        job.save(update_fields=["status", "file", "row_count", "finished_at"])
        record_event(
            action=Action.REPORT_EXPORTED,
            actor=user,
            target=f"report:{job.report}",
            data={
                "format": "xlsx",
                "filters": querystring_filters(QueryDict(job.querystring)),
                "rows": rows,
                "job": job.pk,
            },
        )
    return job


def _fail(job: ExportJob, error: str) -> ExportJob:
    job.status = ExportStatus.FAILED
    job.error = error
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job


def exports_for(user) -> QuerySet[ExportJob]:
    """The person's own exports, newest first (nobody sees another's)."""
    return ExportJob.objects.filter(requested_by=user)


def purge_expired_exports(now: datetime.datetime | None = None) -> int:
    """Delete the files and records of exports asked for longer ago than the retention time."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.COMPLIANCE_EXPORT_RETENTION_HOURS)
    purged = 0
    for job in ExportJob.objects.filter(created_at__lt=cutoff).only("pk", "file"):
        if job.file:
            job.file.delete(save=False)
        job.delete()
        purged += 1
    return purged
