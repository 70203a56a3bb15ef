"""
The person chooser of Admin → LTI → Linked accounts: open to exactly those who may link
accounts (administrators), searched rather than listed whole, in a fixed number of queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from lti.models import LinkedAccount
from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db


def chooser_urls(person):
    return [
        reverse("lti_person_chooser:choose"),
        reverse("lti_person_chooser:choose_results"),
        reverse("lti_person_chooser:chosen", args=[person.pk]),
        reverse("lti_person_chooser:chosen_multiple") + f"?id={person.pk}",
    ]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_administrators_open_the_person_chooser(client_as, people, role):
    client = client_as(role)
    statuses = [client.get(url).status_code for url in chooser_urls(people["officer"])]
    if role == "administrator":
        assert statuses == [200, 200, 200, 200]
    elif role == "anonymous":
        assert set(statuses) == {302}
    else:
        assert set(statuses) <= {302, 403}, statuses


def test_the_linked_account_form_has_a_chooser_not_a_select_of_everyone(client_as, people):
    for number in range(30):
        UserFactory(username=f"crowd-{number}")
    page = client_as("administrator").get(reverse("lti_linked_accounts:add")).content.decode()
    assert reverse("lti_person_chooser:choose") in page
    assert "Choose a person" in page
    assert "crowd-7" not in page and '<select name="user"' not in page


def test_the_chooser_finds_people_by_name_or_number(client_as, people):
    officer = people["officer"]
    officer.warrant_number, officer.staff_number = "AB1234", "S-99881"
    officer.save()
    client = client_as("administrator")
    url = reverse("lti_person_chooser:choose_results")

    def found(q):
        return client.get(url, {"q": q}).content.decode()

    assert officer.last_name in found(officer.last_name.lower())
    assert officer.last_name in found("ab 1234")  # compared as the HR import compares numbers
    assert officer.last_name in found("S-99881")
    assert people["other_officer"].last_name not in found("ab1234")


def test_the_chooser_costs_the_same_queries_for_more_people(client_as, people):
    client = client_as("administrator")
    url = reverse("lti_person_chooser:choose_results")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    count()  # the first request reads the site into the cache (core.sites)
    few = count()
    for number in range(30):
        UserFactory(username=f"crowd-{number}")
    assert count() == few


def test_an_administrator_links_a_chosen_person(client_as, people, platform):
    response = client_as("administrator").post(
        reverse("lti_linked_accounts:add"),
        {"platform": platform.pk, "subject": "moodle-user-77", "user": people["other_officer"].pk},
    )
    assert response.status_code == 302
    assert LinkedAccount.objects.get(subject="moodle-user-77").user == people["other_officer"]
