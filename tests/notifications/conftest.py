"""
Fixtures for the notifications tests. Reminders: hate crime for the whole force and the
Judaism guide for Team A (``force_training``), and a mail backend that fails (``failing_mail``).
Festival refreshers: the Judaism guide, required of Team A, with a refresher 14 days before
Rosh Hashanah, and the clock on the day it is due.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import UnitMembership
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from notifications.models import FestivalRefresher
from tests.compliance.conftest import hate_crime, judaism, record_completion  # noqa: F401 (fixtures)

from .failing_backend import FailingBackend

DAY = datetime.timedelta(days=1)
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def force_training(people, org, hate_crime, judaism, today):  # noqa: F811
    """
    Hate crime for the whole force, due 10 days ago (so overdue: the second weekly reminder
    is due); the Judaism guide for Team A, due in 3 days. The officer (Team A) completed hate
    crime 350 days ago (valid 12 months: it runs out in about 15 days); Team A's manager is
    exempt from hate crime; Team B's officer and manager never did it.
    """
    UnitMembership.objects.update(started_at=timezone.now() - 500 * DAY)
    hate = RequirementFactory(
        course=hate_crime,
        name="Hate crime",
        starts_on=today - 100 * DAY,
        due_days=90,
        targets=[unit_target(org.force)],
    )
    judaism_requirement = RequirementFactory(
        course=judaism, name="Judaism", starts_on=today, due_days=3, targets=[unit_target(org.team_a)]
    )
    record_completion(people["officer"], hate_crime, on=today - 350 * DAY, score=90)
    ExemptionFactory(
        user=people["manager_of_unit"], requirement=hate, starts_on=today - DAY, granted_by=people["administrator"]
    )
    return {"hate": hate, "judaism": judaism_requirement}


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    FailingBackend.failures = 0
    yield FailingBackend
    FailingBackend.failures = 0


#: Rosh Hashanah 5788 begins on 2 October 2027 (from sunset on the 1st): 14 days before is 18 September.
ROSH_HASHANAH_5788 = datetime.date(2027, 10, 2)
SEND_DAY = datetime.date(2027, 9, 18)


def noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=LONDON)


@pytest.fixture
def clock():
    """The clock stopped at noon on the refresher's send day; ``clock.move_to(...)`` moves it."""
    with time_machine.travel(noon(SEND_DAY), tick=False) as traveller:
        yield traveller


@pytest.fixture
def judaism_guide(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism", validity_months=24)
    ModulePageFactory(parent=course, title="Community", slug="community")
    festivals = ModulePageFactory(parent=course, title="Shabbat and festivals", slug="festivals")
    return course, festivals


@pytest.fixture
def refresher(judaism_guide):
    course, module = judaism_guide
    return FestivalRefresher.objects.create(
        course=course,
        festival="jewish:Rosh Hashana",
        days_before=14,
        module=module,
        message="Expect synagogues to be busy; plan visits around the two days of the festival.",
    )


@pytest.fixture
def reached(clock, people, org, judaism_guide):
    """
    The guide is required of Team A (and its sub-units). Reached: the officer (Team A) and a
    night-section officer, who completed it. Not reached: Team A's manager (not completed), the
    other officer (completed, but Team B does not carry the requirement), a Team A officer who
    left the force (inactive).
    """
    course, _module = judaism_guide
    today = SEND_DAY
    night = UserFactory(username="night_officer", unit=org.team_a_sub, first_name="Priya", last_name="Shah")
    leaver = UserFactory(username="leaver", unit=org.team_a)
    RequirementFactory(
        course=course,
        name="Judaism",
        starts_on=today - datetime.timedelta(days=400),
        due_days=60,
        targets=[unit_target(org.team_a)],
    )
    for person in (people["officer"], night, people["other_officer"], leaver):
        record_completion(person, course, on=today - datetime.timedelta(days=100))
    leaver.is_active = False
    leaver.save()
    return {people["officer"], night}
