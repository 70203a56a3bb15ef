"""
A partner reviewer reaches, in the admin, only their dashboard, their account and the review
views of the page sent to their organisation; on every page, nothing about officers.

Every route the resolver knows (tests/resolver_walk.py) is requested by a partner reviewer
whose organisation has the world's course in review, with the world's officers' records
filled in: no answer is a server error, every admin answer but the allowed ones is a refusal
(a redirect to the dashboard or a 403), and no answer contains an officer's name, warrant
number, answer or reasons.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import resolve, reverse

from reviews.factories import course_review_workflow
from reviews.middleware import OPEN_VIEWS, REVIEW_VIEWS
from reviews.models import PartnerOrganisation
from tests.resolver_walk import all_routes, build_world, fill, render_without_test_instrumentation
from tests.test_access_matrix import body_of, exports_offered, secrets_of, spellings

pytestmark = pytest.mark.django_db

#: Allowed, and answering: what a partner reviewer can actually use.
EXPECTED_OPEN = {
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:workflow_preview",
    "reviews_pages:revisions_compare",
    "reviews_pages:revisions_view",
}


@pytest.fixture(autouse=True)
def plain_rendering(monkeypatch):
    render_without_test_instrumentation(monkeypatch)


def test_a_partner_reviewer_reaches_only_their_review_and_sees_nothing_about_officers(
    people, org, cst, partner, submit
):
    world = build_world(people, org)
    course_review_workflow(cst, world.course)
    state = submit(world.course)
    world.ids["task_id"] = state.current_task_state.task_id
    world.ids["task_state_id"] = state.current_task_state.pk
    world.ids["workflow_state_id"] = state.pk
    world.ids["action_name"] = "approve"

    client = Client()
    client.raise_request_exception = False
    client.force_login(partner)
    admin_prefix = reverse("wagtailadmin_home")
    answered, leaks, requests = {}, [], 0
    for route in all_routes():
        if route.name in {"wagtailadmin_logout", "wagtailadmin_error_test"}:
            continue
        url = fill(route, world.ids_for(route, "officer"))
        variants = [url, url + "?export=csv"] if exports_offered(route) else [url]
        for variant in variants:
            response = client.get(variant)
            requests += 1
            assert response.status_code < 500, (variant, response.status_code)
            content = body_of(response)
            for owner in ("officer", "other_officer"):
                for kind, secret in secrets_of(people, owner).items():
                    if secret and any(spelling in content for spelling in spellings(secret)):
                        leaks.append(f"{variant}: {owner}'s {kind}")
            if variant.startswith(admin_prefix):
                refused = response.status_code == 403 or (
                    response.status_code == 302 and response["Location"].startswith(admin_prefix)
                )
                if not refused:
                    # By the view that answers the address (Wagtail's revision URLs answer through reviews.views).
                    answered[resolve(variant.split("?")[0]).view_name] = response.status_code
    print(f"\npartner fence: {requests} requests")
    assert not leaks, leaks[:10]
    assert set(answered) <= OPEN_VIEWS | REVIEW_VIEWS, sorted(set(answered) - OPEN_VIEWS - REVIEW_VIEWS)
    assert set(answered) >= EXPECTED_OPEN, sorted(EXPECTED_OPEN - set(answered))


def test_a_partner_reviewer_cannot_grant_themselves_anything(client, partner, cst, other_organisation):
    client.force_login(partner)
    attempts = [
        (reverse("wagtailusers_users:edit", args=[partner.pk]), {"groups": [g.pk for g in Group.objects.all()]}),
        (reverse("wagtailusers_groups:add"), {"name": "Partners plus"}),
        (reverse("partner_organisations:edit", args=[other_organisation.pk]), {"name": "Taken over"}),
        (reverse("partner_organisations:add"), {"name": "A new partner"}),
        (reverse("wagtailadmin_account"), {"groups": [g.pk for g in Group.objects.all()], "is_superuser": "on"}),
    ]
    before = set(partner.groups.values_list("name", flat=True))
    for url, data in attempts:
        response = client.post(url, data)
        assert response.status_code in (200, 302, 403), url
    partner.refresh_from_db()
    assert set(partner.groups.values_list("name", flat=True)) == before == {"Partner reviewers"}
    assert not partner.is_superuser and not partner.is_staff
    assert not Group.objects.filter(name="Partners plus").exists()
    assert set(PartnerOrganisation.objects.values_list("name", flat=True)) == {cst.name, other_organisation.name}
    assert not partner.user_permissions.exists()


def test_the_partners_admin_menu_offers_nothing_but_the_dashboard(client, partner, people):
    import re

    def menu_labels(user):
        client.force_login(user)
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        return set(re.findall(r"&quot;label&quot;: &quot;([^&]+)&quot;|\"label\": \"([^\"]+)\"", content))

    administrator = {label for pair in menu_labels(people["administrator"]) for label in pair if label}
    assert {"Reports", "Settings"} <= administrator  # the pattern finds menu items
    partner_labels = {label for pair in menu_labels(partner) for label in pair if label}
    assert not partner_labels & {"Pages", "Reports", "Compliance", "Partner review", "Settings", "Snippets", "Users"}


@pytest.mark.parametrize(
    ("role", "approvals", "organisations"),
    [
        ("anonymous", False, False),
        ("officer", False, False),
        ("other_officer", False, False),
        ("trainer", True, False),
        ("manager_of_other_unit", False, False),
        ("manager_of_unit", False, False),
        ("administrator", True, True),
    ],
)
def test_who_sees_the_partner_approvals_and_organisations(client_as, role, approvals, organisations):
    client = client_as(role)
    assert (client.get(reverse("partner_approvals:index")).status_code == 200) is approvals
    assert (client.get(reverse("partner_organisations:index")).status_code == 200) is organisations


def test_the_approvals_listing_shows_which_version_was_approved(client_as, partner, approver, in_review):
    task_state = in_review.current_task_state
    task_state.task.specific.on_action(task_state, partner, "approve", comment="Fine.")
    revision = task_state.revision
    content = client_as("trainer").get(reverse("partner_approvals:index")).content.decode()
    assert "A guide to Judaism, revised" in content
    assert reverse("wagtailadmin_pages:revisions_view", args=[revision.object_id, revision.pk]) in content
    assert "No, changed since" in content  # approved, not yet published


def test_an_administrator_adds_an_organisation_with_a_reviewer_and_only_partner_accounts_qualify(
    client_as, people, partner
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    partner.partner_reviewer.delete()  # free to join another organisation
    client = client_as("administrator")
    url = reverse("partner_organisations:add")

    refused = client.post(
        url, nested_form_data({"name": "Tell MAMA", "reviewers": inline_formset([{"user": people["officer"].pk}])})
    )
    assert refused.status_code == 200
    assert not PartnerOrganisation.objects.filter(name="Tell MAMA").exists()

    client.post(url, nested_form_data({"name": "Tell MAMA", "reviewers": inline_formset([{"user": partner.pk}])}))
    organisation = PartnerOrganisation.objects.get(name="Tell MAMA")
    assert list(organisation.reviewers.values_list("user__username", flat=True)) == ["partner"]
