import datetime

import pytest
from django.utils import timezone

from accounts.models import UnitMembership
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from tests.compliance.conftest import hate_crime, judaism, record_completion  # noqa: F401 (fixtures)

from .failing_backend import FailingBackend

DAY = datetime.timedelta(days=1)


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
