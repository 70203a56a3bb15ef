"""
Small-number suppression for freedom-of-information answers (the snapshot exports).

A published table of counts may not let a reader learn a small count (1 to
``COMPLIANCE_SUPPRESS_BELOW - 1``, 5 by default) about a handful of identifiable people:

- **Primary suppression**: every count from 1 to below the threshold is withheld, shown as
  "<5". Zeros are shown (a zero says nothing about any one person).
- **Secondary (complementary) suppression**: the table's additive *lines* (a row's cells and
  the row's total; a column's cells within a group and the group's total) are published too,
  so a line with exactly one withheld entry gives it away by subtraction (total minus the
  others). The rule: while some line has exactly one withheld entry, withhold another entry
  of that line too, the smallest non-zero one not yet withheld (a zero only if nothing else
  is left), cells before totals; repeat until no line has exactly one (a fixed point: each
  step withholds one more entry, so it ends). Secondary cells are shown as "[c]".
- **Derived figures**: a percentage is shown only if both its numerator and denominator are;
  a change between two dates only if both its percentages are.

What it proves (``tests/compliance/test_snapshot_suppression.py``, property-based): in the
published table no line has exactly one withheld entry, so no withheld count equals a
published total minus published cells. It does not defend against differencing two
different exports of the same snapshot (docs/decisions.md, 60).
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: How a secondary (complementary) suppression is shown.
SECONDARY_MARK = "[c]"


def threshold() -> int:
    """Counts below this are withheld (``COMPLIANCE_SUPPRESS_BELOW``, 5 by default)."""
    return settings.COMPLIANCE_SUPPRESS_BELOW


def small_mark(below: int | None = None) -> str:
    """How a primary suppression is shown ("<5")."""
    return f"<{below if below is not None else threshold()}"


@dataclass(frozen=True)
class Line:
    """Published cells and the published total they add up to."""

    total: Hashable
    cells: tuple[Hashable, ...]


def primary(values: Mapping[Hashable, int], below: int) -> set:
    """The counts withheld because they are small (1 to ``below - 1``)."""
    return {key for key, value in values.items() if 0 < value < below}


def suppress(values: Mapping[Hashable, int], lines: Sequence[Line], below: int) -> tuple[set, set]:
    """
    The keys withheld: (primary, secondary). ``values`` holds every published count (cells and
    totals); ``lines`` the additive relations between them (each total = the sum of its cells).
    """
    small = primary(values, below)
    withheld = set(small)
    changed = True
    while changed:
        changed = False
        for line in lines:
            entries = (*line.cells, line.total)
            hidden = sum(1 for key in entries if key in withheld)
            if hidden != 1:
                continue
            candidates = [key for key in entries if key not in withheld]
            # The smallest non-zero entry (zeros last: withholding a known-looking zero
            # protects less), cells before the total.
            choice = min(
                candidates,
                key=lambda key: (values[key] == 0, key == line.total, values[key]),
            )
            withheld.add(choice)
            changed = True
    return small, withheld - small


class SuppressedTable:
    """
    A grouped table of counts with its totals, suppressed. ``groups`` maps a group (a
    course) to its rows, each row a mapping of the count columns (``columns``, which add up to
    ``total_column``). Each group gets a total row. ``shown(key)`` gives the published text.
    """

    def __init__(
        self,
        groups: Mapping[Hashable, Sequence[Mapping[str, int]]],
        *,
        columns: Sequence[str],
        total_column: str,
        below: int | None = None,
    ):
        self.below = below if below is not None else threshold()
        self.columns = tuple(columns)
        self.total_column = total_column
        self.values: dict[tuple, int] = {}
        lines: list[Line] = []
        for group, rows in groups.items():
            for index, row in enumerate(rows):
                for column in (*self.columns, total_column):
                    self.values[group, index, column] = int(row[column])
                lines.append(
                    Line((group, index, total_column), tuple((group, index, column) for column in self.columns))
                )
            for column in (*self.columns, total_column):
                self.values[group, "total", column] = sum(int(row[column]) for row in rows)
                lines.append(
                    Line((group, "total", column), tuple((group, index, column) for index in range(len(rows))))
                )
            lines.append(
                Line((group, "total", total_column), tuple((group, "total", column) for column in self.columns))
            )
        self.lines = lines
        self.small, self.secondary = suppress(self.values, lines, self.below)

    def withheld(self, key) -> bool:
        return key in self.small or key in self.secondary

    def shown(self, key) -> int | str:
        """The count, or "<5" (primary), or "[c]" (secondary)."""
        if key in self.small:
            return small_mark(self.below)
        if key in self.secondary:
            return SECONDARY_MARK
        return self.values[key]

    def percent(self, numerator, denominator) -> str:
        """A percentage (one decimal place), empty if either part is withheld or the denominator is 0."""
        if self.withheld(numerator) or self.withheld(denominator) or not self.values[denominator]:
            return ""
        # Exact, and a half rounds up (21 of 80 is 26.3 %, as a spreadsheet shows it); a float's
        # format would round 26.25 down to even.
        share = Decimal(100 * self.values[numerator]) / Decimal(self.values[denominator])
        return str(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def preamble_lines(below: int | None = None) -> list[tuple[str, str]]:
    """What an export says about its suppression (in its preamble, beside the filters)."""
    below = below if below is not None else threshold()
    return [
        (
            str(_("Suppression")),
            str(
                _(
                    "Counts from 1 to %(top)s are shown as “%(mark)s” so that no small group of people can be "
                    "identified (freedom-of-information disclosure control). Some other counts are shown as "
                    "“%(secondary)s” so that a withheld count cannot be worked out by subtracting the others from "
                    "a total. A percentage is left empty when it would reveal a withheld count."
                )
                % {"top": below - 1, "mark": small_mark(below), "secondary": SECONDARY_MARK}
            ),
        )
    ]


def recoverable(values: Mapping[Hashable, int], lines: Iterable[Line], withheld: set) -> set:
    """
    The withheld keys a reader could work out by subtraction within one line (a line with
    exactly one withheld entry). Empty for a table ``suppress`` has made: the tests' oracle.
    """
    found = set()
    for line in lines:
        hidden = [key for key in (*line.cells, line.total) if key in withheld]
        if len(hidden) == 1:
            found.add(hidden[0])
    return found
