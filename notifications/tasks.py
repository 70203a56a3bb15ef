"""Background work for reminders (django-tasks: ``manage.py db_worker`` in production, in-process otherwise)."""

from django_tasks import task

from . import services


@task()
def send_reminders() -> dict:
    """Send every logged reminder and digest that is due (first tries and due retries), batch by batch."""
    return services.send_due()
