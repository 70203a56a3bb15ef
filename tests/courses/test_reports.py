"""The content review report: what is overdue or due within 30 days, for those who edit content."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from courses.factories import CoursePageFactory, ModulePageFactory
from tests.exports import csv_table

pytestmark = pytest.mark.django_db

URL = reverse("courses_reports:content_review")


@pytest.fixture
def dated_content(catalogue):
    today = timezone.localdate()
    course = CoursePageFactory(
        parent=catalogue, title="Online hate crime", review_by=today - datetime.timedelta(days=3)
    )
    ModulePageFactory(parent=course, title="The law online", review_by=today + datetime.timedelta(days=10))
    ModulePageFactory(parent=course, title="Evidence", review_by=today + datetime.timedelta(days=31))
    ModulePageFactory(parent=course, title="Reporting", review_by=None)
    return course


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 200),
        ("manager_of_other_unit", 302),
        ("manager_of_unit", 302),
        ("administrator", 200),
    ],
)
def test_report_is_for_people_who_look_after_content(client_as, role, status):
    response = client_as(role).get(URL)
    assert response.status_code == status


def test_report_lists_overdue_and_due_soon_content_only(client_as, dated_content):
    content = client_as("trainer").get(URL).content.decode()
    assert "Online hate crime" in content and "Review overdue" in content
    assert "The law online" in content and "Due within 30 days" in content
    assert "Evidence" not in content
    assert "Reporting" not in content


def test_report_filters_by_status_and_kind(client_as, dated_content):
    client = client_as("trainer")
    overdue = client.get(URL, {"status": "overdue"}).content.decode()
    assert "Online hate crime" in overdue and "The law online" not in overdue
    modules = client.get(URL, {"kind": "module"}).content.decode()
    assert "The law online" in modules and ">Online hate crime<" not in modules


def test_report_exports_csv_exactly(client_as, dated_content):
    today = timezone.localdate()
    response = client_as("trainer").get(URL, {"export": "csv"})
    assert response["Content-Disposition"] == f'attachment; filename="content-review-{today:%Y-%m-%d}.csv"'
    rows = csv_table(response)  # after the preamble every report's CSV starts with (tests/exports.py)
    assert rows == [
        ["Title", "Content", "Course", "Review by", "Status", "Address"],
        [
            "Online hate crime",
            "Course",
            "Online hate crime",
            str(today - datetime.timedelta(days=3)),
            "Review overdue",
            "/courses/online-hate-crime/",
        ],
        [
            "The law online",
            "Module",
            "Online hate crime",
            str(today + datetime.timedelta(days=10)),
            "Due within 30 days",
            "/courses/online-hate-crime/the-law-online/",
        ],
    ]


def test_report_exports_xlsx(client_as, dated_content):
    response = client_as("administrator").get(URL, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Title", "Content", "Course", "Review by", "Status", "Address")
    assert [row[0] for row in rows[1:]] == ["Online hate crime", "The law online"]


def test_report_menu_item_is_shown_to_trainers_only_among_officers(client_as, dated_content):
    assert "Content due for review" in client_as("trainer").get(reverse("wagtailadmin_home")).content.decode()
    assert (
        "Content due for review" not in client_as("manager_of_unit").get(reverse("wagtailadmin_home")).content.decode()
    )


def test_report_queries_do_not_grow_with_rows(client_as, catalogue, django_assert_max_num_queries):
    today = timezone.localdate()
    for n in range(3):
        course = CoursePageFactory(parent=catalogue, title=f"Course {n}", review_by=today)
        for m in range(10):
            ModulePageFactory(parent=course, title=f"Module {n}.{m}", review_by=today)
    client = client_as("trainer")
    client.get(URL)
    with django_assert_max_num_queries(30):
        response = client.get(URL)
    assert response.content.decode().count("Due within 30 days") >= 30
