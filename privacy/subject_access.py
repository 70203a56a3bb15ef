"""
Subject access: everything the platform holds about one person, as a ZIP with one CSV and
one JSON file per table (``profile``, ``unit_history``, ``assignments``, ``enrolments``,
``module_progress``, ``quiz_attempts``, ``quiz_answers``, ``completions``, ``exemptions``,
``adjustments``, ``exports_requested``, ``audit_events``).

Each table is one query filtered on the person, read with ``values()`` so that the files hold
exactly the stored values. Left out on purpose: the correct answers of each question asked
(``AttemptQuestion.content``, the question bank's answer key; the officer's own answers and
marks are included), the contents of exports they made (other people's records) and audit
events in which they acted on someone else (they name that person).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Unit, UnitMembership, User
from audit.selectors import events_about
from compliance.models import Assignment, Exemption, ExportJob
from core.spreadsheets import neutralise
from courses.models import CourseCompletion, Enrolment, ModuleProgress
from quizzes.models import Adjustment, Attempt, AttemptQuestion


@dataclass(frozen=True)
class Table:
    name: str
    rows: Callable[[User], QuerySet]
    fields: tuple[str, ...]


TABLES = (
    Table(
        "profile",
        lambda person: User.objects.filter(pk=person.pk),
        (
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "warrant_number",
            "staff_number",
            "rank",
            "is_detective",
            "unit__name",
            "is_active",
            "is_staff",
            "is_superuser",
            "date_joined",
            "last_login",
        ),
    ),
    Table(
        "roles",
        lambda person: person.groups.order_by("name"),
        ("name",),
    ),
    Table(
        "units_managed",
        lambda person: Unit.objects.filter(managers=person).order_by("path"),
        ("id", "name", "code", "kind"),
    ),
    Table(
        "unit_history",
        lambda person: UnitMembership.objects.filter(user=person).order_by("started_at", "pk"),
        ("id", "unit__name", "unit__code", "started_at", "ended_at"),
    ),
    Table(
        "assignments",
        lambda person: Assignment.objects.filter(user=person).order_by("assigned_on", "pk"),
        ("id", "requirement__name", "course__title", "source", "assigned_on", "due_on", "ended_on"),
    ),
    Table(
        "enrolments",
        lambda person: Enrolment.objects.filter(user=person).order_by("enrolled_at", "pk"),
        ("id", "course_title", "status", "source", "enrolled_at", "started_at", "completed_at"),
    ),
    Table(
        "module_progress",
        lambda person: ModuleProgress.objects.filter(user=person).order_by("started_at", "pk"),
        (
            "id",
            "enrolment__course_title",
            "module_title",
            "started_at",
            "completed_at",
            "completed_version__source_revision_id",
        ),
    ),
    Table(
        "quiz_attempts",
        lambda person: Attempt.objects.filter(user=person).order_by("started_at", "pk"),
        (
            "id",
            "course_title",
            "quiz_title",
            "number",
            "status",
            "started_at",
            "deadline",
            "finished_at",
            "closed_reason",
            "marks_awarded",
            "marks_available",
            "score",
            "passed",
        ),
    ),
    Table(
        "quiz_answers",
        lambda person: AttemptQuestion.objects.filter(attempt__user=person).order_by("attempt__started_at", "pk"),
        (
            "id",
            "attempt_id",
            "attempt__quiz_title",
            "attempt__number",
            "position",
            "question_title",
            "question_type",
            "question_revision_id",
            "prompt",
            "response",
            "answered_at",
            "marks",
            "marks_awarded",
            "correct",
        ),
    ),
    Table(
        "completions",
        lambda person: CourseCompletion.objects.filter(user=person).order_by("completed_at", "pk"),
        ("id", "course_title", "course_revision_id", "completed_at", "valid_until", "score", "evidence"),
    ),
    Table(
        "exemptions",
        lambda person: Exemption.objects.filter(user=person).order_by("granted_at", "pk"),
        (
            "id",
            "requirement__name",
            "reason",
            "evidence",
            "starts_on",
            "ends_on",
            "granted_by__first_name",
            "granted_by__last_name",
            "granted_at",
        ),
    ),
    Table(
        "adjustments",
        lambda person: Adjustment.objects.filter(user=person).order_by("granted_at", "pk"),
        (
            "id",
            "quiz__title",
            "extra_time_percent",
            "extra_attempts",
            "reason",
            "granted_by__first_name",
            "granted_by__last_name",
            "granted_at",
        ),
    ),
    Table(
        "exports_requested",
        lambda person: ExportJob.objects.filter(requested_by=person).order_by("created_at", "pk"),
        ("id", "report", "querystring", "status", "row_count", "created_at", "finished_at"),
    ),
    Table(
        "audit_events",
        events_about,
        (
            "sequence",
            "occurred_at",
            "action",
            "actor_label",
            "subject_label",
            "target",
            "ip_address",
            "data",
        ),
    ),
)


def _csv_cell(value):
    """JSON for structured values; formula-like text neutralised (``core.spreadsheets``)."""
    if isinstance(value, dict | list):
        value = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return neutralise(value)


def table_rows(table: Table, person: User) -> list[dict]:
    return list(table.rows(person).values(*table.fields))


def build_zip(person: User) -> tuple[bytes, dict[str, int]]:
    """The ZIP's bytes and the number of rows in each table."""
    counts = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            rows = table_rows(table, person)
            counts[table.name] = len(rows)
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(table.fields)
            writer.writerows([_csv_cell(row[field]) for field in table.fields] for row in rows)
            archive.writestr(f"{table.name}.csv", text.getvalue())
            archive.writestr(
                f"{table.name}.json", json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
            )
        archive.writestr(
            "README.txt",
            f"Everything held about user {person.pk}, exported {timezone.now():%Y-%m-%d %H:%M} UTC.\n"
            "One CSV and one JSON file per table; the JSON holds the same rows with exact types.\n",
        )
    return buffer.getvalue(), counts


def filename(person: User) -> str:
    return f"subject-access-{person.pk}-{timezone.localdate():%Y-%m-%d}.zip"
