"""Background work for grade passback (django-tasks: ``manage.py db_worker`` in production, in-process otherwise)."""

from django_tasks import task

from . import services


@task()
def post_score(post_id: int) -> str:
    """Send one owed score to its platform; a failure is kept for ``post_due_scores``."""
    return services.post_score(post_id=post_id)


@task()
def post_due_scores() -> dict:
    """Send every owed score whose retry time has come."""
    return services.post_due_scores()
