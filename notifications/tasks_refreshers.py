"""Background work for festival refreshers (django-tasks: a worker in production, in the request otherwise)."""

from django_tasks import task

from . import refreshers


@task()
def send_refreshers() -> dict[str, int]:
    """Send every refresher delivery that is due (see ``notifications.refreshers.send_due_deliveries``)."""
    return refreshers.send_due_deliveries()
