"""
Every admin view that names one record about a person (inspect, history, usage, edit,
delete) is scoped like the listing: attempts, reasonable adjustments and exemptions of
Team A's officer are reachable by id only by the people who may see that officer.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from quizzes import services
from quizzes.models import Adjustment
from tests.conftest import ROLE_NAMES

from .conftest import form_data

RECORD_VIEWS = ("inspect", "history", "usage", "edit", "delete")
REFUSED_TO = {
    reverse("wagtailadmin_login"),
    reverse("wagtailadmin_home"),
    reverse("accounts:login"),
    reverse("accounts:admin_sign_in"),
}


@pytest.fixture
def records(people, org, quiz):
    officer = people["officer"]
    attempt = services.start_attempt(user=officer, quiz=quiz)
    services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt))
    adjustment = Adjustment.objects.create(
        user=officer, quiz=quiz, extra_time_percent=25, reason="Dyslexia", granted_by=people["administrator"]
    )
    requirement = RequirementFactory(course=quiz.get_parent().specific, targets=[unit_target(org.team_a)])
    exemption = ExemptionFactory(user=officer, requirement=requirement, granted_by=people["administrator"])
    return {"attempts": attempt, "adjustments": adjustment, "exemptions": exemption}


# Who can open at least one of the record views for Team A's officer.
MAY_SEE = {
    "attempts": {"manager_of_unit", "administrator"},
    # Trainers grant adjustments to anyone (quizzes.grant_to_anyone).
    "adjustments": {"trainer", "manager_of_unit", "administrator"},
    "exemptions": {"manager_of_unit", "administrator"},
}


@pytest.mark.parametrize("viewset", ["attempts", "adjustments", "exemptions"])
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_record_views_by_id_are_scoped_to_the_viewers_people(client_as, people, records, viewset, role):
    client = client_as(role)
    name = escape(people["officer"].last_name)
    opened = set()
    for view in RECORD_VIEWS:
        response = client.get(reverse(f"{viewset}:{view}", args=[records[viewset].pk]))
        if response.status_code == 200:
            opened.add(view)
            # Inspect names the officer; the other views name the record by its label, which
            # for adjustments and exemptions is not the person's name ("Exemption #1").
            shown = name if view == "inspect" else escape(str(records[viewset]))
            assert shown in response.content.decode(), (viewset, view)
        else:
            # Refused: sent to sign in, told "no permission" (a redirect to the dashboard) or not found.
            assert response.status_code in (302, 403, 404), (viewset, view, response.status_code)
            if response.status_code == 302:
                # Sent away from the record: to sign in, or to the dashboard with "no permission".
                assert response.url.split("?")[0] in REFUSED_TO, (viewset, view, response.url)
    if role in MAY_SEE[viewset]:
        assert "inspect" in opened
    else:
        assert not opened, (viewset, role, opened)


def test_a_manager_of_another_unit_cannot_delete_an_exemption_by_id_even_with_the_permission(
    client_as, people, records
):
    """Scoping does not rest on permissions alone: given delete_exemption, the wrong manager still gets 404."""
    from django.contrib.auth.models import Permission

    manager = people["manager_of_other_unit"]
    manager.user_permissions.add(Permission.objects.get(codename="delete_exemption"))
    client = client_as("manager_of_other_unit")
    exemption = records["exemptions"]
    assert client.get(reverse("exemptions:delete", args=[exemption.pk])).status_code == 404
    assert client.post(reverse("exemptions:delete", args=[exemption.pk])).status_code == 404
    assert type(exemption).objects.filter(pk=exemption.pk).exists()
