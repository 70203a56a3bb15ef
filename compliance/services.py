"""
Writes and rules for mandatory training: keeping assignments in step with requirements and
people, and granting exemptions. Reads (status, reports) live in ``status.py`` and
``selectors.py``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import UnitMembership

from .models import Assignment, AssignmentSource, Requirement, RequirementTarget, TargetKind

User = get_user_model()


@dataclass(frozen=True)
class SyncResult:
    created: int = 0
    ended: int = 0

    def __add__(self, other: SyncResult) -> SyncResult:
        return SyncResult(self.created + other.created, self.ended + other.ended)


def _covers(target: RequirementTarget, user) -> bool:
    if target.kind == TargetKind.PERSON:
        return target.user_id == user.pk
    if target.kind == TargetKind.RANK:
        return bool(user.rank) and target.rank == user.rank
    if target.unit_id is None or user.unit_id is None:
        return False
    if target.include_subunits:
        return user.unit.path.startswith(target.unit.path)
    return user.unit_id == target.unit_id


def _covered(requirement: Requirement) -> dict[int, str]:
    """Everyone the requirement covers now, with why: one query per line of "who"."""
    if not requirement.active:
        return {}
    covered: dict[int, str] = {}
    for target in requirement.targets.select_related("unit"):
        people = User.objects.filter(is_active=True)
        if target.kind == TargetKind.PERSON:
            people = people.filter(pk=target.user_id)
            source = AssignmentSource.PERSON
        elif target.kind == TargetKind.RANK:
            people = people.filter(rank=target.rank)
            source = AssignmentSource.RANK
        elif target.include_subunits:
            people = people.filter(unit__path__startswith=target.unit.path)
            source = AssignmentSource.UNIT
        else:
            people = people.filter(unit=target.unit_id)
            source = AssignmentSource.UNIT
        for user_id in people.values_list("pk", flat=True):
            covered.setdefault(user_id, source)
    return covered


def _assigned_on(requirement: Requirement, *, source: str, joined_unit: datetime.date | None, today) -> datetime.date:
    """
    When someone falls under a requirement: the day it applies from, or later if they came
    under it later: joining the unit (their current spell), or, for ranks and named people
    added after the requirement was created, the day that happened (today).
    """
    start = requirement.starts_on
    if source == AssignmentSource.UNIT and joined_unit:
        return max(start, joined_unit)
    created_on = timezone.localdate(requirement.created_at) if requirement.created_at else today
    return max(start, today) if created_on < today else start


@transaction.atomic
def sync_requirement(requirement: Requirement, *, today: datetime.date | None = None) -> SyncResult:
    """
    Create an assignment for everyone the requirement covers who has none, and end the
    assignments of those it no longer covers (they keep their history). Idempotent.
    """
    today = today or timezone.localdate()
    Requirement.objects.select_for_update().filter(pk=requirement.pk).first()
    covered = _covered(requirement)
    current = {a.user_id: a for a in Assignment.objects.filter(requirement=requirement, ended_on__isnull=True)}

    leaving = [assignment for user_id, assignment in current.items() if user_id not in covered]
    for assignment in leaving:
        assignment.ended_on = today
    Assignment.objects.bulk_update(leaving, ["ended_on"])

    arriving = [user_id for user_id in covered if user_id not in current]
    joined = dict(
        UnitMembership.objects.filter(user_id__in=arriving, ended_at__isnull=True).values_list("user_id", "started_at")
    )
    new = []
    for user_id in arriving:
        joined_on = timezone.localdate(joined[user_id]) if user_id in joined else None
        assigned_on = _assigned_on(requirement, source=covered[user_id], joined_unit=joined_on, today=today)
        new.append(
            Assignment(
                requirement=requirement,
                user_id=user_id,
                course_id=requirement.course_id,
                source=covered[user_id],
                assigned_on=assigned_on,
                due_on=requirement.due_on_for(assigned_on),
            )
        )
    Assignment.objects.bulk_create(new)
    return SyncResult(created=len(new), ended=len(leaving))


def sync_all(*, today: datetime.date | None = None) -> SyncResult:
    """Every requirement, active or withdrawn. For the nightly command and after HR imports."""
    total = SyncResult()
    for requirement in Requirement.objects.all():
        total += sync_requirement(requirement, today=today)
    return total


@transaction.atomic
def sync_person(user, *, today: datetime.date | None = None) -> SyncResult:
    """Bring one person's assignments up to date after they move unit or change rank."""
    today = today or timezone.localdate()
    user = User.objects.select_related("unit").get(pk=user.pk)
    requirements = Requirement.objects.filter(active=True).prefetch_related("targets__unit")
    covering = {}
    for requirement in requirements:
        sources = [t.kind for t in requirement.targets.all() if _covers(t, user)] if user.is_active else []
        if sources:
            covering[requirement.pk] = (requirement, sources[0])
    current = {a.requirement_id: a for a in Assignment.objects.filter(user=user, ended_on__isnull=True)}
    leaving = [a for requirement_id, a in current.items() if requirement_id not in covering]
    for assignment in leaving:
        assignment.ended_on = today
    Assignment.objects.bulk_update(leaving, ["ended_on"])
    membership = UnitMembership.objects.filter(user=user, ended_at__isnull=True).first()
    joined_on = timezone.localdate(membership.started_at) if membership else None
    new = []
    for requirement_id, (requirement, kind) in covering.items():
        if requirement_id in current:
            continue
        source = {TargetKind.UNIT: AssignmentSource.UNIT, TargetKind.RANK: AssignmentSource.RANK}.get(
            kind, AssignmentSource.PERSON
        )
        assigned_on = _assigned_on(requirement, source=source, joined_unit=joined_on, today=today)
        new.append(
            Assignment(
                requirement=requirement,
                user=user,
                course_id=requirement.course_id,
                source=source,
                assigned_on=assigned_on,
                due_on=requirement.due_on_for(assigned_on),
            )
        )
    Assignment.objects.bulk_create(new)
    return SyncResult(created=len(new), ended=len(leaving))
