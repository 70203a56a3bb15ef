"""
Exemptions as grants (docs/security.md §1): nobody exempts themselves, the dates are
bounded (not before the assignment, not more than EXEMPTION_MAX_MONTHS ahead), the
granter is named as they were, and every grant and withdrawal is in the audit trail.
"""

import csv
import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.factories import UserFactory
from accounts.models import Rank
from audit.models import Action, AuditEvent
from compliance import exemptions
from compliance.factories import ExemptionFactory, RequirementFactory, person_target, unit_target
from compliance.models import Assignment, Exemption, months_after

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


@pytest.fixture
def inspector(org):
    """An inspector managing North Command (Team A is below it), himself in North."""
    return UserFactory(
        username="inspector",
        first_name="Ian",
        last_name="Price",
        rank=Rank.INSPECTOR,
        unit=org.north,
        roles=[roles.OFFICER, roles.MANAGER],
        manages=[org.north],
    )


@pytest.fixture
def requirement(people, inspector, org, hate_crime):
    """Required of the whole force from 30 days ago: everyone, managers included, is assigned."""
    return RequirementFactory(
        course=hate_crime,
        targets=[unit_target(org.force), person_target(people["administrator"])],
        starts_on=timezone.localdate() - 30 * day,
    )


def form(person, requirement, **overrides):
    today = timezone.localdate()
    return {
        "user": person.pk,
        "requirement": requirement.pk,
        "reason": "Maternity leave",
        "starts_on": today.isoformat(),
        "ends_on": (today + 90 * day).isoformat(),
        **overrides,
    }


def grant(person, granted_by, requirement, starts_on=None, ends_on=None):
    today = timezone.localdate()
    return exemptions.grant_exemption(
        person=person,
        requirement=requirement,
        reason="Maternity leave",
        starts_on=starts_on or today,
        ends_on=ends_on or today + 90 * day,
        granted_by=granted_by,
    )


def sign_in_as(client_as, people, inspector, who):
    client = client_as("officer")
    client.force_login(inspector if who == "inspector" else people[who])
    return client, inspector if who == "inspector" else people[who]


# Nobody exempts themselves


@pytest.mark.parametrize("who", ["manager_of_unit", "inspector", "administrator"])
def test_nobody_exempts_themselves_in_the_admin(client_as, people, inspector, requirement, who):
    client, me = sign_in_as(client_as, people, inspector, who)
    assert Assignment.objects.filter(user=me, requirement=requirement).exists()  # there is something to exempt
    response = client.post(reverse("exemptions:add"), form(me, requirement))
    assert response.status_code == 200
    assert "Nobody can exempt themselves" in response.content.decode()
    assert not Exemption.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="exemption.").exists()


@pytest.mark.parametrize("who", ["manager_of_unit", "administrator"])
def test_the_service_refuses_an_exemption_to_oneself_too(people, requirement, who):
    with pytest.raises(ValidationError, match="Nobody can exempt themselves"):
        grant(people[who], people[who], requirement)
    assert not Exemption.objects.exists()


def test_an_existing_exemption_cannot_be_pointed_at_its_granter(client_as, people, requirement):
    exemption = grant(people["officer"], people["manager_of_unit"], requirement)
    exemption.user = people["manager_of_unit"]
    with pytest.raises(ValidationError, match="Nobody can exempt themselves"):
        exemption.full_clean()
    # And there is no edit view to do it through, for anyone.
    for who in ("manager_of_unit", "administrator"):
        response = client_as(who).post(reverse("exemptions:edit", args=[exemption.pk]), form(people[who], requirement))
        assert response.status_code in (302, 403)
    exemption.refresh_from_db()
    assert exemption.user == people["officer"]


def test_the_inspector_exempts_an_officer_in_his_command(client_as, people, inspector, requirement):
    client, _ = sign_in_as(client_as, people, inspector, "inspector")
    assert client.post(reverse("exemptions:add"), form(people["officer"], requirement)).status_code == 302
    assert Exemption.objects.get().granted_by == inspector


# Dates


def refused(client_as, person, requirement, **dates) -> str:
    response = client_as("administrator").post(reverse("exemptions:add"), form(person, requirement, **dates))
    assert response.status_code == 200
    assert not Exemption.objects.exists()
    return response.content.decode()


def test_an_exemption_cannot_start_in_2000_or_before_the_assignment(client_as, people, requirement):
    assigned_on = Assignment.objects.get(user=people["officer"], requirement=requirement).assigned_on
    page = refused(client_as, people["officer"], requirement, starts_on="2000-01-01")
    assert escape(f"An exemption cannot start before {people['officer'].display_name}") in page
    page = refused(client_as, people["officer"], requirement, starts_on=(assigned_on - day).isoformat())
    assert "was assigned this requirement" in page
    response = client_as("administrator").post(
        reverse("exemptions:add"), form(people["officer"], requirement, starts_on=assigned_on.isoformat())
    )
    assert response.status_code == 302


def test_an_exemption_cannot_end_in_9999_or_past_the_configured_span(client_as, people, requirement, settings):
    settings.EXEMPTION_MAX_MONTHS = 6
    latest = months_after(timezone.localdate(), 6)
    page = refused(client_as, people["officer"], requirement, ends_on="9999-12-31")
    assert "An exemption can run at most 6 months ahead" in page
    refused(client_as, people["officer"], requirement, ends_on=(latest + day).isoformat())
    response = client_as("administrator").post(
        reverse("exemptions:add"), form(people["officer"], requirement, ends_on=latest.isoformat())
    )
    assert response.status_code == 302


def test_an_exemption_needs_an_end_date_after_its_start(client_as, people, requirement):
    assert "Give the date the exemption ends." in refused(client_as, people["officer"], requirement, ends_on="")
    today = timezone.localdate()
    page = refused(client_as, people["officer"], requirement, ends_on=(today - day).isoformat())
    assert "An exemption cannot end before it starts." in page


def test_the_service_applies_the_date_rules_too(people, requirement):
    with pytest.raises(ValidationError, match="at most 24 months ahead"):
        grant(people["officer"], people["administrator"], requirement, ends_on=datetime.date(9999, 12, 31))
    with pytest.raises(ValidationError, match="cannot start before"):
        grant(people["officer"], people["administrator"], requirement, starts_on=datetime.date(2000, 1, 1))


def test_months_after_keeps_to_the_end_of_a_short_month():
    assert months_after(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert months_after(datetime.date(2027, 1, 15), 24) == datetime.date(2029, 1, 15)


# Attributable


def test_the_granters_name_is_kept_as_it_was_when_they_granted_it(client_as, people, requirement):
    manager = people["manager_of_unit"]
    named_then = manager.display_name
    client_as("manager_of_unit").post(reverse("exemptions:add"), form(people["officer"], requirement))
    exemption = Exemption.objects.get()
    assert exemption.granted_by_name == named_then and manager.warrant_number in named_then

    manager.first_name, manager.last_name = "Renamed", "Person"
    manager.save()
    client = client_as("administrator")
    listing = client.get(reverse("exemptions:index")).content.decode()
    assert escape(named_then) in listing and "Renamed" not in listing
    inspect = client.get(reverse("exemptions:inspect", args=[exemption.pk])).content.decode()
    assert escape(named_then) in inspect
    export = client.get(reverse("exemptions:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][-2:] == ["Granted by (as named then)", "Granted"]
    assert rows[1][-2] == named_then


def migration(app: str, name: str):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_the_data_migration_names_existing_granters_and_relabels_their_history(people, requirement):
    exemption = ExemptionFactory(user=people["officer"], requirement=requirement, granted_by=people["administrator"])
    assert exemption.granted_by_name == ""
    entry = ModelLogEntry.objects.log_action(exemption, "wagtail.create", user=people["administrator"])
    ModelLogEntry.objects.filter(pk=entry.pk).update(label="Alex Morgan exempt from Hate crime")
    module = migration("compliance", "0005_exemption_granter_name_and_end_date")

    module.backfill_granter_names(apps, None)
    module.relabel_history(apps, None)

    exemption.refresh_from_db()
    assert exemption.granted_by_name == people["administrator"].display_name
    assert ModelLogEntry.objects.get(pk=entry.pk).label == f"Exemption #{exemption.pk}"


# The audit trail and Wagtail's history


def test_grants_and_withdrawals_are_in_the_audit_trail_without_the_reason(client_as, people, requirement):
    client = client_as("administrator")
    client.post(reverse("exemptions:add"), form(people["officer"], requirement, reason="Pregnancy, due in May"))
    exemption = Exemption.objects.get()
    granted = AuditEvent.objects.get(action=Action.EXEMPTION_GRANTED)
    assert (granted.actor, granted.subject, granted.target) == (
        people["administrator"],
        people["officer"],
        f"exemption:{exemption.pk}",
    )
    assert granted.data == {
        "requirement_id": requirement.pk,
        "starts_on": exemption.starts_on.isoformat(),
        "ends_on": exemption.ends_on.isoformat(),
        "evidence": False,
    }
    assert ModelLogEntry.objects.get_for_model(Exemption).get().label == f"Exemption #{exemption.pk}"

    assert client.post(reverse("exemptions:delete", args=[exemption.pk])).status_code == 302
    assert not Exemption.objects.exists()
    withdrawn = AuditEvent.objects.get(action=Action.EXEMPTION_WITHDRAWN)
    assert (withdrawn.actor, withdrawn.subject) == (people["administrator"], people["officer"])
    assert "Pregnancy" not in str(granted.data) + str(withdrawn.data)
    assert list(
        ModelLogEntry.objects.get_for_model(Exemption).order_by("timestamp").values_list("action", flat=True)
    ) == ["wagtail.create", "wagtail.delete"]
