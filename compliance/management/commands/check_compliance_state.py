"""
Check the stored compliance state against the source records, and repair it with ``--fix``.

Every current assignment's status inputs are recomputed from scratch (``with_status``, the
reference, and the exemption intervals from the exemptions themselves) and compared with
its ``ComplianceState`` row: missing rows, rows that should not exist, and drift in any
field. Each finding is printed as "person, requirement: field stored X, recomputed Y"; the
command exits non-zero when it finds any, unless ``--fix`` repaired them. People are
checked a chunk at a time, so memory stays bounded at any size. Run nightly in report mode
and alert on a non-zero exit:

    45 2 * * * cd /srv/training && .venv/bin/python manage.py check_compliance_state
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from compliance.models import Assignment, ComplianceSettings, ComplianceState, Requirement
from compliance.services import STATE_CHUNK, compute_states, refresh_lapsed, refresh_state
from compliance.status import with_status, with_stored_status

User = get_user_model()

#: Fields compared with the reference (with_status) and, for the rest, with the recomputed inputs.
REFERENCE = {
    "completion_id": "completion_id",
    "valid_until": "valid_until",
    "next_due": "next_due",
    "started": "is_started",
    "status": "status",
    "expiring": "expiring",
}
INPUTS = (
    "completed_at",
    "score",
    "provenance",
    "sort_due",
    "due_on",
    "assigned_on",
    "unit_id",
    "unit_path",
    "exempt_from",
    "exempt_until",
    "recheck_on",
    "recheck_before",
)


class Command(BaseCommand):
    help = "Compare the stored compliance state with a from-scratch computation; --fix repairs any drift."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Recompute the rows that drifted.")
        parser.add_argument("--chunk", type=int, default=STATE_CHUNK, help="People checked per round of queries.")

    def handle(self, *args, fix=False, chunk=STATE_CHUNK, **options):
        settings = ComplianceSettings.current()
        window = {
            "today": timezone.localdate(),
            "due_soon_days": settings.due_soon_days,
            "expiring_days": settings.expiring_days,
        }
        # What every reader does first: an exemption interval that lapsed today is not drift.
        refresh_lapsed(today=window["today"])
        requirements = {requirement.pk: str(requirement) for requirement in Requirement.objects.all()}
        people = sorted(
            set(Assignment.objects.filter(ended_on__isnull=True).values_list("user_id", flat=True).distinct())
            | set(ComplianceState.objects.values_list("user_id", flat=True).distinct())
        )
        drifted_people: set[int] = set()
        findings = checked = 0
        for start in range(0, len(people), chunk):
            user_ids = people[start : start + chunk]
            lines = list(self.drift(user_ids, window, requirements))
            checked += len(user_ids)
            for user_id, line in lines:
                self.stdout.write(line)
                drifted_people.add(user_id)
            findings += len(lines)
        if not findings:
            self.stdout.write(f"Compliance state matches the records ({checked} people checked).")
            return
        summary = f"{findings} differences for {len(drifted_people)} people ({checked} people checked)."
        if not fix:
            raise CommandError(f"{summary} Run with --fix to repair them.")
        result = refresh_state(user_ids=drifted_people, today=window["today"])
        self.stdout.write(
            f"{summary} Repaired: {result.created} rows created, {result.updated} updated, {result.deleted} deleted."
        )

    def drift(self, user_ids: list[int], window: dict, requirements: dict[int, str]):
        """(person id, line) for each difference among these people's rows."""
        today = window["today"]
        current = Assignment.objects.filter(ended_on__isnull=True, user__is_active=True, user_id__in=user_ids)
        reference = {
            row["pk"]: row
            for row in with_status(current, **window).values(
                "pk", "user_id", "requirement_id", *set(REFERENCE.values()), "is_exempt"
            )
        }
        inputs = compute_states(current, today=today)
        stored = {
            row["assignment_id"]: row
            for row in with_stored_status(ComplianceState.objects.filter(user_id__in=user_ids), **window).values(
                "assignment_id", "user_id", "requirement_id", *REFERENCE, *INPUTS, "is_exempt"
            )
        }
        names = {
            person.pk: person.display_name
            for person in User.objects.filter(Q(pk__in=user_ids)).only(
                "first_name", "last_name", "rank", "warrant_number", "username"
            )
        }

        def line(row, text):
            who = names.get(row["user_id"], f"person {row['user_id']}")
            return row["user_id"], f"{who}, {requirements.get(row['requirement_id'], '?')}: {text}"

        for assignment_id in sorted(reference.keys() - stored.keys()):
            yield line(reference[assignment_id], "stored nothing, recomputed a row (missing)")
        for assignment_id in sorted(stored.keys() - reference.keys()):
            yield line(stored[assignment_id], "stored a row, recomputed nothing (no current assignment)")
        for assignment_id in sorted(reference.keys() & stored.keys()):
            ref, row, wanted = reference[assignment_id], stored[assignment_id], inputs[assignment_id]
            for field, ref_field in REFERENCE.items():
                if row[field] != ref[ref_field]:
                    yield line(row, f"{field} stored {_show(row[field])}, recomputed {_show(ref[ref_field])}")
            if bool(row["is_exempt"]) != bool(ref["is_exempt"]):
                yield line(row, f"exempt stored {row['is_exempt']}, recomputed {ref['is_exempt']}")
            for field in INPUTS:
                if row[field] != wanted[field]:
                    yield line(row, f"{field} stored {_show(row[field])}, recomputed {_show(wanted[field])}")


def _show(value) -> str:
    if value is None or value == "":
        return "none"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
