"""Small-number suppression (compliance.suppression): primary, secondary, percentages; property-based."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.suppression import SECONDARY_MARK, Line, SuppressedTable, recoverable, suppress

COLUMNS = ("compliant", "overdue", "other")


def table(groups, below=5):
    return SuppressedTable(groups, columns=COLUMNS, total_column="total", below=below)


def row(compliant, overdue, other):
    return {"compliant": compliant, "overdue": overdue, "other": other, "total": compliant + overdue + other}


def test_small_counts_are_shown_as_less_than_the_threshold_and_zeros_as_zero():
    published = table({"Hate crime": [row(3, 0, 40), row(20, 30, 40)]})
    assert published.shown(("Hate crime", 0, "compliant")) == "<5"
    assert published.shown(("Hate crime", 0, "overdue")) == 0
    assert published.shown(("Hate crime", 1, "overdue")) == 30


def test_a_lone_small_count_in_a_row_takes_the_next_smallest_with_it():
    # Row 0: 3 + 0 + 40 = 43; with only the 3 hidden, 43 - 0 - 40 gives it away.
    published = table({"Hate crime": [row(3, 0, 40), row(20, 30, 40)]})
    assert published.shown(("Hate crime", 0, "other")) == SECONDARY_MARK
    # Columns: compliant 3 + 20 = 23 (and other 40 + 40) would give them away too.
    assert published.withheld(("Hate crime", 1, "compliant")) or published.withheld(
        ("Hate crime", "total", "compliant")
    )
    assert not recoverable(published.values, published.lines, published.small | published.secondary)


def test_a_total_under_the_threshold_is_withheld_as_well():
    published = table({"Judaism": [row(1, 1, 1), row(10, 10, 10)]})
    assert published.shown(("Judaism", 0, "total")) == "<5"


def test_a_percentage_from_a_withheld_count_is_left_empty():
    published = table({"Hate crime": [row(3, 0, 40), row(20, 30, 40)]})
    assert published.percent(("Hate crime", 0, "compliant"), ("Hate crime", 0, "total")) == ""
    assert published.percent(("Hate crime", "total", "total"), ("Hate crime", "total", "total")) in ("", "100.0")
    unsuppressed = table({"Hate crime": [row(50, 25, 25)]})
    assert unsuppressed.percent(("Hate crime", 0, "compliant"), ("Hate crime", 0, "total")) == "50.0"


def test_the_threshold_is_configurable(settings):
    settings.COMPLIANCE_SUPPRESS_BELOW = 10
    published = SuppressedTable({"Hate crime": [row(7, 20, 20)]}, columns=COLUMNS, total_column="total")
    assert published.shown(("Hate crime", 0, "compliant")) == "<10"


def test_a_generic_line_with_one_hidden_entry_is_completed():
    values = {"a": 2, "b": 9, "c": 0, "t": 11}
    small, secondary = suppress(values, [Line("t", ("a", "b", "c"))], below=5)
    assert small == {"a"}
    assert secondary == {"b"}  # the smallest non-zero, before the zero and the total


# Property-based: whatever the counts, nothing withheld can be worked out by subtraction.

counts = st.one_of(st.integers(0, 6), st.integers(0, 60))
rows = st.tuples(counts, counts, counts).map(lambda cells: row(*cells))
groups = st.dictionaries(st.sampled_from(["A", "B", "C"]), st.lists(rows, min_size=1, max_size=6), min_size=1)


@settings(max_examples=50, deadline=None)
@given(groups=groups, below=st.integers(2, 10))
def test_no_withheld_count_can_be_recovered_from_the_published_totals(groups, below):
    published = table(groups, below=below)
    withheld = published.small | published.secondary
    # Every small count is withheld.
    assert {key for key, value in published.values.items() if 0 < value < below} <= published.small
    # No line (a row and its total; a course's column and its total) has exactly one withheld
    # entry, so no withheld count equals a published total minus published cells.
    assert not recoverable(published.values, published.lines, withheld)
    for line in published.lines:
        entries = (*line.cells, line.total)
        hidden = [key for key in entries if key in withheld]
        if hidden:
            assert len(hidden) >= 2
        else:
            assert published.values[line.total] == sum(published.values[key] for key in line.cells)
    # What is shown never leaks a withheld value: the marks, or the count itself.
    for key, value in published.values.items():
        shown = published.shown(key)
        assert shown == value if key not in withheld else shown in (f"<{below}", SECONDARY_MARK)


@settings(max_examples=50, deadline=None)
@given(groups=groups)
def test_percentages_are_shown_only_from_published_counts(groups):
    published = table(groups)
    for group, members in groups.items():
        for index in [*range(len(members)), "total"]:
            numerator, denominator = (group, index, "compliant"), (group, index, "total")
            text = published.percent(numerator, denominator)
            if published.withheld(numerator) or published.withheld(denominator):
                assert text == ""
            elif published.values[denominator]:
                exact = Decimal(100 * published.values[numerator]) / Decimal(published.values[denominator])
                assert abs(Decimal(text) - exact) <= Decimal("0.05")


@pytest.mark.parametrize(
    ("compliant", "total", "shown"), [(21, 80, "26.3"), (1, 8, "12.5"), (2, 3, "66.7"), (0, 9, "0.0")]
)
def test_a_percentage_rounds_a_half_up(compliant, total, shown):
    # 21 of 80 is exactly 26.25 %: a float's format shows 26.2 (the property test above found it).
    published = table({"A": [row(compliant, 0, total - compliant)]}, below=1)
    assert published.percent(("A", 0, "compliant"), ("A", 0, "total")) == shown
