"""
Festival calendars that refreshers are dated from.

A calendar names its festivals and says on which Gregorian days each one begins in a date
range. The Jewish calendar is the one the festival-dates block already shows
(``courses.blocks.festival_spans``, computed with pyluach): refreshers reuse it rather than
keeping a second table. A future course adds its faith's calendar by registering another
``FestivalCalendar`` here (see ``docs/architecture.md``, "Festival refreshers"); nothing else
changes, because refreshers store the festival as ``"<calendar>:<festival>"``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from courses.blocks import FESTIVAL_NAMES, festival_spans

#: Longer than any festival the calendars name (Chanukah: eight days).
LONGEST_FESTIVAL = datetime.timedelta(days=10)


@dataclass(frozen=True)
class Occurrence:
    """One festival's occurrence: the Gregorian day it begins (its first full day)."""

    festival: str  # "<calendar>:<festival>", as stored on a refresher
    label: str
    first_day: datetime.date


@dataclass(frozen=True)
class FestivalCalendar:
    """A faith's calendar: its festivals (key → label) and the days they begin in a range."""

    key: str
    label: str
    festivals: dict
    occurrences: Callable[[datetime.date, datetime.date], list[Occurrence]]


def _jewish_occurrences(start: datetime.date, end: datetime.date) -> list[Occurrence]:
    """The Jewish festivals beginning from ``start`` to ``end``, from the festival-dates block's own calendar."""
    # Begin the walk before ``start``: a span cut by the range's start would look as if the
    # festival began that day (no festival lasts longer than LONGEST_FESTIVAL).
    walk_from = start - LONGEST_FESTIVAL
    months = ((end - walk_from).days + 1) / 30.44
    with translation.override("en-gb"):
        # festival_spans names festivals by their label; read the label back to its key.
        by_label = {str(label): key for key, label in FESTIVAL_NAMES.items()}
        spans = festival_spans(walk_from, months=months)
        return [
            Occurrence(festival=f"jewish:{by_label[span.name]}", label=span.name, first_day=span.first_day)
            for span in spans
            if start <= span.first_day <= end
        ]


JEWISH = FestivalCalendar(
    key="jewish",
    label=_("Jewish festivals"),
    festivals=FESTIVAL_NAMES,
    occurrences=_jewish_occurrences,
)

#: Every calendar refreshers may be dated from, by key.
CALENDARS: dict[str, FestivalCalendar] = {JEWISH.key: JEWISH}


def register_calendar(calendar: FestivalCalendar) -> None:
    """Offer another faith's calendar to refreshers (call it from an app's ``ready()``)."""
    CALENDARS[calendar.key] = calendar


def festival_choices() -> list:
    """Choices for a refresher's festival, grouped by calendar."""
    return [
        (str(calendar.label), [(f"{calendar.key}:{key}", label) for key, label in calendar.festivals.items()])
        for calendar in CALENDARS.values()
    ]


def festival_label(festival: str) -> str:
    calendar_key, _sep, key = festival.partition(":")
    calendar = CALENDARS.get(calendar_key)
    if calendar is None or key not in calendar.festivals:
        return festival
    return str(calendar.festivals[key])


def occurrences(festivals: set[str], start: datetime.date, end: datetime.date) -> list[Occurrence]:
    """The occurrences of ``festivals`` beginning from ``start`` to ``end``, in date order: one pass per calendar."""
    found: list[Occurrence] = []
    for calendar_key in sorted({festival.partition(":")[0] for festival in festivals}):
        calendar = CALENDARS.get(calendar_key)
        if calendar is not None:
            found.extend(o for o in calendar.occurrences(start, end) if o.festival in festivals)
    return sorted(found, key=lambda o: (o.first_day, o.festival))
