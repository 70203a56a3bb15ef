"""The item-analysis report: figures on a known data set, the quiz chooser, exports, access."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from quizzes import services
from quizzes.factories import QuizPageFactory
from tests.exports import csv_table
from tests.quizzes.conftest import form_data

pytestmark = pytest.mark.django_db

QUESTIONS = "wagtailsnippets_quizzes_question"


@pytest.fixture
def analysed(people, quiz):
    """Four officers: two answer everything right, two everything wrong; one of them skips question 1."""
    officers = [people["officer"], people["other_officer"], UserFactory(), UserFactory()]
    for index, officer in enumerate(officers):
        attempt = services.start_attempt(user=officer, quiz=quiz)
        data = form_data(attempt, right=index < 2, positions=range(2 if index == 3 else 1, 7))
        services.submit_attempt(user=officer, quiz=quiz, number=1, data=data)
    return quiz


ITEM_ANALYSIS = reverse("quizzes_reports:item_analysis")


def test_item_analysis_gives_facility_distribution_and_flags(client_as, analysed):
    response = client_as("trainer").get(ITEM_ANALYSIS, {"quiz": analysed.pk})
    rows = {row.title: row for row in response.context["object_list"]}
    single = rows["Single"]
    assert (single.asked, single.answered, single.correct, single.facility) == (4, 3, 2, 50)
    assert single.flag == ""
    assert single.distribution == [("Alpha", 2, 50, True), ("Bravo", 1, 25, False), ("No answer", 1, 25, False)]
    assert rows["Multiple"].distribution[:2] == [("Delta", 2, 50, True), ("Echo", 2, 50, True)]
    assert rows["True or false"].distribution == [("False", 2, 50, True), ("True", 2, 50, False)]
    assert rows["Short text"].distribution[0] == ("no idea", 2, 50, False)
    # Matching: each item with the option chosen for it, so a common wrong match shows up.
    matching = {text: (count, is_correct) for text, count, _pct, is_correct in rows["Matching"].distribution}
    assert matching["Kippah → Skullcap"] == (2, True)
    assert matching["Shiva → Seven days of mourning"] == (2, True)
    assert sum(count for count, is_correct in matching.values() if not is_correct) == 4
    assert ("India", 2, 50, True) in rows["Scenario"].distribution
    assert (rows["Scenario"].facility, rows["Matching"].facility) == (50, 50)


def test_item_analysis_flags_questions_most_officers_get_wrong(client_as, people, quiz):
    for officer in [people["officer"], UserFactory(), UserFactory()]:
        attempt = services.start_attempt(user=officer, quiz=quiz)
        services.submit_attempt(
            user=officer, quiz=quiz, number=1, data=form_data(attempt, right=officer == people["officer"])
        )
    rows = {
        row.title: row for row in client_as("trainer").get(ITEM_ANALYSIS, {"quiz": quiz.pk}).context["object_list"]
    }
    assert rows["Single"].facility == 33
    assert str(rows["Single"].flag) == "Most get this wrong"


def test_item_analysis_waits_for_a_quiz_to_be_chosen(client_as, analysed, quiz_course, bank):
    other = QuizPageFactory(parent=quiz_course, slug="other-quiz", questions=[bank["single_choice"]])
    attempt = services.start_attempt(user=UserFactory(), quiz=other)
    services.submit_attempt(user=attempt.user, quiz=other, number=1, data=form_data(attempt))
    client = client_as("trainer")
    unchosen = client.get(ITEM_ANALYSIS)
    assert list(unchosen.context["object_list"]) == []
    assert "Choose a quiz to see how each of its questions was answered" in unchosen.content.decode()
    # Chosen: only that quiz's attempts count (the other quiz's right answer is not added in).
    single = {row.title: row for row in client.get(ITEM_ANALYSIS, {"quiz": analysed.pk}).context["object_list"]}
    assert single["Single"].asked == 4


def test_item_analysis_exports(client_as, analysed):
    response = client_as("trainer").get(ITEM_ANALYSIS, {"quiz": analysed.pk, "export": "csv"})
    rows = csv_table(response)  # after the preamble every report's CSV starts with (tests/exports.py)
    assert rows[0] == [
        "Question",
        "Type",
        "Asked",
        "Answered",
        "Fully correct",
        "Facility (%)",
        "Flag",
        "Answers given",
    ]
    assert rows[1] == [
        "Single",
        "Single choice",
        "4",
        "3",
        "2",
        "50",
        "",
        "Alpha: 2 (correct); Bravo: 1; No answer: 1",
    ]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 200),
        ("manager_of_other_unit", 302),
        ("manager_of_unit", 302),
        ("administrator", 200),
    ],
)
def test_item_analysis_is_for_trainers_and_administrators(client_as, analysed, role, status):
    assert client_as(role).get(ITEM_ANALYSIS, {"quiz": analysed.pk}).status_code == status


def test_item_analysis_queries_do_not_grow_with_attempts(client_as, quiz, django_assert_max_num_queries):
    for officer in UserFactory.create_batch(30):
        attempt = services.start_attempt(user=officer, quiz=quiz)
        services.submit_attempt(user=officer, quiz=quiz, number=1, data=form_data(attempt))
    client = client_as("trainer")
    client.get(ITEM_ANALYSIS, {"quiz": quiz.pk})
    with django_assert_max_num_queries(20):
        client.get(ITEM_ANALYSIS, {"quiz": quiz.pk})


@pytest.fixture
def two_knowledge_checks(quiz_course, bank):
    """Two courses, each with a quiz called "Knowledge check"."""
    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage

    other_course = CoursePageFactory(
        parent=CourseCataloguePage.objects.get(slug="courses"), title="A Police Officer's Guide to Judaism"
    )
    return [
        QuizPageFactory(
            parent=course, title="Knowledge check", slug="knowledge-check", questions=[bank["single_choice"]]
        )
        for course in (quiz_course, other_course)
    ]


def test_the_quiz_chooser_is_on_the_page_and_names_each_quiz_with_its_course(client_as, two_knowledge_checks):
    page = client_as("trainer").get(ITEM_ANALYSIS).content.decode()
    assert 'id="item-analysis-quiz"' in page and 'name="quiz"' in page
    assert "Knowledge check — Faith awareness</option>" in page
    assert "Knowledge check — A Police Officer&#x27;s Guide to Judaism</option>" in page


def test_choosing_a_quiz_on_the_page_shows_its_figures_under_its_name(client_as, people, two_knowledge_checks):
    chosen = two_knowledge_checks[1]
    attempt = services.start_attempt(user=people["officer"], quiz=chosen)
    services.submit_attempt(user=people["officer"], quiz=chosen, number=1, data=form_data(attempt, right=True))

    response = client_as("trainer").get(ITEM_ANALYSIS, {"quiz": chosen.pk})
    page = response.content.decode()
    assert f'<option value="{chosen.pk}" selected>' in page
    assert '<h2 class="nice-padding w-h3">Knowledge check — A Police Officer&#x27;s Guide to Judaism</h2>' in page
    assert "<td>100 %</td>" in page  # the facility, as a share
