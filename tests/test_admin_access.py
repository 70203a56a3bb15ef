"""
Every admin view of the platform's own models, for every role: who may open it, and that
everyone else is turned away (sent to sign in, told they lack permission, or not found).
Views of records about a person are also checked by id in tests/quizzes/test_scoped_record_views.py.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import UnitMembership
from accounts.tokens import issue_token
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from compliance.periods import change_validity_rule
from compliance.prior import record_prior_certification
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from courses.periods import ValidityRule
from quizzes.factories import QuestionCategoryFactory, QuestionFactory
from scorm import samples
from scorm.factories import package_from
from tests.conftest import ROLE_NAMES

NOBODY: set[str] = set()
ADMIN = {"administrator"}
MANAGERS = {"manager_of_other_unit", "manager_of_unit", "administrator"}
TRAINERS = {"trainer", "administrator"}
# Exemptions are about Team A's officer: only their manager and administrators may open one.
THEIR_MANAGER = {"manager_of_unit", "administrator"}

# (viewset or URL namespace, view, who may open it). The object views use Team A, its
# officer's unit history, the officer, a requirement and exemption about them, a question
# and its category.
ACCESS = [
    ("units", "index", MANAGERS),
    ("units", "inspect", MANAGERS),
    ("units", "add", ADMIN),
    ("units", "edit", ADMIN),
    ("units", "delete", ADMIN),
    ("units", "history", ADMIN),
    ("units", "usage", ADMIN),
    # Unit history is evidence of who served where: read-only, even for administrators.
    ("unit_history", "index", ADMIN),
    ("unit_history", "inspect", ADMIN),
    ("unit_history", "add", NOBODY),
    ("unit_history", "edit", NOBODY),
    ("unit_history", "delete", NOBODY),
    ("wagtailusers_users", "index", ADMIN),
    ("wagtailusers_users", "add", ADMIN),
    ("wagtailusers_users", "edit", ADMIN),
    ("wagtailusers_users", "delete", ADMIN),
    ("wagtailusers_users", "history", ADMIN),
    ("requirements", "index", MANAGERS),
    ("requirements", "inspect", MANAGERS),
    ("requirements", "add", ADMIN),
    ("requirements", "edit", ADMIN),
    ("requirements", "history", ADMIN),
    # Requirements are withdrawn (made inactive), never deleted: assignments rest on them.
    ("requirements", "delete", NOBODY),
    ("exemptions", "index", MANAGERS),
    ("exemptions", "add", MANAGERS),
    ("exemptions", "inspect", THEIR_MANAGER),
    ("exemptions", "history", THEIR_MANAGER),
    # An exemption is never edited (a new one supersedes it); administrators may withdraw one.
    ("exemptions", "edit", NOBODY),
    ("exemptions", "delete", ADMIN),
    ("wagtailsnippets_quizzes_question", "list", TRAINERS),
    ("wagtailsnippets_quizzes_question", "add", TRAINERS),
    ("wagtailsnippets_quizzes_question", "inspect", TRAINERS),
    ("wagtailsnippets_quizzes_question", "edit", TRAINERS),
    ("wagtailsnippets_quizzes_question", "history", TRAINERS),
    ("wagtailsnippets_quizzes_question", "usage", TRAINERS),
    # Deleting a question is for administrators (attempts keep their frozen copies either way).
    ("wagtailsnippets_quizzes_question", "delete", ADMIN),
    ("wagtailsnippets_quizzes_questioncategory", "list", TRAINERS),
    ("wagtailsnippets_quizzes_questioncategory", "add", TRAINERS),
    ("wagtailsnippets_quizzes_questioncategory", "edit", TRAINERS),
    ("wagtailsnippets_quizzes_questioncategory", "delete", ADMIN),
    ("courses_reports", "content_review", TRAINERS),
    # Prior certifications: recorded by administrators, never edited or deleted (issue 13).
    ("prior_certifications", "index", ADMIN),
    ("prior_certifications", "add", ADMIN),
    ("prior_certifications", "inspect", ADMIN),
    ("prior_certifications", "edit", NOBODY),
    ("prior_certifications", "delete", NOBODY),
    # Validity rule changes: written by the change action, read by trainers and administrators.
    ("validity_rule_changes", "index", TRAINERS),
    ("validity_rule_changes", "inspect", TRAINERS),
    ("validity_rule_changes", "add", NOBODY),
    ("validity_rule_changes", "edit", NOBODY),
    ("validity_rule_changes", "delete", NOBODY),
    # The action itself: whoever may edit the course.
    ("compliance_reports", "validity_rule", TRAINERS),
    # API tokens (issue 14): made, renamed and revoked by administrators, never deleted.
    ("api_tokens", "index", ADMIN),
    ("api_tokens", "add", ADMIN),
    ("api_tokens", "inspect", ADMIN),
    ("api_tokens", "edit", ADMIN),
    ("api_tokens", "delete", NOBODY),
    # SCORM packages (issue 15): trainers upload them and new versions; administrators delete.
    ("scorm_packages", "index", TRAINERS),
    ("scorm_packages", "add", TRAINERS),
    ("scorm_packages", "inspect", TRAINERS),
    ("scorm_packages", "edit", TRAINERS),
    ("scorm_packages", "delete", ADMIN),
]


@pytest.fixture
def objects(people, org):
    course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime")
    requirement = RequirementFactory(course=course, targets=[unit_target(org.team_a)])
    category = QuestionCategoryFactory(name="Testing")
    question = QuestionFactory(title="Single", category=category)
    return {
        "units": org.team_a.pk,
        "unit_history": UnitMembership.objects.filter(user=people["officer"]).first().pk,
        "wagtailusers_users": people["officer"].pk,
        "requirements": requirement.pk,
        "exemptions": ExemptionFactory(
            user=people["officer"], requirement=requirement, granted_by=people["administrator"]
        ).pk,
        "wagtailsnippets_quizzes_question": question.pk,
        "wagtailsnippets_quizzes_questioncategory": category.pk,
        "prior_certifications": record_prior_certification(
            person=people["officer"],
            course=course,
            completed_on=timezone.localdate(),
            kind="imported",
            recorded_by=people["administrator"],
        ).pk,
        "validity_rule_changes": change_validity_rule(
            course=course, rule=ValidityRule(months=6), choice="new_only", changed_by=people["administrator"]
        ).pk,
        "compliance_reports": course.pk,
        "api_tokens": issue_token(
            name="HR feed", scopes=["read"], units=[org.team_a], created_by=people["administrator"]
        ).token.pk,
        "scorm_packages": package_from(samples.scorm12()).pk,
    }


@pytest.mark.parametrize(("namespace", "view", "allowed"), ACCESS, ids=[f"{ns}:{view}" for ns, view, _ in ACCESS])
def test_each_admin_view_opens_for_exactly_the_roles_allowed(client_as, objects, namespace, view, allowed):
    takes_pk = view not in {"index", "list", "add", "content_review"}
    url = reverse(f"{namespace}:{view}", args=[objects[namespace]] if takes_pk else [])
    statuses = {role: client_as(role).get(url).status_code for role in ROLE_NAMES}
    opened = {role for role, status in statuses.items() if status == 200}
    assert opened == allowed, statuses
    assert {status for role, status in statuses.items() if role not in allowed} <= {302, 403, 404}, statuses
    assert statuses["anonymous"] == 302


def test_each_admin_search_finds_what_an_administrator_types(client_as, people, org, objects):
    """Searching by the identifiers people actually type: a warrant number, a unit code, a name."""
    from quizzes.models import Adjustment

    Adjustment.objects.create(
        user=people["officer"], extra_attempts=1, reason="Dyslexia", granted_by=people["trainer"]
    )
    client = client_as("administrator")
    warrant = people["officer"].warrant_number
    searches = [
        ("units:index", org.team_a.code, "Team A"),
        ("requirements:index", "Hate crime", "Hate crime"),  # by the course it requires
        ("exemptions:index", warrant, "Morgan"),
        ("adjustments:index", warrant, "Morgan"),
        ("unit_history:index", "officer", "Morgan"),
        ("wagtailusers_users:index", "Morgan", "Morgan"),
        ("wagtailsnippets_quizzes_question:list", "Sing", "Single"),
    ]
    for url_name, query, expected in searches:
        response = client.get(reverse(url_name), {"q": query})
        assert response.status_code == 200, url_name
        assert expected in response.content.decode(), (url_name, query)
        assert list(response.context["object_list"]), (url_name, query)  # found, not merely on the page
        nothing = client.get(reverse(url_name), {"q": "zzzz-no-such-thing"})
        assert nothing.status_code == 200
        assert len(list(nothing.context["object_list"])) == 0, url_name
