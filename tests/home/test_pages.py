import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, InformationPage, PlatformSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


@pytest.fixture
def statement():
    return InformationPage.objects.get(slug="accessibility")


class TestPageTree(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_information_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(InformationPage, set())
        self.assertAllowedParentPageTypes(InformationPage, {HomePage})


def test_the_default_site_serves_the_home_page(home):
    assert Site.objects.get(is_default_site=True).root_page.specific == home


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 200),
        ("other_officer", 200),
        ("trainer", 200),
        ("manager_of_other_unit", 200),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_home_page_is_for_signed_in_people_only(client_as, role, status):
    response = client_as(role).get("/")
    assert response.status_code == status
    if status == 302:
        assert response.url == "/account/sign-in/?next=/"


def test_home_page_names_the_officer_and_their_unit(client_as, people):
    content = client_as("officer").get("/").content.decode()
    assert "Police Constable Alex Morgan" in content
    assert "Team A" in content
    assert 'href="#main-content"' in content


@pytest.mark.parametrize("role", ["anonymous", "officer", "other_officer", "trainer", "administrator"])
def test_accessibility_statement_is_public_and_linked_from_every_page(client_as, role, statement):
    client = client_as(role)
    response = client.get(statement.url)
    assert response.status_code == 200
    assert "Enforcement procedure" in response.content.decode()
    sign_in = client.get("/account/sign-in/", follow=True).content.decode()
    assert f'href="{statement.url}"' in sign_in


def test_platform_name_comes_from_the_site_setting(client_as, people):
    settings = PlatformSettings.objects.get()
    settings.platform_name = "Hate crime learning"
    settings.save()
    assert "Hate crime learning" in client_as("officer").get("/").content.decode()


def test_admin_link_is_shown_only_to_people_who_use_the_admin(client_as, people):
    assert 'href="/admin/"' not in client_as("officer").get("/").content.decode()
    assert 'href="/admin/"' in client_as("trainer").get("/").content.decode()


def test_unknown_address_gets_the_styled_not_found_page(client_as, people):
    response = client_as("officer").get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# The header and footer read the site settings from the cache, and see changes at once.


def settings_queries(client, url="/") -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries if "home_platformsettings" in query["sql"]]


def test_site_settings_are_read_once_then_come_from_the_cache(client_as, people):
    client = client_as("officer")
    assert len(settings_queries(client)) == 1
    assert settings_queries(client) == []


def test_a_change_to_the_site_settings_shows_on_the_next_page(client_as, people):
    client = client_as("officer")
    assert "Police training" in client.get("/").content.decode()
    settings = PlatformSettings.objects.get()
    settings.platform_name = "Hate crime learning"
    settings.support_email = "training@example.police.uk"
    settings.save()
    content = client.get("/").content.decode()
    assert "Hate crime learning" in content
    assert 'href="mailto:training@example.police.uk"' in content


def test_the_accessibility_link_follows_the_statement_when_it_moves_or_is_unpublished(client_as, people, statement):
    client = client_as("officer")
    assert 'href="/accessibility/"' in client.get("/").content.decode()

    statement.slug = "accessibility-statement"
    statement.save_revision().publish()
    content = client.get("/").content.decode()
    assert 'href="/accessibility-statement/"' in content and 'href="/accessibility/"' not in content

    statement.unpublish()
    assert "Accessibility statement</a>" not in client.get("/").content.decode()


def test_the_accessibility_link_goes_when_the_statement_is_deleted(client_as, people, statement):
    client = client_as("officer")
    assert "Accessibility statement</a>" in client.get("/").content.decode()
    statement.delete()
    assert "Accessibility statement</a>" not in client.get("/").content.decode()
    assert PlatformSettings.objects.get().accessibility_statement is None


def test_choosing_another_statement_in_the_settings_shows_on_the_next_page(client_as, people, home, statement):
    client = client_as("officer")
    assert 'href="/accessibility/"' in client.get("/").content.decode()
    other = home.add_child(instance=InformationPage(title="Accessibility", slug="access", body="<p>Access.</p>"))
    settings = PlatformSettings.objects.get()
    settings.accessibility_statement = other
    settings.save()
    assert 'href="/access/"' in client.get("/").content.decode()


def test_the_admin_link_appears_on_the_next_page_once_access_is_granted(
    client_as, people, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group, Permission

    client = client_as("officer")
    assert 'href="/admin/"' not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the header is cached until the change commits
        group = Group.objects.create(name="Editors of the week")
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        people["officer"].groups.add(group)
    assert 'href="/admin/"' in client.get("/").content.decode()


def test_the_header_names_the_unit_as_it_is_now(client_as, people, org, django_capture_on_commit_callbacks):
    client = client_as("officer")
    assert "Team A" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        org.team_a.name = "Response Team A"
        org.team_a.save()
    assert "Response Team A" in client.get("/").content.decode()


# The header's unit and admin link come from the shared cache (home.selectors.header_for).


def test_the_header_is_read_once_and_then_from_the_cache(people, django_assert_num_queries):
    from home.selectors import header_for

    officer = people["officer"]
    with django_assert_num_queries(1):
        first = header_for(officer)
    with django_assert_num_queries(0):
        assert header_for(officer) == first
    assert first.unit_name == "Team A"
    assert first.can_use_admin is False


def test_a_move_to_another_unit_shows_at_once_with_no_signal(people, org):
    from home.selectors import header_for

    officer = people["officer"]
    assert header_for(officer).unit_name == "Team A"
    type(officer).objects.filter(pk=officer.pk).update(unit=org.team_b)  # no signal, no commit hook
    officer.refresh_from_db()
    assert header_for(officer).unit_name == "Team B"


def test_losing_admin_access_removes_the_link_once_the_change_commits(
    client_as, people, django_capture_on_commit_callbacks
):
    trainer = people["trainer"]
    client = client_as("trainer")
    assert 'href="/admin/"' in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        trainer.groups.clear()
    assert 'href="/admin/"' not in client.get("/").content.decode()


def test_a_group_losing_the_admin_permission_removes_the_link(client_as, people, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Permission

    client = client_as("trainer")
    assert 'href="/admin/"' in client.get("/").content.decode()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    with django_capture_on_commit_callbacks(execute=True):
        for group in people["trainer"].groups.all():
            group.permissions.remove(access_admin)
    assert 'href="/admin/"' not in client.get("/").content.decode()


def test_a_change_rolled_back_leaves_the_cached_header_in_place(people, django_capture_on_commit_callbacks):
    from django.db import transaction

    from home.selectors import header_for

    officer = people["officer"]
    cached = header_for(officer)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                officer.groups.add(*type(officer).objects.get(username="trainer").groups.all())
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []  # nothing to run: the version only moves for a change that commits
    assert header_for(officer) == cached
