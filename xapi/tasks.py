"""Background work for xAPI (django-tasks: ``manage.py db_worker`` in production, in-process otherwise)."""

from django_tasks import task

from . import services


@task()
def forward_statements() -> dict:
    """Post the outbox's due statements to the LRS (queued after each learning event's commit, and by cron)."""
    result = services.forward_due()
    return {"configured": result.configured, "sent": result.sent, "rejected": result.rejected, "failed": result.failed}
