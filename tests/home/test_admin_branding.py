"""
Issue 12, point 5: the admin is the platform's, not Wagtail's. Per role, what the admin shows:
the platform's and the force's names (Settings → Platform), no Wagtail name, editor guide or
release notes, only the platform's groups, the platform's help texts and privacy words, and
page search only for people who can work with pages.
"""

import importlib
import json
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowPage

from accounts import roles
from accounts.factories import UserFactory
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from home.models import InformationPage, PlatformSettings

DASHBOARD = reverse("wagtailadmin_home")
ADMIN_ROLES = ("trainer", "manager_of_other_unit", "manager_of_unit", "administrator")


class _Text(HTMLParser):
    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """What a reader meets on the page: text outside scripts and templates, no tags or attributes."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def sidebar(html: str) -> dict:
    """The sidebar's menu, as Wagtail hands it to its JavaScript."""
    match = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def branded(db):
    settings = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    settings.platform_name = "Northshire learning"
    settings.organisation_name = "Northshire Police"
    settings.save()
    return settings


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_the_dashboard_is_branded_with_the_platform_and_the_force(client_as, people, branded, role):
    html = client_as(role).get(DASHBOARD).content.decode()
    assert "<title>Dashboard - Northshire learning</title>" in html
    assert '<h1 class="w-h1 w-mt-0" id="header-title">Northshire learning</h1>' in html
    assert "Northshire Police" in visible_text(html)
    assert "localhost" not in visible_text(html)


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_the_dashboard_never_names_wagtail_its_editor_guide_or_its_release_notes(client_as, people, role):
    html = client_as(role).get(DASHBOARD).content.decode()
    text = visible_text(html)
    assert "Wagtail" not in text
    assert "editor guide" not in text.lower()
    # The sidebar's menu (rendered by JavaScript) has no Wagtail help items, nothing to count as new.
    menu = json.dumps(sidebar(html))
    assert "Editor Guide" not in menu
    assert "What's new in Wagtail" not in menu
    assert "w-dismissible" not in menu and "dismissible" not in menu
    assert "Shortcuts" in menu
    # The sidebar shows the platform's shield, not Wagtail's bird.
    assert 'data-wagtail-sidebar-branding-logo><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"' in html


def test_the_admin_sign_in_page_names_the_platform(client, branded):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    text = visible_text(html)
    assert "Sign in to Northshire learning" in text
    assert "Northshire Police" in text
    assert "Wagtail" not in text


@pytest.mark.parametrize("role", ("anonymous", "officer", "other_officer"))
def test_people_without_the_admin_never_see_the_dashboard(client_as, people, role):
    response = client_as(role).get(DASHBOARD)
    assert response.status_code == 302
    assert "header-title" not in response.content.decode()


@pytest.mark.parametrize(
    ("role", "searches_pages"),
    [
        ("trainer", True),
        ("manager_of_other_unit", False),
        ("manager_of_unit", False),
        ("administrator", True),
    ],
)
def test_only_people_who_work_with_pages_are_offered_page_search(client_as, people, role, searches_pages):
    html = client_as(role).get(DASHBOARD).content.decode()
    menu = json.dumps(sidebar(html))
    assert ("Search all pages" in html) is searches_pages
    assert (reverse("wagtailadmin_pages:search") in menu) is searches_pages
    assert (f'"{reverse("wagtailadmin_explore_root")}"' in menu) is searches_pages


def test_managers_get_only_the_panels_they_can_use(client_as, people):
    text = visible_text(client_as("manager_of_unit").get(DASHBOARD).content.decode())
    assert "Training in your units" in text
    for heading in ("Your drafts", "Sent for approval", "Content due for review", "most often get wrong"):
        assert heading not in text


def test_only_the_platforms_roles_are_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ALL_ROLES)


def test_the_group_list_shows_only_the_platforms_roles(client, db):
    superuser = UserFactory(username="root", is_superuser=True)
    client.force_login(superuser)
    text = visible_text(client.get(reverse("wagtailusers_groups:index")).content.decode())
    for role in roles.ALL_ROLES:
        assert role in text
    assert "Moderators" not in text
    assert "Editors" not in text


def test_wagtails_default_workflow_is_reviewed_by_content_approvers(db):
    workflow = Workflow.objects.get(name="Site page approval")
    assert WorkflowPage.objects.get(workflow=workflow).page.depth == 1
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert task.name == "Content approvers review of site pages"
    assert list(task.groups.values_list("name", flat=True)) == [roles.CONTENT_APPROVER]
    course_approval = GroupApprovalTask.objects.get(workflow_tasks__workflow__name="Course approval")
    assert list(course_approval.groups.values_list("name", flat=True)) == [roles.CONTENT_APPROVER]


def test_retiring_wagtails_groups_keeps_their_members_work_and_their_tasks_reviewed(db):
    """The migration's own function, run again on an install that still has Wagtail's groups."""
    migration = importlib.import_module("home.migrations.0004_retire_wagtails_default_groups")
    moderators = Group.objects.create(name="Moderators")
    editors = Group.objects.create(name="Editors")
    moderator = UserFactory(username="old_moderator")
    moderator.groups.add(moderators)
    editor = UserFactory(username="old_editor")
    editor.groups.add(editors)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])

    migration.retire(apps, None)

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert set(moderator.groups.values_list("name", flat=True)) == {roles.OFFICER, roles.CONTENT_APPROVER}
    assert set(editor.groups.values_list("name", flat=True)) == {roles.OFFICER, roles.TRAINER}
    task.refresh_from_db()
    assert task.name == "Content approvers review of site pages"
    assert list(task.groups.values_list("name", flat=True)) == [roles.CONTENT_APPROVER]


def test_the_default_site_has_the_platforms_name(db):
    assert Site.objects.get(is_default_site=True).site_name == "Police training"


@pytest.fixture
def course(db):
    return CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime")


def test_the_page_editor_speaks_of_officers_not_the_public(client_as, people, course):
    html = client_as("trainer").get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    text = visible_text(html)
    assert "The heading officers see on the page and in lists of courses and modules." in text
    assert "The last part of the page's web address" in text
    assert "seen by the public" not in text
    assert "http://domain.com" not in text
    assert "For site menus" not in text


def test_a_page_that_needs_sign_in_is_not_called_visible_to_all(client_as, people, course):
    html = client_as("administrator").get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    text = visible_text(html)
    assert "Visible to all" not in text
    assert "Everyone signed in" in text
    assert "Once live, anyone who signs in to the platform can view it" in text


def test_a_public_information_page_is_called_public(db, client):
    superuser = UserFactory(username="root", is_superuser=True)
    client.force_login(superuser)
    statement = InformationPage.objects.get(slug="accessibility")
    text = visible_text(client.get(reverse("wagtailadmin_pages:edit", args=[statement.pk])).content.decode())
    assert "Once live, anyone can view it without signing in" in text
    assert "Everyone signed in" not in text


def test_without_any_site_the_admin_sign_in_page_uses_the_default_names(client, db):
    Site.objects.all().delete()
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert "Sign in to Police training" in visible_text(response.content.decode())
