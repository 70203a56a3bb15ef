"""
Certification periods: how long a course completion counts (``CoursePage``'s validity rule)
and the period each completion stores when it is issued (``CourseCompletion.valid_from`` /
``valid_until``). Pure functions, no queries: the rule is read from the course once, the
period written once, and only an explicit, recorded change of rule ever rewrites it
(``compliance.periods``).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import asdict, dataclass


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later (31 January + 1 month is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def anchor_in(year: int, month: int, day: int) -> datetime.date:
    """The renewal date in ``year``: 29 February is the 28th in a common year."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ValidityRule:
    """
    How long a completion counts: ``months`` after completion (none: it never expires), and
    optionally aligned to a fixed renewal date (``renew_month``/``renew_day``, e.g. 31 March):
    then it counts until the first renewal date on or after the day ``months`` later, so it
    never counts for less than ``months`` (docs/decisions.md, "58").
    """

    months: int | None = None
    renew_month: int | None = None
    renew_day: int | None = None

    @property
    def aligned(self) -> bool:
        return bool(self.months and self.renew_month and self.renew_day)

    def valid_until(self, completed_on: datetime.date) -> datetime.date | None:
        """The last day a completion made on ``completed_on`` counts (inclusive), or None."""
        if not self.months:
            return None
        earliest = months_after(completed_on, self.months)
        if not self.aligned:
            return earliest
        anchor = anchor_in(earliest.year, self.renew_month, self.renew_day)
        return anchor if anchor >= earliest else anchor_in(earliest.year + 1, self.renew_month, self.renew_day)

    def period(self, completed_on: datetime.date) -> tuple[datetime.date, datetime.date | None]:
        """``(valid_from, valid_until)``: it counts from the day it was completed."""
        return completed_on, self.valid_until(completed_on)

    def as_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        from django.utils.dates import MONTHS
        from django.utils.translation import gettext as _

        if not self.months:
            return _("Never expires")
        if not self.aligned:
            return _("%(months)s months after completion") % {"months": self.months}
        return _("At least %(months)s months, until the next %(day)s %(month)s") % {
            "months": self.months,
            "day": self.renew_day,
            "month": MONTHS[self.renew_month],
        }
