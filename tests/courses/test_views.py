"""Officer-facing course views, from each role's point of view."""

import pytest

from courses import services
from courses.models import CourseCompletion, Enrolment, ModuleProgress

pytestmark = pytest.mark.django_db

SIGNED_IN = ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]


def sign_in_redirect(response, path):
    return response.status_code == 302 and response.url.startswith("/account/sign-in/?next=")


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
@pytest.mark.parametrize("page", ["catalogue", "course", "module", "search"])
def test_course_pages_are_for_signed_in_people_only(client_as, role, page, catalogue, course, modules):
    url = {"catalogue": catalogue.url, "course": course.url, "module": modules[0].url, "search": "/search/?q=x"}[page]
    response = client_as(role).get(url)
    if role == "anonymous":
        assert sign_in_redirect(response, url)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
def test_enrolling_enrols_only_the_person_signed_in(client_as, people, role, course, modules):
    response = client_as(role).post(course.url + "enrol/")
    if role == "anonymous":
        assert sign_in_redirect(response, course.url)
        assert not Enrolment.objects.exists()
        return
    assert response.status_code == 302
    assert response.url == modules[0].url
    assert list(Enrolment.objects.values_list("user__username", flat=True)) == [people[role].username]


def test_enrolling_needs_a_post(client_as, course):
    assert client_as("officer").get(course.url + "enrol/").status_code == 405
    assert not Enrolment.objects.exists()


def test_enrolling_from_a_module_returns_to_it_but_never_to_another_site(client_as, course, modules):
    client = client_as("officer")
    assert client.post(course.url + "enrol/", {"next": modules[1].url}).url == modules[1].url
    assert client.post(course.url + "enrol/", {"next": "https://evil.example/"}).url == modules[0].url


def test_a_module_shown_to_someone_not_enrolled_offers_enrolment_and_records_nothing(client_as, modules):
    response = client_as("officer").get(modules[0].url)
    content = response.content.decode()
    assert "Enrol on this course" in content
    assert "I have read and understood this module" not in content
    assert "What officers read in Module 1" in content
    assert not ModuleProgress.objects.exists()


def test_opening_a_module_marks_it_started_and_offers_the_completion_button(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    content = client_as("officer").get(modules[0].url).content.decode()
    assert "I have read and understood this module" in content
    assert f'name="revision" value="{modules[0].live_revision_id}"' in content
    assert ModuleProgress.objects.get().started_at is not None


@pytest.mark.parametrize("role", ["anonymous", *SIGNED_IN])
def test_marking_a_module_complete_needs_an_enrolment_of_ones_own(client_as, people, role, course, modules):
    services.enrol(user=people["officer"], course=course)
    response = client_as(role).post(modules[0].url + "complete/", {"revision": modules[0].live_revision_id})
    completed = ModuleProgress.objects.filter(completed_at__isnull=False)
    if role == "anonymous":
        assert sign_in_redirect(response, modules[0].url)
        assert not completed.exists()
    elif role == "officer":
        assert response.url == modules[1].url
        assert completed.get().user == people["officer"]
    else:
        assert response.url == modules[0].url  # back, with "Enrol on the course first"
        assert not completed.exists()


def test_completing_goes_to_the_next_module_and_the_last_one_completes_the_course(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    client = client_as("officer")
    assert client.post(modules[0].url + "complete/").url == modules[1].url
    assert client.post(modules[1].url + "complete/").url == modules[2].url
    response = client.post(modules[2].url + "complete/", follow=True)
    assert response.redirect_chain[-1][0] == course.url
    content = response.content.decode()
    assert "You have completed “Hate crime awareness”" in content
    assert "Course completed" in content
    assert CourseCompletion.objects.filter(user=people["officer"]).count() == 1


def test_a_double_click_on_complete_gives_one_record(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    client = client_as("officer")
    for module in modules:
        client.post(module.url + "complete/")
    client.post(modules[-1].url + "complete/")
    assert CourseCompletion.objects.count() == 1
    assert ModuleProgress.objects.filter(completed_at__isnull=False).count() == 3


@pytest.mark.parametrize("revision", ["", "not-a-number", "99999999", "-1"])
def test_a_tampered_revision_is_ignored_and_the_live_one_recorded(client_as, people, course, modules, revision):
    services.enrol(user=people["officer"], course=course)
    response = client_as("officer").post(modules[0].url + "complete/", {"revision": revision})
    assert response.status_code == 302
    assert ModuleProgress.objects.get().completed_version.source_revision_id == modules[0].live_revision_id


def test_completing_needs_a_post(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    assert client_as("officer").get(modules[0].url + "complete/").status_code == 405
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_course_page_lists_modules_with_status_time_left_and_continue(client_as, people, course, modules):
    services.enrol(user=people["officer"], course=course)
    services.complete_module(user=people["officer"], module=modules[0])
    services.start_module(user=people["officer"], module=modules[1])
    content = client_as("officer").get(course.url).content.decode()
    assert "1 of 3 modules completed, about 10 minutes left" in content
    assert content.count('<li class="govuk-task-list__item') == 3
    assert '<strong class="govuk-tag govuk-tag--light-blue">In progress</strong>' in content
    assert '<strong class="govuk-tag govuk-tag--blue">Not started</strong>' in content
    assert f'href="{modules[1].url}" role="button"' in content  # Continue goes to the next one to do


def test_course_page_tells_the_officer_a_module_changed_since_they_completed_it(client_as, people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    for module in modules:
        services.complete_module(user=officer, module=module)
    modules[0].title = "Module 1, updated"
    modules[0].needs_rereading = True
    modules[0].save_revision().publish()

    course_page = client_as("officer").get(course.url).content.decode()
    assert "Changed since you completed it" in course_page
    assert "Your record still shows the version you read" in course_page
    module_page = client_as("officer").get(modules[0].url).content.decode()
    assert "This module has changed since you completed it" in module_page


def test_course_page_credits_the_partner(client_as, course):
    # "Reviewed with …" comes from a recorded partner approval: tests/reviews/test_course_page.py.
    course.developed_with = "the Example Community Partnership"
    course.save_revision().publish()
    content = client_as("officer").get(course.url).content.decode()
    assert "Developed with the Example Community Partnership." in content
    assert "Reviewed with" not in content


def test_my_learning_shows_in_progress_completed_and_courses_to_start(client_as, people, catalogue, course, modules):
    from tests.courses.conftest import make_course

    finished = make_course(catalogue, modules=1, title="Online hate crime")
    untouched = make_course(catalogue, modules=2, title="Victim care")
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    services.complete_module(user=officer, module=modules[0])
    services.enrol(user=officer, course=finished)
    services.complete_module(user=officer, module=finished.get_children().first().specific)

    content = client_as("officer").get("/").content.decode()
    in_progress = content.index("In progress")
    completed = content.index("Completed</h2>")
    to_start = content.index("Courses you can start")
    assert in_progress < content.index("Hate crime awareness") < completed
    assert completed < content.index("Online hate crime") < to_start
    assert to_start < content.index(untouched.title)
    assert '<progress class="app-progress" max="100" value="33"' in content
    assert "Completed on" in content


def test_officers_enrol_from_the_catalogue_straight_into_the_first_module(
    client_as, people, catalogue, course, modules
):
    client = client_as("officer")
    catalogue_page = client.get(catalogue.url).content.decode()
    enrol_url = course.url + "enrol/"
    assert f'action="{enrol_url}"' in catalogue_page
    assert 'Enrol and start<span class="govuk-visually-hidden">: Hate crime awareness</span>' in catalogue_page
    response = client.post(enrol_url)
    assert response.status_code == 302 and response.url == modules[0].url
    assert Enrolment.objects.filter(user=people["officer"], course=course).count() == 1
    # Enrolled: the course moves to "In progress", and its enrol button goes.
    assert f'action="{enrol_url}"' not in client.get(catalogue.url).content.decode()


def test_search_finds_published_modules_and_courses(client_as, course, modules):
    from courses.factories import ModulePageFactory

    ModulePageFactory(parent=course, title="Shabbat draft", live=False, publish=False)
    modules[1].title = "Shabbat and festivals"
    modules[1].save_revision().publish()
    content = client_as("officer").get("/search/", {"q": "Shabbat"}).content.decode()
    assert "Shabbat and festivals" in content
    assert "Shabbat draft" not in content


def test_search_hides_courses_behind_a_privacy_restriction_the_officer_does_not_pass(client_as, people, course):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Trainer")])

    assert "Hate crime awareness" not in client_as("officer").get("/search/", {"q": "Hate crime"}).content.decode()
    assert "Hate crime awareness" in client_as("trainer").get("/search/", {"q": "Hate crime"}).content.decode()
    assert "Hate crime awareness" not in client_as("officer").get("/").content.decode()


def test_an_overlong_search_is_cut_short_not_refused(client_as, course):
    response = client_as("officer").get("/search/", {"q": "x" * 5000})
    assert response.status_code == 200


# The site root resolves the whole URL in one query; Wagtail's routing rules still hold.


def test_a_course_route_wins_over_a_module_with_the_same_slug(client_as, course):
    from courses.factories import ModulePageFactory

    ModulePageFactory(parent=course, title="Enrol", slug="enrol")
    client = client_as("officer")
    assert client.get(course.url + "enrol/").status_code == 405  # the course's "enrol" route, POST only
    assert client.post(course.url + "enrol/").status_code == 302


def test_unknown_draft_and_too_deep_addresses_are_not_found(client_as, course, modules):
    from courses.factories import ModulePageFactory

    draft = ModulePageFactory(parent=course, title="Draft", slug="draft", live=False, publish=False)
    client = client_as("officer")
    assert client.get(course.url + "no-such-module/").status_code == 404
    assert client.get(course.url + f"{draft.slug}/").status_code == 404
    assert client.get(modules[0].url + "no-such-route/").status_code == 404
    assert client.get(modules[0].url).status_code == 200


def test_a_privacy_restriction_on_a_course_protects_its_modules(client_as, people, course, modules):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Trainer")])
    assert client_as("officer").get(modules[0].url).status_code == 302  # to sign in as someone allowed
    assert client_as("trainer").get(modules[0].url).status_code == 200
