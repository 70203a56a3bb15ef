"""
Retention: people who left more than ``RETENTION_YEARS`` ago are anonymised by
``manage.py anonymise_leavers``. Their training records stay (so completions per course,
compliance counts and figures by rank and unit do not change); what identifies them goes:
names, username, email, warrant and staff numbers, password, and the free-text reasons and
evidence files of their exemptions and adjustments (which may describe health).

Someone has left when their account is inactive; they left at the latest of: the end of their
last spell in a unit, their deactivation in the audit trail, their last sign-in and the day
they joined. Audit events are not rewritten (docs/decisions.md): the anonymisation is itself
an event, naming the person only by id.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from wagtail import hooks

from accounts.models import User
from audit.models import Action, AuditEvent
from audit.services import record_event
from compliance.models import Exemption
from quizzes.models import Adjustment

REMOVED_REASON = "(removed under the retention policy)"


@dataclass(frozen=True)
class Leaver:
    person: User
    left_at: datetime.datetime


def _years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def cutoff(years: int, now: datetime.datetime | None = None) -> datetime.datetime:
    return _years_before(now or timezone.now(), years)


def leavers(*, years: int, now: datetime.datetime | None = None) -> list[Leaver]:
    """People who left before the cutoff and are not yet anonymised, oldest leaver first."""
    limit = cutoff(years, now)
    events = AuditEvent.objects.filter(subject=OuterRef("pk")).order_by("-sequence")
    candidates = (
        User.objects.filter(is_active=False)
        .exclude(pk__in=AuditEvent.objects.filter(action=Action.PERSON_ANONYMISED).values("subject_id"))
        .annotate(
            last_spell_ended=Max("unit_memberships__ended_at"),
            deactivated_at=Subquery(events.filter(action=Action.PERSON_DEACTIVATED).values("occurred_at")[:1]),
        )
        .order_by("pk")
    )
    found = []
    for person in candidates:
        moments = [person.last_spell_ended, person.deactivated_at, person.last_login, person.date_joined]
        left_at = max(moment for moment in moments if moment is not None)
        if left_at < limit:
            found.append(Leaver(person, left_at))
    return sorted(found, key=lambda leaver: leaver.left_at)


def anonymise(leaver: Leaver, *, years: int) -> None:
    """Replace what identifies one person; keep their records. Call inside a transaction."""
    person = leaver.person
    person.username = f"anonymised-{person.pk}"
    person.first_name = "Anonymised"
    person.last_name = f"person {person.pk}"
    person.email = ""
    person.warrant_number = None
    person.staff_number = None
    person.set_unusable_password()
    person.save()
    files = [exemption.evidence for exemption in Exemption.objects.filter(user=person).exclude(evidence="")]
    Exemption.objects.filter(user=person).update(reason=REMOVED_REASON, evidence="")
    Adjustment.objects.filter(user=person).update(reason=REMOVED_REASON)
    # Apps above this one that copy a person's details (certificates) remove them too.
    for hook in hooks.get_hooks("anonymise_person"):
        hook(person, removed=REMOVED_REASON)
    for file in files:
        transaction.on_commit(lambda file=file: file.storage.delete(file.name))
    record_event(
        action=Action.PERSON_ANONYMISED,
        subject=person,
        target=f"user:{person.pk}",
        data={
            "left_at": leaver.left_at.isoformat(),
            "retention_years": years,
            "evidence_files_removed": len(files),
        },
    )


@transaction.atomic
def anonymise_leavers(*, years: int, now: datetime.datetime | None = None) -> list[Leaver]:
    """Anonymise every leaver past the retention period, all or none."""
    found = leavers(years=years, now=now)
    for leaver in found:
        anonymise(leaver, years=years)
    return found
