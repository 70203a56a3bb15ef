"""
Demo: the last two month-end compliance snapshots (``compliance.services.take_snapshot``),
so the snapshot reports (Reports → Compliance snapshots) have two dates to list and compare,
and the charts' trend reads those months from them. Idempotent: a month end already taken is
left as it is (snapshots are never changed).
"""

from django.utils import timezone

from compliance import services
from compliance.models import ComplianceSnapshot
from compliance.selectors import month_ends


def load_snapshots() -> list[ComplianceSnapshot]:
    days = month_ends(timezone.localdate(), 3)[:-1]
    for day in days:
        services.take_snapshot(day=day)
    return list(ComplianceSnapshot.objects.filter(day__in=days))
