"""
Festival refreshers' dates: computed from the festival-dates block's calendar (pyluach) for
whichever Hebrew year is coming, never from a typed table or from today's date.
"""

import datetime

import pytest

from courses.blocks import festival_spans
from notifications import festivals, refreshers
from notifications.models import FestivalRefresher

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def test_the_jewish_calendar_is_the_festival_dates_blocks_own():
    start = datetime.date(2026, 9, 1)
    spans = festival_spans(start, months=12)
    found = festivals.occurrences({f"jewish:{key}" for key in festivals.JEWISH.festivals}, start, start + 364 * day)
    assert [(o.label, o.first_day) for o in found] == [(span.name, span.first_day) for span in spans]


@pytest.mark.parametrize(
    ("festival", "year_from", "expected"),
    [
        # Hebrew year 5787, then 5788 (Pesach 5787 falls in spring 2027), then 5789.
        ("jewish:Rosh Hashana", datetime.date(2026, 1, 1), datetime.date(2026, 9, 12)),
        ("jewish:Rosh Hashana", datetime.date(2026, 9, 13), datetime.date(2027, 10, 2)),
        ("jewish:Rosh Hashana", datetime.date(2027, 10, 3), datetime.date(2028, 9, 21)),
        ("jewish:Pesach", datetime.date(2026, 9, 1), datetime.date(2027, 4, 22)),
        ("jewish:Pesach", datetime.date(2027, 5, 1), datetime.date(2028, 4, 11)),
        ("jewish:Chanuka", datetime.date(2026, 9, 1), datetime.date(2026, 12, 5)),
        ("jewish:Chanuka", datetime.date(2027, 1, 1), datetime.date(2027, 12, 25)),
        # 5787 is a leap year: Purim falls in the second Adar, on 23 March 2027.
        ("jewish:Purim", datetime.date(2026, 9, 1), datetime.date(2027, 3, 23)),
    ],
)
def test_each_festival_is_found_in_the_hebrew_year_that_is_coming(festival, year_from, expected):
    found = festivals.occurrences({festival}, year_from, year_from + 400 * day)
    assert found[0].first_day == expected


def test_a_festival_already_under_way_is_not_taken_to_begin_on_the_first_day_looked_at():
    # The third day of Pesach 5787: the festival began on 22 April.
    assert festivals.occurrences({"jewish:Pesach"}, datetime.date(2027, 4, 24), datetime.date(2027, 6, 1)) == []


def test_the_schedule_sends_each_refresher_its_days_before_the_festival(judaism_guide):
    course, module = judaism_guide
    for festival, days in [("jewish:Rosh Hashana", 14), ("jewish:Pesach", 21), ("jewish:Chanuka", 7)]:
        FestivalRefresher.objects.create(
            course=course, festival=festival, days_before=days, module=module, message="m"
        )
    start = datetime.date(2026, 12, 1)
    rows = refreshers.schedule(start=start, end=start + 365 * day)
    assert [(str(row.festival), row.festival_begins, row.send_on) for row in rows] == [
        ("Chanukah", datetime.date(2026, 12, 5), datetime.date(2026, 11, 28)),
        ("Pesach (Passover)", datetime.date(2027, 4, 22), datetime.date(2027, 4, 1)),
        ("Rosh Hashanah (New Year)", datetime.date(2027, 10, 2), datetime.date(2027, 9, 18)),
    ]


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2027, 9, 17), False),  # the day before the send date
        (datetime.date(2027, 9, 18), True),  # the send date
        (datetime.date(2027, 9, 30), True),  # late (a missed run), but before the festival
        (datetime.date(2027, 10, 1), True),  # the eve: it begins at sunset
        (datetime.date(2027, 10, 2), False),  # the festival has begun: too late to be useful
    ],
)
def test_a_refresher_is_due_from_its_send_date_until_the_festival_begins(refresher, today, due):
    rows = refreshers.due_on(today)
    assert [(row.refresher, row.festival_begins) for row in rows] == (
        [(refresher, datetime.date(2027, 10, 2))] if due else []
    )


def test_an_inactive_refresher_is_never_scheduled(refresher):
    refresher.active = False
    refresher.save()
    assert refreshers.due_on(datetime.date(2027, 9, 18)) == []


def test_another_faiths_calendar_can_be_registered(monkeypatch, judaism_guide):
    """A future course (Ramadan, Vaisakhi) adds its calendar; refreshers then offer and date its festivals."""
    course, module = judaism_guide
    calendar = festivals.FestivalCalendar(
        key="example",
        label="Example calendar",
        festivals={"Feast": "The feast"},
        occurrences=lambda start, end: (
            [festivals.Occurrence("example:Feast", "The feast", datetime.date(2027, 3, 1))]
            if start <= datetime.date(2027, 3, 1) <= end
            else []
        ),
    )
    monkeypatch.setitem(festivals.CALENDARS, calendar.key, calendar)
    assert ("Example calendar", [("example:Feast", "The feast")]) in festivals.festival_choices()
    FestivalRefresher.objects.create(
        course=course, festival="example:Feast", days_before=10, module=module, message="m"
    )
    assert [row.send_on for row in refreshers.due_on(datetime.date(2027, 2, 19))] == [datetime.date(2027, 2, 19)]
