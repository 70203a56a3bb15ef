"""
"This module has changed since you completed it" only when the editor says the change needs
re-reading, and only when the words officers read changed: not for a new review-by date, and
not for the markup the admin's rich-text editor adds (issue 12, point 11).
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses import services
from courses.models import ModulePage, ModuleProgress, ModuleVersion
from courses.reading import reading_digest
from courses.selectors import ModuleStatus, course_overview

pytestmark = pytest.mark.django_db

NOTICE = "This module has changed since you completed it"


def edit_form(module: ModulePage, *, text: str, review_by=None, needs_rereading: bool = False) -> dict:
    """The admin's module edit form as an editor sends it: the body through the rich-text editor."""
    data = nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "summary": module.summary,
            "estimated_minutes": module.estimated_minutes,
            "review_by": review_by.isoformat() if review_by else "",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "action-publish": "publish",
        }
    )
    if needs_rereading:
        data["needs_rereading"] = "on"
    return data


@pytest.fixture
def read_everything(people, course, modules):
    """The officer has completed the course: every module read in its first version."""
    services.enrol(user=people["officer"], course=course)
    for module in modules:
        services.complete_module(user=people["officer"], module=module)
    return {progress.module_id: progress.completed_version_id for progress in ModuleProgress.objects.all()}


def publish_in_admin(client_as, module, **form):
    response = client_as("administrator").post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]), edit_form(module, **form)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ModulePage.objects.get(pk=module.pk)


def statuses(course, officer) -> list[str]:
    return [row.status for row in course_overview(course=course, user=officer).modules]


def test_a_new_review_date_saved_through_the_editor_tells_nobody(client_as, people, course, modules, read_everything):
    module = modules[1]
    same_words = f"What officers read in {module.title}."
    review_by = timezone.localdate() + datetime.timedelta(days=365)

    saved = publish_in_admin(client_as, module, text=same_words, review_by=review_by)

    assert saved.review_by == review_by
    assert saved.live_revision_id != ModuleVersion.objects.get(pk=read_everything[module.pk]).source_revision_id
    assert "data-block-key" in saved.body.raw_data[0]["value"]  # the editor's markup is there...
    assert statuses(course, people["officer"]) == [ModuleStatus.COMPLETED] * 3  # ...and counts for nothing
    assert NOTICE not in client_as("officer").get(module.url).content.decode()


def test_the_same_words_resaved_are_not_a_change_even_when_marked(client_as, people, course, modules, read_everything):
    """Ticking "needs re-reading" with nothing changed in the words tells nobody either."""
    module = modules[0]
    publish_in_admin(client_as, module, text=f"What officers read in {module.title}.", needs_rereading=True)
    assert statuses(course, people["officer"]) == [ModuleStatus.COMPLETED] * 3


def test_a_real_change_marked_as_needing_rereading_tells_those_who_completed_it(
    client_as, people, course, modules, read_everything
):
    module = modules[1]
    publish_in_admin(client_as, module, text="New guidance after the Code of Practice.", needs_rereading=True)

    assert statuses(course, people["officer"]) == [
        ModuleStatus.COMPLETED,
        ModuleStatus.CHANGED,
        ModuleStatus.COMPLETED,
    ]
    page = client_as("officer").get(module.url).content.decode()
    assert NOTICE in page
    assert "Your record still shows the version you read" in page
    # The record keeps the version read.
    progress = ModuleProgress.objects.get(module=module)
    assert progress.completed_version_id == read_everything[module.pk]
    assert "New guidance" not in str(progress.completed_version.content)


def test_a_real_change_marked_minor_tells_nobody_and_new_readers_get_it(
    client_as, people, course, modules, read_everything
):
    module = modules[1]
    publish_in_admin(client_as, module, text="Guidance, with a typo corrected.")

    assert statuses(course, people["officer"]) == [ModuleStatus.COMPLETED] * 3
    assert NOTICE not in client_as("officer").get(module.url).content.decode()
    assert ModuleProgress.objects.get(module=module).completed_version_id == read_everything[module.pk]

    # Someone reading it now reads (and is pinned to) the corrected version.
    services.enrol(user=people["other_officer"], course=course)
    services.complete_module(user=people["other_officer"], module=ModulePage.objects.get(pk=module.pk))
    theirs = ModuleProgress.objects.get(module=module, user=people["other_officer"]).completed_version
    assert "typo corrected" in str(theirs.content)

    # A later change that needs re-reading tells both, each against the version they read.
    publish_in_admin(client_as, ModulePage.objects.get(pk=module.pk), text="Rewritten.", needs_rereading=True)
    for role in ("officer", "other_officer"):
        assert statuses(course, people[role])[1] == ModuleStatus.CHANGED


def test_readers_of_a_minor_revision_after_a_major_one_are_not_told(client_as, people, course, modules):
    module = modules[0]
    services.enrol(user=people["officer"], course=course)
    publish_in_admin(client_as, module, text="Rewritten.", needs_rereading=True)
    publish_in_admin(client_as, ModulePage.objects.get(pk=module.pk), text="Rewritten, with a link fixed.")
    services.complete_module(user=people["officer"], module=ModulePage.objects.get(pk=module.pk))
    publish_in_admin(client_as, ModulePage.objects.get(pk=module.pk), text="Rewritten, with a comma.")
    assert statuses(course, people["officer"])[0] == ModuleStatus.COMPLETED


def test_the_decision_starts_unticked_for_each_new_change(client_as, modules):
    module = modules[0]
    publish_in_admin(client_as, module, text="Rewritten.", needs_rereading=True)
    assert ModulePage.objects.get(pk=module.pk).needs_rereading  # recorded with the revision...
    form = client_as("administrator").get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    assert "This change needs officers to re-read the module" in form
    checkbox = form[form.index('name="needs_rereading"') - 200 : form.index('name="needs_rereading"') + 200]
    assert "checked" not in checkbox  # ...but the next change is a new decision


def test_a_draft_marked_as_needing_rereading_keeps_its_tick(client_as, modules):
    module = modules[0]
    data = edit_form(module, text="Draft rewrite.", needs_rereading=True)
    del data["action-publish"]
    client_as("administrator").post(reverse("wagtailadmin_pages:edit", args=[module.pk]), data)
    form = client_as("administrator").get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    checkbox = form[form.index('name="needs_rereading"') - 200 : form.index('name="needs_rereading"') + 200]
    assert "checked" in checkbox


@pytest.mark.parametrize(
    ("stored", "same"),
    [
        ('<p data-block-key="a1b2c">Treat every report seriously.</p>', True),
        ("<p>Treat   every report\n seriously. </p>", True),
        ('<p data-block-key="zz">Treat every report seriously.</p>\n\n', True),
        ("<p>Treat every report <b>seriously</b>.</p>", False),
        ("<p>Treat every report carefully.</p>", False),
    ],
)
def test_the_digest_counts_what_an_officer_reads(stored, same):
    def digest(html, **block):
        return reading_digest(title="T", summary="", body=[{"type": "paragraph", "value": html, **block}])

    original = digest("<p>Treat every report seriously.</p>", id="first-id")
    assert (digest(stored, id="another-id") == original) is same


def test_attribute_order_and_editor_attributes_never_count_but_links_do():
    def digest(html):
        return reading_digest(title="T", summary="", body=[{"type": "paragraph", "value": html}])

    link = '<p><a href="https://example.org/a" data-block-key="x">Guidance</a></p>'
    page_link = '<p><a linktype="page" id="7">Guidance</a></p>'
    assert digest(link) == digest(
        '<p data-block-key="q"><a data-block-key="y" href="https://example.org/a">Guidance</a></p>'
    )
    assert digest(page_link) == digest('<p><a id="7" linktype="page">Guidance</a></p>')
    assert digest(link) != digest('<p><a href="https://example.org/b">Guidance</a></p>')
    assert digest(page_link) != digest('<p><a linktype="page" id="8">Guidance</a></p>')
    # A revision keeps the body as JSON text: the same digest.
    assert reading_digest(title="T", summary="", body='[{"type": "paragraph", "value": "<p>x</p>"}]') == digest(
        "<p>x</p>"
    )
