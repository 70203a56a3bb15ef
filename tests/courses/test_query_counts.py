"""
Query counts for the officer pages, pinned. They must not grow with the number of modules
in a course, courses in the catalogue or officers enrolled; each is within the budget of
issue 10 (module page, course page and My learning ≤ 12, first completion of a module ≤ 15,
pressing "I have read and understood" again ≤ 8). The quiz page and the background save
are pinned in ``tests/quizzes/test_query_counts.py``.

What the counts are made of (SQLite and PostgreSQL alike; inside a test, a transaction
shows as SAVEPOINT and RELEASE): the rest of the URL in one query (the site and its home
page come from the cache, ``core.sites``), the session and the user, then the page's own
queries, and the header's unit and admin link in one more. Site settings come from the
cache, and so does the privacy check where no page on the branch is restricted
(``core.pages.restricted_paths``; one query more where one is).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from courses import services
from courses.models import Enrolment, EnrolmentStatus, ModulePage, ModuleProgress
from tests.courses.conftest import make_course

pytestmark = pytest.mark.django_db

# Pinned, with a quiz in every course; "My learning" also lists required training (two of
# its queries: the site's compliance settings and the assignments). If a change makes a
# page need more, look for a query per row first. The header's unit and admin link come from
# the cache once read (``home.selectors.header_for``): no query on a page after the first.
# The course page reads its latest recorded partner approval ("Reviewed with …"): one query.
COURSE_PAGE_QUERIES = 8
MODULE_PAGE_QUERIES = 6
#: My learning also lists the officer's certificates (the ``my_learning_sections`` hook): one query.
MY_LEARNING_QUERIES = 9
#: The first officer to complete this revision of the module also archives it (three of these).
#: Issue 15: one more, the xAPI statement ("completed"), inserted in the same transaction.
FIRST_COMPLETION_QUERIES = 13
REPEAT_COMPLETION_QUERIES = 5
#: Completing the last module completes the course: the first completion's work, then the
#: course's criteria (the children loaded once, for both), the completion, the module
#: versions it rests on, the enrolment, and the compliance state (lock the person, one UPDATE).
#: Over issue 10's 15 for a module's first completion: the course's completion is its own
#: five writes and the evidence it rests on, on top of the module's. The certificate
#: (``certificates.signals``) is two more: the facts it copies in one read, then its row.
#: Issue 15: three more, the xAPI statements (module completed, course completed, certificate
#: earned), one insert each in the same transaction; and one read by ``lti.signals``: the
#: grade targets of the platforms that launched this person into this course (none here).
LAST_MODULE_COMPLETION_QUERIES = 27

WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "BEGIN", "COMMIT")


def enrol_crowd(course, count: int):
    """``count`` other officers enrolled, each part-way through the course."""
    officers = UserFactory.create_batch(count)
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=o, course=course, course_title=course.title, enrolled_at=now, status=EnrolmentStatus.IN_PROGRESS
        )
        for o in officers
    )
    first = ModulePage.objects.child_of(course).first()
    ModuleProgress.objects.bulk_create(
        ModuleProgress(enrolment=e, user_id=e.user_id, module=first, module_title=first.title, started_at=now)
        for e in enrolments
    )


def captured(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    return response, [query["sql"] for query in queries]


def count_queries(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, site root paths, settings) and record "started"
    response, queries = captured(client, "get", url)
    assert response.status_code == 200
    return len(queries)


def officer_part_way(people, course):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    services.complete_module(user=officer, module=modules[0])
    services.start_module(user=officer, module=modules[1])
    return modules


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_course_page_queries_do_not_grow(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    officer_part_way(people, course)
    enrol_crowd(course, crowd)
    assert count_queries(client_as("officer"), course.url) == COURSE_PAGE_QUERIES


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_module_page_queries_do_not_grow(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    modules = officer_part_way(people, course)
    enrol_crowd(course, crowd)
    assert count_queries(client_as("officer"), modules[1].url) == MODULE_PAGE_QUERIES


@pytest.mark.parametrize(("course_count", "module_count", "crowd"), [(1, 3, 1), (10, 3, 1), (3, 30, 1), (3, 3, 200)])
def test_my_learning_queries_do_not_grow(client_as, people, catalogue, course_count, module_count, crowd):
    courses = [
        make_course(catalogue, modules=module_count, title=f"Course {n}", quiz=True) for n in range(course_count)
    ]
    officer_part_way(people, courses[0])
    for course in courses[1::2]:
        services.enrol(user=people["officer"], course=course)
    enrol_crowd(courses[0], crowd)
    assert count_queries(client_as("officer"), "/") == MY_LEARNING_QUERIES


def test_reading_a_module_again_writes_nothing_and_opens_no_transaction(client_as, people, catalogue):
    course = make_course(catalogue, modules=3, quiz=True)
    services.enrol(user=people["officer"], course=course)
    module = ModulePage.objects.child_of(course).order_by("path")[1]
    client = client_as("officer")

    response, first = captured(client, "get", module.url)
    assert response.status_code == 200
    # The first opening records "started", in a transaction that locks the enrolment.
    assert any(sql.startswith("INSERT") and "courses_moduleprogress" in sql for sql in first)
    assert any(sql.startswith("SAVEPOINT") for sql in first)

    response, again = captured(client, "get", module.url)
    assert response.status_code == 200
    assert [sql for sql in again if sql.lstrip().upper().startswith(WRITES)] == []
    assert not any("FOR UPDATE" in sql for sql in again)
    assert ModuleProgress.objects.filter(user=people["officer"], module=module).count() == 1


def test_reading_a_module_of_a_completed_course_writes_nothing(client_as, people, catalogue):
    course = make_course(catalogue, modules=2)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    services.enrol(user=people["officer"], course=course)
    for module in modules:
        services.complete_module(user=people["officer"], module=module)
    response, queries = captured(client_as("officer"), "get", modules[0].url)
    assert response.status_code == 200
    assert [sql for sql in queries if sql.lstrip().upper().startswith(WRITES)] == []


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_first_completion_of_a_module_queries_do_not_grow(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    modules = officer_part_way(people, course)
    enrol_crowd(course, crowd)
    client = client_as("officer")
    client.get(modules[1].url)  # warm the caches, as an officer reads before pressing the button

    response, queries = captured(
        client, "post", modules[1].url + "complete/", {"revision": modules[1].live_revision_id}
    )

    assert response.status_code == 302 and response.url == modules[2].url
    assert len(queries) == FIRST_COMPLETION_QUERIES
    progress = ModuleProgress.objects.get(user=people["officer"], module=modules[1])
    assert progress.completed_at is not None and progress.completed_version.source_revision_id == (
        modules[1].live_revision_id
    )


@pytest.mark.parametrize(("module_count", "crowd"), [(3, 1), (30, 1), (3, 200)])
def test_repeat_completion_of_a_module_reads_only(client_as, people, catalogue, module_count, crowd):
    course = make_course(catalogue, modules=module_count, quiz=True)
    modules = officer_part_way(people, course)
    enrol_crowd(course, crowd)
    client = client_as("officer")
    complete = modules[1].url + "complete/"
    client.post(complete, {"revision": modules[1].live_revision_id})
    completed_at = ModuleProgress.objects.get(user=people["officer"], module=modules[1]).completed_at

    response, queries = captured(client, "post", complete, {"revision": modules[1].live_revision_id})

    assert response.status_code == 302 and response.url == modules[2].url
    assert len(queries) == REPEAT_COMPLETION_QUERIES
    assert [sql for sql in queries if sql.lstrip().upper().startswith(WRITES)] == []
    assert ModuleProgress.objects.get(user=people["officer"], module=modules[1]).completed_at == completed_at


@pytest.mark.parametrize(
    ("module_count", "crowd", "required"), [(3, 1, True), (30, 1, True), (3, 200, True), (3, 1, False)]
)
def test_completing_the_last_module_completes_the_course_in_a_pinned_number_of_queries(
    client_as, people, org, catalogue, module_count, crowd, required
):
    from compliance.factories import RequirementFactory, unit_target
    from compliance.models import ComplianceState
    from courses.models import CourseCompletion

    course = make_course(catalogue, modules=module_count)
    if required:
        RequirementFactory(course=course, targets=[unit_target(org.force)])
    modules = officer_part_way(people, course)
    for module in modules[1:-1]:
        services.complete_module(user=people["officer"], module=module)
    enrol_crowd(course, crowd)
    client = client_as("officer")
    client.get(modules[-1].url)

    response, queries = captured(
        client, "post", modules[-1].url + "complete/", {"revision": modules[-1].live_revision_id}
    )

    assert response.status_code == 302
    assert len(queries) == LAST_MODULE_COMPLETION_QUERIES
    completion = CourseCompletion.objects.get(user=people["officer"], course=course)
    assert completion.module_versions.count() == module_count
    if required:
        state = ComplianceState.objects.get(user=people["officer"], course=course)
        assert (state.completion_id, state.valid_until, state.started) == (
            completion.pk,
            completion.valid_until,
            False,
        )
