"""
The officer site's rough edges (issue 12, point 13): a confirmation when a module is
finished, a required course listed once on My learning, officers kept out of the admin
without Wagtail's sign-in form, a favicon, and tables that say they scroll.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.factories import RequirementFactory, unit_target
from courses import services
from courses.factories import ModulePageFactory
from tests.compliance.conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


def test_finishing_a_module_says_so_on_the_next_page(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    response = client_as("officer").post(modules[0].url + "complete/", {"revision": ""}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0] == modules[1].url
    assert "govuk-notification-banner--success" in content
    assert "You have completed “Module 1”." in content


def test_pressing_the_button_again_says_nothing_new(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    services.complete_module(user=people["officer"], module=modules[0])
    content = client_as("officer").post(modules[0].url + "complete/", follow=True).content.decode()
    assert "You have completed" not in content


def test_a_completed_required_course_is_listed_once_on_my_learning(client_as, people, org, catalogue):
    from courses.factories import CoursePageFactory

    required = CoursePageFactory(parent=catalogue, title="Hate crime essentials", validity_months=12)
    ModulePageFactory(parent=required, title="What it is")
    optional = CoursePageFactory(parent=catalogue, title="Online harm basics", validity_months=12)
    ModulePageFactory(parent=optional, title="Online")
    today = timezone.localdate()
    RequirementFactory(course=required, starts_on=today - 100 * day, due_days=90, targets=[unit_target(org.team_a)])
    record_completion(people["officer"], required, on=today - 30 * day)
    record_completion(people["officer"], optional, on=today - 20 * day)

    content = client_as("officer").get("/").content.decode()
    learning, certificates = content.split('id="certificates"')
    assert learning.count(">Hate crime essentials<") == 1  # under "Required training" only
    assert "Hate crime essentials" in certificates  # and its certificate below
    completed = learning[learning.index(">Completed</h2>") :]
    assert "Online harm basics" in completed and "Hate crime essentials" not in completed

    # Someone it is not required of still sees it under "Completed".
    record_completion(people["other_officer"], required, on=today - 30 * day)
    other = client_as("other_officer").get("/").content.decode()
    assert "Hate crime essentials" in other[other.index(">Completed</h2>") :]


ADMIN = "/admin/"


@pytest.mark.parametrize(
    ("role", "lands_on"),
    [
        ("anonymous", "/account/sign-in/?next=/admin/"),
        ("officer", "/"),
        ("other_officer", "/"),
        ("trainer", None),
        ("manager_of_unit", None),
        ("manager_of_other_unit", None),
        ("administrator", None),
    ],
)
def test_the_admin_sends_officers_to_my_learning_and_the_signed_out_to_the_sites_sign_in(client_as, role, lands_on):
    client = client_as(role)
    response = client.get(ADMIN)
    if lands_on is None:
        assert response.status_code == 200  # staff reach Wagtail's dashboard
        return
    assert response.status_code == 302
    followed = client.get(ADMIN, follow=True)
    assert followed.redirect_chain[-1][0] == lands_on
    assert followed.status_code == 200
    content = followed.content.decode()
    assert "wagtail" not in content.lower().split("<body", 1)[1][:2000]  # the site's own design
    if role == "anonymous":
        assert 'name="password"' in content
    else:
        assert "The admin is for trainers and managers" in content
        assert "You do not have permission to access the admin" not in content


def test_a_deep_admin_link_comes_back_after_signing_in(client):
    response = client.get("/admin/reports/compliance/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/sign-in/?next=/admin/reports/compliance/"


def test_the_admin_way_in_never_sends_anyone_off_the_site(client_as):
    response = client_as("trainer").get(reverse("accounts:admin_sign_in"), {"next": "https://evil.example/"})
    assert response.url == reverse("wagtailadmin_home")
    response = client_as("anonymous").get(reverse("accounts:admin_sign_in"), {"next": "//evil.example/"})
    assert response.url == "/account/sign-in/?next=/admin/"


def test_other_messages_survive_the_way_back_from_the_admin(client_as, people, course):
    client = client_as("officer")
    client.post(course.url + "enrol/")  # "You are enrolled on …", not yet shown
    content = client.get(ADMIN, follow=True).content.decode()
    assert "You are enrolled on" in content and "The admin is for trainers and managers" in content


def test_the_site_has_a_favicon(client_as):
    assert '<link rel="icon" href="/static/images/favicon.svg"' in client_as("officer").get("/").content.decode()
    response = client_as("anonymous").get("/favicon.ico")
    assert response.status_code == 301 and response.url == "/static/images/favicon.svg"


def test_a_module_table_is_a_labelled_focusable_region_that_says_it_scrolls(client_as, people, course):
    import json

    table = {
        "data": [["Term", "Meaning"], ["Hostility", "Ill will, spite or resentment"]],
        "table_caption": "Words the guidance uses",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",
        "cell": [],
        "mergedCells": [],
    }
    module = ModulePageFactory(parent=course, title="Words", body=json.dumps([{"type": "table", "value": table}]))
    content = client_as("officer").get(module.url).content.decode()
    assert (
        '<div class="app-table-wrapper" data-scroll-hint="Scroll sideways to see the whole table" role="region" '
        'aria-label="Words the guidance uses" tabindex="0">'
    ) in content
