"""
Read queries for the site shell: the header and footer on every page, and the admin
dashboard's own panels (``home/dashboard.py``), each in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Page, WorkflowState

from core.cache import current_version, move_version_on_commit


@dataclass(frozen=True)
class Header:
    """What the header says about the signed-in person."""

    unit_name: str
    can_use_admin: bool


#: Moved after the commit of anything that may change a header (see ``forget_headers``).
HEADER_VERSION_KEY = "home:header:version"
#: Seconds a cached header lives at most (bounds a change that sent no signal).
HEADER_TIMEOUT = 300


def _header_key(user) -> str:
    # The person's row is read on every request anyway: a move to another unit, or a change
    # to is_superuser or is_active, is a different key at once, with no invalidation.
    return f"home:header:{user.pk}:{user.unit_id}:{user.is_superuser:d}:{user.is_active:d}"


def header_for(user) -> Header | None:
    """
    The person's unit and whether the header links to the admin (Wagtail's
    ``wagtailadmin.access_admin``, given directly or through a group, as Django's
    ``ModelBackend`` grants it): from the shared cache, or else in one query instead of three.

    A cached header carries the version it was read under, and both come back in one cache
    round trip; an entry of an older version is read again. The version moves after the commit
    of a unit saved or deleted, of a change to anyone's groups or direct permissions, or to a
    group's permissions (``home/signals.py``); a change that sends no signal (a queryset
    ``update()``) is seen within ``HEADER_TIMEOUT``. The header only shows a link: the admin
    checks the permission itself on every request (docs/decisions.md, 75).
    """
    if not user.is_authenticated:
        return None
    key = _header_key(user)
    cached = cache.get_many([HEADER_VERSION_KEY, key])
    version = current_version(HEADER_VERSION_KEY, known=cached.get(HEADER_VERSION_KEY))
    entry = cached.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    header = _read_header(user)
    if header is not None:
        cache.set(key, (version, header), timeout=HEADER_TIMEOUT)
    return header


def _read_header(user) -> Header | None:
    access_admin = Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
        content_type__app_label="wagtailadmin",
        codename="access_admin",
    )
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(can_use_admin=Exists(access_admin))
        .values("unit__name", "can_use_admin")
        .first()
    )
    if row is None:
        return None
    can_use_admin = user.is_active and (user.is_superuser or row["can_use_admin"])
    return Header(unit_name=row["unit__name"] or "", can_use_admin=can_use_admin)


def forget_headers() -> None:
    """Make every cached header stale, once the transaction that changed one commits."""
    move_version_on_commit(HEADER_VERSION_KEY)


@dataclass(frozen=True)
class Draft:
    """Something the person last changed that is not published yet (a page or a question)."""

    title: str
    kind: str
    edit_url: str
    changed_at: object
    is_live: bool


def _not_in_a_workflow(model):
    """No active workflow holds the object (Wagtail stores its id as text: cast to compare)."""
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(model, for_concrete_model=True),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return ~Exists(in_workflow)


def drafts_for(user, *, limit: int) -> list[Draft]:
    """
    The pages and questions whose latest revision is the person's and not yet published,
    newest first, leaving out what waits in a workflow (``awaiting_approval_for`` shows that):
    one query for pages and one for questions, whatever their number.
    """
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from quizzes.models import Question

    pages = (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .filter(_not_in_a_workflow(Page))
        .order_by("-latest_revision__created_at")
        .values_list("pk", "draft_title", "latest_revision__created_at", "live")[:limit]
    )
    questions = (
        Question.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .filter(_not_in_a_workflow(Question))
        .order_by("-latest_revision__created_at")
        .values_list("pk", "title", "latest_revision__created_at", "live")[:limit]
    )
    drafts = [
        Draft(title, _("Page"), reverse("wagtailadmin_pages:edit", args=[pk]), at, live)
        for pk, title, at, live in pages
    ] + [
        Draft(title, _("Question"), reverse("wagtailsnippets_quizzes_question:edit", args=[pk]), at, live)
        for pk, title, at, live in questions
    ]
    return sorted(drafts, key=lambda draft: draft.changed_at, reverse=True)[:limit]


@dataclass(frozen=True)
class Submission:
    """Something the person sent for approval, with the step it waits at."""

    title: str
    kind: str
    edit_url: str
    task_name: str
    since: object
    needs_changes: bool


def awaiting_approval_for(user, *, limit: int) -> list[Submission]:
    """
    What the person submitted that a workflow still holds (waiting for approval, or sent
    back with changes requested), the most recently moved first: the workflow states with
    their current task in one query, then the titles in one query per kind (pages, questions).
    """
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from quizzes.models import Question

    states = list(
        WorkflowState.objects.active()
        .filter(requested_by=user)
        .order_by("-current_task_state__started_at", "-pk")
        .values_list(
            "base_content_type_id",
            "object_id",
            "status",
            "current_task_state__task__name",
            "current_task_state__started_at",
        )[:limit]
    )
    page_type = ContentType.objects.get_for_model(Page)
    question_type = ContentType.objects.get_for_model(Question)
    ids = {page_type.pk: set(), question_type.pk: set()}
    for type_id, object_id, *_rest in states:
        if type_id in ids:
            ids[type_id].add(int(object_id))
    titles = {
        page_type.pk: dict(Page.objects.filter(pk__in=ids[page_type.pk]).values_list("pk", "draft_title"))
        if ids[page_type.pk]
        else {},
        question_type.pk: dict(Question.objects.filter(pk__in=ids[question_type.pk]).values_list("pk", "title"))
        if ids[question_type.pk]
        else {},
    }
    kinds = {
        page_type.pk: (_("Page"), "wagtailadmin_pages:edit"),
        question_type.pk: (_("Question"), "wagtailsnippets_quizzes_question:edit"),
    }
    submissions = []
    for type_id, object_id, status, task_name, since in states:
        title = titles.get(type_id, {}).get(int(object_id))
        if title is None:
            continue  # deleted since, or a kind of object this platform does not put in a workflow
        kind, url_name = kinds[type_id]
        submissions.append(
            Submission(
                title=title,
                kind=kind,
                edit_url=reverse(url_name, args=[object_id]),
                task_name=task_name or "",
                since=since,
                needs_changes=status == WorkflowState.STATUS_NEEDS_CHANGES,
            )
        )
    return submissions
