"""
Granting and withdrawing exemptions: the one way they are written (the admin's add and
delete views call these). Each write checks the rules (``Exemption.clean``: never to
oneself, dates within the assignment and ``EXEMPTION_MAX_MONTHS``; the granter's scope),
keeps the granter's name as it is now, and records Wagtail's history and the audit event
in the same transaction. The compliance state follows by ``compliance.signals``.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from wagtail.log_actions import log

from accounts.grants import refuse_out_of_scope
from accounts.scoping import granter_name
from audit.models import Action
from audit.services import record_event

from .models import Exemption, Requirement


def _audit_data(exemption: Exemption) -> dict:
    # Not the reason: it often says why (an illness, a pregnancy). The dates and whether
    # evidence was attached are what an inquiry needs from the trail.
    return {
        "requirement_id": exemption.requirement_id,
        "starts_on": exemption.starts_on.isoformat(),
        "ends_on": exemption.ends_on.isoformat() if exemption.ends_on else None,
        "evidence": bool(exemption.evidence),
    }


@transaction.atomic
def grant_exemption(
    *,
    person,
    requirement: Requirement,
    reason: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    granted_by,
    evidence=None,
    request=None,
) -> Exemption:
    """Exempt ``person`` from ``requirement``; raises ``ValidationError`` if a rule refuses it."""
    refuse_out_of_scope(granted_by, person)
    exemption = Exemption(
        user=person,
        requirement=requirement,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        evidence=evidence or "",
        granted_by=granted_by,
        granted_by_name=granter_name(granted_by),
    )
    exemption.full_clean()
    exemption.save()
    log(instance=exemption, action="wagtail.create", user=granted_by, content_changed=True)
    record_event(
        action=Action.EXEMPTION_GRANTED,
        actor=granted_by,
        subject=person,
        request=request,
        target=f"exemption:{exemption.pk}",
        data=_audit_data(exemption),
    )
    return exemption


@transaction.atomic
def withdraw_exemption(*, exemption: Exemption, withdrawn_by, request=None) -> None:
    """Withdraw (delete) an exemption; the audit event keeps what it was and who granted it."""
    data = _audit_data(exemption) | {"granted_by": exemption.granted_by_name or granter_name(exemption.granted_by)}
    target = f"exemption:{exemption.pk}"
    log(instance=exemption, action="wagtail.delete", user=withdrawn_by)
    exemption.delete()
    record_event(
        action=Action.EXEMPTION_WITHDRAWN,
        actor=withdrawn_by,
        subject=exemption.user,
        request=request,
        target=target,
        data=data,
    )
