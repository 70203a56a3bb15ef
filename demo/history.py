"""
When the demo's content was written, so that its records tell a story that holds together:
every version of a module, course, quiz or question an officer read existed when they read it.

The demo's oldest record is an expired completion of the Judaism guide, back-dated to
24 × 31 + 20 = 764 days ago (``demo.compliance.tell_story``). Content is dated
``WRITTEN_DAYS_AGO`` days back, before it, when it is first loaded; a later ``load_demo``
that changes a source publishes a new revision dated now, after every record already made.
"""

import datetime

from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, TaskState, WorkflowState

from courses.models import ModuleProgress, ModuleVersion

#: Comfortably before the oldest demo record (764 days ago).
WRITTEN_DAYS_AGO = 800


def written_at() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=WRITTEN_DAYS_AGO)


def date_first_version(obj) -> None:
    """
    Date a page's or snippet's revisions, publication and history as written ``WRITTEN_DAYS_AGO``
    days ago. Called once, right after the demo first creates and publishes it.
    """
    when = written_at()
    Revision.objects.for_instance(obj).update(created_at=when)
    if isinstance(obj, Page):
        Page.objects.filter(pk=obj.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        PageLogEntry.objects.filter(page_id=obj.pk).update(timestamp=when)
    else:
        type(obj).objects.filter(pk=obj.pk).update(first_published_at=when, last_published_at=when)
        ModelLogEntry.objects.for_instance(obj).update(timestamp=when)
    obj.refresh_from_db()


def date_archived_versions() -> None:
    """
    An archived module version is made when an officer first completes that revision: date
    each as of the earliest completion pinned to it (the demo's completions are back-dated).
    """
    first_read = (
        ModuleProgress.objects.filter(completed_version=OuterRef("pk"))
        .values("completed_version")
        .annotate(first=Min("completed_at"))
        .values("first")
    )
    for version in ModuleVersion.objects.annotate(first_read=Subquery(first_read)).filter(first_read__isnull=False):
        if version.first_read < version.created_at:
            ModuleVersion.objects.filter(pk=version.pk).update(created_at=version.first_read)


def date_review_with_the_writing(page, approval) -> None:
    """
    The partner's review of content the demo has just written took place before anyone read it:
    date the reviewed revision, its workflow, its publication and the recorded approval a day
    after the writing, so that no record from before today names a version "of" today.
    """
    when = written_at() + datetime.timedelta(days=1)
    Revision.objects.for_instance(page).filter(created_at__gt=when).update(created_at=when)
    Page.objects.filter(pk=page.pk).update(last_published_at=when, latest_revision_created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk, timestamp__gt=when).update(timestamp=when)
    states = WorkflowState.objects.for_instance(page)
    TaskState.objects.filter(workflow_state__in=states).update(started_at=when, finished_at=when)
    states.update(created_at=when)
    type(approval).objects.filter(pk=approval.pk).update(approved_at=when, revision_created_at=when)
    page.refresh_from_db()
    approval.refresh_from_db()
