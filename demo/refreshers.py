"""
Festival refreshers for the demo: the Judaism guide reminds the officers who completed it of
what matters before Rosh Hashanah, Chanukah and Pesach, each pointing to the module on
Shabbat and festivals. They show in the admin's schedule (Reports → Festival refreshers
schedule) with the number of people each would reach.
"""

from courses.models import CoursePage, ModulePage
from notifications.models import FestivalRefresher

REFRESHERS = [
    (
        "jewish:Rosh Hashana",
        14,
        "Rosh Hashanah and, ten days later, Yom Kippur are the busiest days of the year at synagogues. Expect crowds "
        "on foot, plan visits and interviews around the festival days, and speak to the synagogue's security team "
        "before an operation nearby.",
    ),
    (
        "jewish:Chanuka",
        7,
        "Chanukah lasts eight nights. Lights in windows and public candle-lightings are part of the festival; "
        "Chanukah is not a day of rest, but public events draw crowds and can be targets of antisemitic abuse.",
    ),
    (
        "jewish:Pesach",
        21,
        "Pesach lasts eight days in England and Wales; the first two and the last two are days of rest. In "
        "custody, ask before offering food: many families eat no leavened food for the whole festival.",
    ),
]


def load_refreshers() -> list[FestivalRefresher]:
    course = CoursePage.objects.get(slug="guide-to-judaism")
    module = ModulePage.objects.child_of(course).get(slug="shabbat-and-festivals")
    refreshers = []
    for festival, days_before, message in REFRESHERS:
        refresher, _created = FestivalRefresher.objects.update_or_create(
            course=course,
            festival=festival,
            days_before=days_before,
            defaults={"module": module, "message": message, "active": True},
        )
        refreshers.append(refresher)
    return refreshers
