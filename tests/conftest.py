"""
Fixtures shared by every test: a small force and one person for each role that every
view is tested against.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from accounts import roles
from accounts.factories import UnitFactory, UserFactory
from accounts.models import Rank, Unit, UnitKind

E2E_DIR = Path(__file__).parent / "e2e"


def pytest_ignore_collect(collection_path: Path, config):
    """
    Browser tests run in their own pytest run (`pytest tests/e2e`; `make test` runs both).
    Playwright's sync API switches greenlets, each with its own context, so Django would
    open a second database connection that misses the test database's setup if the unit
    tests had already opened one in the same process.
    """
    if collection_path == E2E_DIR:
        asked_for = [Path(arg.split("::")[0]).resolve() for arg in config.args]
        return not any(path == E2E_DIR or E2E_DIR in path.parents for path in asked_for)
    return None


def pytest_configure(config):
    """
    ``TEST_CLOCK=2028-02-29T22:00`` runs the whole suite as if it were that moment (the clock
    still ticks). CI runs the unit suite on a leap day's evening, the last of its month, so a
    test that only passes on the day it was written fails in CI, not months later.
    """
    moment = os.environ.get("TEST_CLOCK")
    if moment:
        import datetime
        import zoneinfo

        import time_machine

        when = datetime.datetime.fromisoformat(moment)
        if when.tzinfo is None:
            when = when.replace(tzinfo=zoneinfo.ZoneInfo("Europe/London"))
        config._test_clock = time_machine.travel(when, tick=True)
        config._test_clock.start()


def pytest_report_header(config):
    moment = os.environ.get("TEST_CLOCK")
    return f"clock moved to {moment} (TEST_CLOCK)" if moment else None


@pytest.fixture(autouse=True)
def empty_cache():
    """
    Each test starts with an empty cache: the site settings are cached per site, and a
    test's database changes are rolled back without the signals that would drop them.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


#: The seven points of view every view is tested from.
ROLE_NAMES = (
    "anonymous",
    "officer",
    "other_officer",
    "trainer",
    "manager_of_other_unit",
    "manager_of_unit",
    "administrator",
)


@dataclass
class Org:
    force: Unit
    north: Unit
    team_a: Unit
    team_a_sub: Unit
    south: Unit
    team_b: Unit


@pytest.fixture
def org(db) -> Org:
    """Force → North (→ Team A → Team A section) and South (→ Team B)."""
    force = UnitFactory(name="Test Constabulary", code="TC")
    north = UnitFactory(parent=force, name="North Command", code="N", kind=UnitKind.COMMAND)
    team_a = UnitFactory(parent=north, name="Team A", code="N-A")
    team_a_sub = UnitFactory(parent=team_a, name="Team A night section", code="N-A-1")
    south = UnitFactory(parent=force, name="South Command", code="S", kind=UnitKind.COMMAND)
    team_b = UnitFactory(parent=south, name="Team B", code="S-B")
    return Org(force, north, team_a, team_a_sub, south, team_b)


@pytest.fixture
def people(org) -> dict:
    """One person per role. ``officer`` serves in Team A, ``other_officer`` in Team B."""
    return {
        "anonymous": None,
        "officer": UserFactory(username="officer", unit=org.team_a, first_name="Alex", last_name="Morgan"),
        # A name with an apostrophe and an accent: reports must escape it and still find it.
        "other_officer": UserFactory(
            username="other_officer", unit=org.team_b, first_name="Siobhán", last_name="O'Neill"
        ),
        "trainer": UserFactory(username="trainer", rank=Rank.POLICE_STAFF, warrant_number=None, roles=[roles.TRAINER]),
        "manager_of_other_unit": UserFactory(
            username="manager_of_other_unit",
            rank=Rank.SERGEANT,
            unit=org.team_b,
            roles=[roles.OFFICER, roles.MANAGER],
            manages=[org.team_b],
        ),
        "manager_of_unit": UserFactory(
            username="manager_of_unit",
            rank=Rank.SERGEANT,
            unit=org.team_a,
            roles=[roles.OFFICER, roles.MANAGER],
            manages=[org.team_a],
        ),
        "administrator": UserFactory(
            username="administrator", rank=Rank.POLICE_STAFF, warrant_number=None, roles=[roles.ADMINISTRATOR]
        ),
    }


@pytest.fixture
def approver(db):
    """A content approver: publishes what trainers submit in the "Course approval" workflow."""
    return UserFactory(username="approver", roles=[roles.OFFICER, roles.CONTENT_APPROVER])


@pytest.fixture
def client_as(client, people):
    """``client_as("trainer")`` returns the test client signed in as that role (or anonymous)."""

    def sign_in(role: str):
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return sign_in
