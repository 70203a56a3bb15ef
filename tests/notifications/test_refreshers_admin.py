"""
Festival refreshers in the admin: trainers edit refreshers and read the twelve-month schedule;
administrators also read the delivery log. Every view for every role.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from notifications.models import FestivalRefresher, RefresherDelivery
from notifications.refreshers import queue_due_refreshers
from tests.conftest import ROLE_NAMES
from tests.exports import csv_table

pytestmark = pytest.mark.django_db

NOBODY: set[str] = set()
ADMIN = {"administrator"}
TRAINERS = {"trainer", "administrator"}

ACCESS = [
    ("festival_refreshers:index", TRAINERS),
    ("festival_refreshers:add", TRAINERS),
    ("festival_refreshers:edit", TRAINERS),
    ("festival_refreshers:inspect", TRAINERS),
    ("festival_refreshers:history", TRAINERS),
    ("festival_refreshers:delete", TRAINERS),
    ("refresher_reports:schedule", TRAINERS),
    ("refresher_reports:schedule_results", TRAINERS),
    # The delivery log names people: administrators only, and never edited.
    ("refresher_deliveries:index", ADMIN),
    ("refresher_deliveries:inspect", ADMIN),
    ("refresher_deliveries:add", NOBODY),
    ("refresher_deliveries:edit", NOBODY),
    ("refresher_deliveries:delete", NOBODY),
]


@pytest.fixture
def delivery(refresher, reached, people):
    queue_due_refreshers()
    return RefresherDelivery.objects.get(user=people["officer"])


@pytest.mark.parametrize(("url_name", "allowed"), ACCESS, ids=[name for name, _ in ACCESS])
def test_each_refresher_view_opens_for_exactly_the_roles_allowed(client_as, refresher, delivery, url_name, allowed):
    objects = {"festival_refreshers": refresher.pk, "refresher_deliveries": delivery.pk}
    namespace, view = url_name.split(":")
    takes_pk = view in {"edit", "inspect", "history", "delete"}
    url = reverse(url_name, args=[objects[namespace]] if takes_pk else [])
    statuses = {role: client_as(role).get(url).status_code for role in ROLE_NAMES}
    assert {role for role, status in statuses.items() if status == 200} == allowed, statuses
    assert {status for role, status in statuses.items() if role not in allowed} <= {302, 403, 404}, statuses
    assert statuses["anonymous"] == 302


def test_nobody_deletes_a_delivery_even_by_posting(client_as, delivery):
    for role in ROLE_NAMES:
        response = client_as(role).post(reverse("refresher_deliveries:delete", args=[delivery.pk]))
        assert response.status_code in {302, 403, 404}
    assert RefresherDelivery.objects.filter(pk=delivery.pk).exists()


def test_schedule_lists_the_next_twelve_months_with_the_people_reached(client_as, refresher, reached, judaism_guide):
    course, module = judaism_guide
    FestivalRefresher.objects.create(
        course=course, festival="jewish:Pesach", days_before=21, module=module, message="m"
    )
    response = client_as("trainer").get(reverse("refresher_reports:schedule"), {"export": "csv"})
    assert response.status_code == 200
    assert csv_table(response) == [
        ["Festival", "Festival begins", "Sent on", "Course", "Module", "People it would reach now"],
        ["Rosh Hashanah (New Year)", "2027-10-02", "2027-09-18", "Judaism guide", "Shabbat and festivals", "2"],
        ["Pesach (Passover)", "2028-04-11", "2028-03-21", "Judaism guide", "Shabbat and festivals", "2"],
    ]
    page = client_as("trainer").get(reverse("refresher_reports:schedule")).content.decode()
    assert "Rosh Hashanah (New Year)" in page and "2 October 2027" in page


def test_schedule_query_count_does_not_grow_with_officers(
    client_as, refresher, reached, django_assert_max_num_queries, org, judaism_guide
):
    client = client_as("trainer")
    client.get(reverse("refresher_reports:schedule"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("refresher_reports:schedule_results"))
    from accounts.factories import UserFactory
    from tests.compliance.conftest import record_completion
    from tests.notifications.conftest import SEND_DAY

    for _n in range(6):
        record_completion(UserFactory(unit=org.team_a), judaism_guide[0], on=SEND_DAY - datetime.timedelta(days=9))
    with django_assert_max_num_queries(len(few)) as many:
        client.get(reverse("refresher_reports:schedule_results"))
    assert len(many) == len(few)


def test_a_trainer_adds_a_refresher_pointing_to_a_module_of_its_course(client_as, judaism_guide):
    course, module = judaism_guide
    data = {
        "course": course.pk,
        "festival": "jewish:Chanuka",
        "days_before": 10,
        "module": module.pk,
        "message": "Lights in windows.",
        "active": "on",
    }
    response = client_as("trainer").post(reverse("festival_refreshers:add"), data)
    assert response.status_code == 302
    refresher = FestivalRefresher.objects.get()
    assert (refresher.festival_label, refresher.days_before, refresher.module.specific) == ("Chanukah", 10, module)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"festival": "jewish:No such day"}, "festival"),
        ({"days_before": 400}, "days_before"),
        ({"days_before": "soon"}, "days_before"),
        ({"module": "other"}, "module"),
        ({"message": ""}, "message"),
    ],
)
def test_a_refresher_with_bad_input_is_refused_with_a_message(client_as, judaism_guide, change, field):
    from courses.factories import CoursePageFactory, ModulePageFactory
    from courses.models import CourseCataloguePage

    course, module = judaism_guide
    other = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime")
    other_module = ModulePageFactory(parent=other, title="What it is")
    data = {"course": course.pk, "festival": "jewish:Pesach", "days_before": 14, "module": module.pk, "message": "m"}
    data.update(change)
    if data["module"] == "other":
        data["module"] = other_module.pk
    response = client_as("trainer").post(reverse("festival_refreshers:add"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not FestivalRefresher.objects.exists()


def test_delivery_log_lists_what_was_sent_to_whom(client_as, delivery):
    response = client_as("administrator").get(reverse("refresher_deliveries:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[0] == [
        "Person",
        "Warrant number",
        "Festival",
        "Festival begins",
        "Course",
        "Status",
        "Attempts",
        "Sent",
        "Last error",
    ]
    person = delivery.user
    assert [
        person.display_name,
        person.warrant_number,
        "Rosh Hashanah (New Year)",
        "2027-10-02",
        "Judaism guide",
        "Waiting to be sent",
        "0",
        "",
        "",
    ] in rows
