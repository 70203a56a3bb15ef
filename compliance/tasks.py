"""Background work for compliance (django-tasks: a worker in production, in the request otherwise)."""

from django_tasks import task

from . import exports


@task()
def build_export(job_id: int) -> None:
    """Prepare one ``ExportJob``'s spreadsheet (see ``compliance.exports.run_export``)."""
    exports.run_export(job_id)
