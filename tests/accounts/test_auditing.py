"""
Changes to who may do what are in the audit trail, whatever made them: roles added, removed
or cleared (from either side of the relation), administrator and staff status, accounts
deactivated and reactivated; through the admin's user form the administrator is named.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from accounts.factories import UserFactory
from audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def events_for(person, action):
    return list(AuditEvent.objects.filter(subject=person, action=action).order_by("sequence"))


def test_roles_added_removed_and_cleared_are_recorded(db):
    person = UserFactory(roles=[])
    trainer, manager = Group.objects.get(name=roles.TRAINER), Group.objects.get(name=roles.MANAGER)
    person.groups.add(trainer, manager)
    person.groups.remove(trainer)
    person.groups.clear()
    assert [event.data for event in events_for(person, Action.GROUPS_CHANGED)] == [
        {"added": [roles.MANAGER, roles.TRAINER]},
        {"removed": [roles.TRAINER]},
        {"removed": [roles.MANAGER]},
    ]


def test_a_role_given_from_the_groups_side_is_recorded_for_each_person(db):
    first, second = UserFactory(roles=[]), UserFactory(roles=[])
    Group.objects.get(name=roles.ADMINISTRATOR).user_set.add(first, second)
    for person in (first, second):
        assert [event.data for event in events_for(person, Action.GROUPS_CHANGED)] == [
            {"added": [roles.ADMINISTRATOR]}
        ]


def test_superuser_and_active_changes_are_recorded_and_other_saves_are_not(db):
    person = UserFactory(roles=[])
    person.first_name = "Renamed"
    person.save()
    assert not AuditEvent.objects.filter(subject=person).exists()

    person.is_superuser = True
    person.save()
    person.is_active = False
    person.save()
    person.is_active = True
    person.save()
    recorded = AuditEvent.objects.filter(subject=person).order_by("sequence")
    assert [(event.action, event.data) for event in recorded] == [
        (Action.STAFF_STATUS_CHANGED, {"is_superuser": {"from": False, "to": True}}),
        (Action.PERSON_DEACTIVATED, {}),
        (Action.PERSON_REACTIVATED, {}),
    ]


def test_creating_a_superuser_is_recorded(db):
    person = UserFactory(is_superuser=True)
    assert events_for(person, Action.STAFF_STATUS_CHANGED)[0].data == {"is_superuser": {"from": None, "to": True}}


def edit_form_data(response) -> dict:
    """What the admin's user edit form would post back unchanged."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is True:
            data[name] = "on"
        else:
            data[name] = value
    return data


def test_the_admin_user_form_records_the_administrator_as_the_actor(client_as, people):
    client = client_as("administrator")
    officer = people["officer"]
    url = reverse("wagtailusers_users:edit", args=[officer.pk])
    data = edit_form_data(client.get(url))
    data.pop("is_active", None)  # untick "Active"
    data["is_superuser"] = "on"
    data["groups"] = [str(Group.objects.get(name=roles.TRAINER).pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    recorded = {
        event.action: event
        for event in AuditEvent.objects.filter(subject=officer).exclude(actor=None).order_by("sequence")
    }
    assert set(recorded) == {Action.STAFF_STATUS_CHANGED, Action.PERSON_DEACTIVATED, Action.GROUPS_CHANGED}
    for event in recorded.values():
        assert event.actor == people["administrator"]
        assert event.ip_address == "127.0.0.1"
