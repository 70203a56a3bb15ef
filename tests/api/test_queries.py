"""
Every list endpoint answers in a fixed number of queries, the same for 10 rows as for 1,000
(one page of 1,000): no query per row. Rows are made in bulk, not through the services.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Rank
from certificates.models import Certificate
from compliance.models import Assignment, AssignmentSource, ComplianceState
from courses.models import CourseCompletion, Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db

User = get_user_model()

#: Queries per list (with a units token): the token, its units, the rows; completions add
#: their module versions; assignments the site's compliance settings and the lapsed-exemption
#: check (the site comes from the cache, ``core.sites``); courses need no units.
EXPECTED = {
    "people": 3,
    "units": 3,
    "courses": 2,
    "enrolments": 3,
    "completions": 4,
    "assignments": 5,
    "certificates": 3,
}


def make_people(count: int, *, unit, course, requirement, start: int = 0) -> None:
    """``count`` people in ``unit``, each enrolled on and having completed ``course``, certified and assigned."""
    when = timezone.now() - datetime.timedelta(days=3)
    today = timezone.localdate()
    users = User.objects.bulk_create(
        User(username=f"bulk{start + n}", first_name="Bulk", last_name=f"{n}", unit=unit, rank=Rank.POLICE_CONSTABLE)
        for n in range(count)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=user,
            course=course,
            course_title=course.title,
            status=EnrolmentStatus.COMPLETED,
            enrolled_at=when,
            started_at=when,
            completed_at=when,
        )
        for user in users
    )
    completions = CourseCompletion.objects.bulk_create(
        CourseCompletion(
            enrolment=enrolment,
            user=enrolment.user,
            course=course,
            course_title=course.title,
            completed_at=when,
            valid_from=today,
            valid_until=today + datetime.timedelta(days=365),
        )
        for enrolment in enrolments
    )
    Certificate.objects.bulk_create(
        Certificate(
            completion=completion,
            user=completion.user,
            full_name="Bulk",
            course_title=course.title,
            completed_on=today,
            valid_until=completion.valid_until,
        )
        for completion in completions
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(
            requirement=requirement,
            user=user,
            course=course,
            source=AssignmentSource.UNIT,
            assigned_on=today,
            due_on=today + datetime.timedelta(days=30),
        )
        for user in users
    )
    ComplianceState.objects.bulk_create(
        ComplianceState(
            assignment=assignment,
            requirement=requirement,
            user=assignment.user,
            course=course,
            unit=unit,
            unit_path=unit.path,
            assigned_on=today,
            due_on=assignment.due_on,
            sort_due=assignment.due_on,
        )
        for assignment in assignments
    )


def count_queries(api, raw, endpoint, django_assert_num_queries, expected, rows_at_least, params=None):
    client = api(raw)
    # The first use records last_used_at, and the day's first assignments list re-picks lapsed
    # exemptions (compliance.services.refresh_lapsed): both measured apart.
    client.get(f"/api/v1/{endpoint}/")
    with django_assert_num_queries(expected):
        response = client.get(f"/api/v1/{endpoint}/", {"page_size": 1000, **(params or {})})
    assert response.status_code == 200
    assert len(response.json()["results"]) >= rows_at_least


@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_each_list_answers_in_the_same_queries_for_10_and_1000_rows(
    api, tokens, org, hate_crime, required, endpoint, django_assert_num_queries
):
    make_people(10, unit=org.team_a, course=hate_crime, requirement=required)
    count_queries(api, tokens["north"], endpoint, django_assert_num_queries, EXPECTED[endpoint], 1)
    make_people(990, unit=org.team_a_sub, course=hate_crime, requirement=required, start=10)
    rows = 1 if endpoint in ("units", "courses") else 1000
    count_queries(api, tokens["north"], endpoint, django_assert_num_queries, EXPECTED[endpoint], rows)


@pytest.mark.parametrize("endpoint", ["people", "units", "assignments"])
def test_updated_since_adds_no_query(api, tokens, org, hate_crime, required, endpoint, django_assert_num_queries):
    since = {"updated_since": (timezone.now() - datetime.timedelta(days=3)).isoformat()}
    make_people(10, unit=org.team_a, course=hate_crime, requirement=required)
    count_queries(api, tokens["north"], endpoint, django_assert_num_queries, EXPECTED[endpoint], 1, since)
    make_people(990, unit=org.team_a_sub, course=hate_crime, requirement=required, start=10)
    rows = 1 if endpoint == "units" else 1000
    count_queries(api, tokens["north"], endpoint, django_assert_num_queries, EXPECTED[endpoint], rows, since)
