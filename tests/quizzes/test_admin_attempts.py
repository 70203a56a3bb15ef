"""Officers' attempts in the Wagtail admin: scoped listing, inspecting, exporting, filtering."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils.html import escape

from accounts.factories import UserFactory
from quizzes import services
from quizzes.models import Attempt
from tests.quizzes.conftest import form_data

pytestmark = pytest.mark.django_db

QUESTIONS = "wagtailsnippets_quizzes_question"


@pytest.fixture
def attempts(people, quiz):
    made = {}
    for role in ("officer", "other_officer"):
        attempt = services.start_attempt(user=people[role], quiz=quiz)
        services.submit_attempt(
            user=people[role], quiz=quiz, number=1, data=form_data(attempt, right=role == "officer")
        )
        made[role] = Attempt.objects.get(pk=attempt.pk)
    return made


@pytest.mark.parametrize(
    ("role", "status", "sees"),
    [
        ("anonymous", 302, set()),
        ("officer", 302, set()),
        ("other_officer", 302, set()),
        ("trainer", 302, set()),
        ("manager_of_other_unit", 200, {"other_officer"}),
        ("manager_of_unit", 200, {"officer"}),
        ("administrator", 200, {"officer", "other_officer"}),
    ],
)
def test_attempts_are_listed_and_inspected_only_within_the_viewers_scope(
    client_as, people, attempts, role, status, sees
):
    client = client_as(role)
    response = client.get(reverse("attempts:index"))
    assert response.status_code == status
    for owner, attempt in attempts.items():
        inspect = client.get(reverse("attempts:inspect", args=[attempt.pk]))
        if owner in sees:
            assert escape(people[owner].display_name) in response.content.decode()
            assert inspect.status_code == 200
            assert "Every question as the officer saw it" in inspect.content.decode()
        else:
            assert inspect.status_code in (302, 404)
            if response.status_code == 200:
                assert escape(people[owner].display_name) not in response.content.decode()


def test_attempts_cannot_be_edited_or_deleted_even_by_an_administrator(client_as, attempts):
    client = client_as("administrator")
    attempt = attempts["officer"]
    assert client.get(reverse("attempts:edit", args=[attempt.pk])).status_code == 302
    assert client.post(reverse("attempts:delete", args=[attempt.pk])).status_code == 302
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_attempts_export_as_csv_and_xlsx(client_as, people, attempts):
    client = client_as("manager_of_unit")
    response = client.get(reverse("attempts:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[0] == [
        "Warrant number",
        "Officer",
        "Unit",
        "Course",
        "Quiz",
        "Attempt",
        "Status",
        "Started",
        "Finished",
        "How it ended",
        "Marks",
        "Out of",
        "Score (%)",
        "Passed",
    ]
    assert len(rows) == 2
    assert rows[1][:7] == [
        people["officer"].warrant_number,
        people["officer"].display_name,
        "Team A",
        "Faith awareness",
        "Assessment",
        "1",
        "finished",
    ]
    assert rows[1][9:] == ["submitted", "8.00", "8.00", "100.00", "Yes"]

    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(reverse("attempts:index"), {"export": "xlsx"}).streaming_content))
    )
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert sheet_rows[0][0] == "Warrant number" and len(sheet_rows) == 2
    assert sheet_rows[1][12] == 100
    assert sheet_rows[1][13] == "Yes"


def test_the_attempt_list_query_count_does_not_grow_with_attempts(
    client_as, people, quiz, django_assert_max_num_queries
):
    for officer in UserFactory.create_batch(25, unit=people["officer"].unit):
        services.submit_attempt(user=officer, quiz=quiz, number=services.start_attempt(user=officer, quiz=quiz).number)
    client = client_as("manager_of_unit")
    client.get(reverse("attempts:index"))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("attempts:index")).status_code == 200


def test_an_attempt_in_detail_shows_the_choices_in_the_order_the_officer_saw_them(client_as, people, quiz):
    import random

    quiz.shuffle_choices = True
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    attempt = services.start_attempt(user=people["officer"], quiz=quiz, rng=random.Random(11))
    services.submit_attempt(user=people["officer"], quiz=quiz, number=1, data=form_data(attempt, right=False))
    single = attempt.questions.get(question_type="single_choice")
    seen = [choice["text"] for choice in single.content["choices"]]
    assert seen != ["Alpha", "Bravo", "Charlie"]  # this seed moves them

    content = client_as("manager_of_unit").get(reverse("attempts:inspect", args=[attempt.pk])).content.decode()
    section = content.split(f'id="q-{single.position}"')[1].split("</section>")[0]
    items = [item.split("</li>")[0] for item in section.split("<li>")[1:]]
    assert [item.split(" —")[0].split(" (")[0] for item in items] == seen
    chosen = [item for item in items if "<strong>chosen</strong>" in item]
    assert len(chosen) == 1 and not chosen[0].endswith("(correct)")  # a wrong answer, as given
    assert [item for item in items if item.endswith("(correct)")] == ["Alpha (correct)"]


def test_the_attempts_list_filters_by_unit_result_and_quiz(client_as, people, org, quiz, attempts):
    client = client_as("administrator")

    def officers(**query):
        return {
            attempt.user.username for attempt in client.get(reverse("attempts:index"), query).context["object_list"]
        }

    assert officers(quiz=quiz.pk) == {"officer", "other_officer"}
    assert officers(passed="true") == {"officer"}
    assert officers(passed="false") == {"other_officer"}
    assert officers(unit=org.team_b.pk) == {"other_officer"}
    assert officers(unit=org.north.pk) == {"officer"}  # a command includes its teams
    assert officers(status="in_progress") == set()


def test_the_attempt_list_reads_as_people_say_it(client_as, people, quiz, attempts):
    from decimal import Decimal

    from django.utils import timezone

    Attempt.objects.filter(pk=attempts["officer"].pk).update(score=Decimal("92.86"))
    page = client_as("administrator").get(reverse("attempts:index")).content.decode()

    assert "93 %" in page and "92.86" not in page
    assert "0 %" in page  # the other officer's
    assert ">Yes<" in page.replace("\n", "").replace(" ", "") and ">No<" in page.replace("\n", "").replace(" ", "")
    assert "True" not in page.split("<table", 1)[1].split("</table>", 1)[0]
    started = timezone.localtime(attempts["officer"].started_at)
    assert started.strftime("%-d %B %Y, %H:%M") in page
    assert "Assessment — Faith awareness" in page


def test_an_attempt_in_detail_says_whether_it_counts(client_as, people, quiz, attempts):
    page = client_as("administrator").get(reverse("attempts:inspect", args=[attempts["officer"].pk])).content.decode()
    assert "Counts as the officer's result" in page
    assert "Yes (The highest score counts)" in page
    assert "(100 %)" in page
