"""The question bank, attempts, adjustments and item analysis in the Wagtail admin."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from quizzes import services
from quizzes.factories import QuizPageFactory
from quizzes.models import Adjustment, Attempt, Question, QuizPage
from tests.exports import csv_table
from tests.quizzes.conftest import form_data

pytestmark = pytest.mark.django_db

QUESTIONS = "wagtailsnippets_quizzes_question"


def listblock(items):
    return {
        "count": len(items),
        **{str(n): {"value": item, "deleted": "", "order": str(n), "id": ""} for n, item in enumerate(items)},
    }


def question_form(category, title="Kosher meals in custody"):
    choices = [
        {"text": "Offer a sealed, certified kosher meal", "correct": "on", "feedback": ""},
        {"text": "Open it to check it", "feedback": ""},
    ]
    return nested_form_data(
        {
            "title": title,
            "category": category.pk,
            "marks": 1,
            "tags": "custody, food",
            "prompt": "What should you offer an observant Jewish detainee?",
            "body": streamfield([("single_choice", {"choices": listblock(choices)})]),
            "explanation": rich_text("<p>A sealed meal keeps it kosher.</p>"),
        }
    )


def test_a_trainer_writes_a_question_and_a_content_approver_publishes_it(client_as, client, bank, approver):
    category = bank["single_choice"].category
    trainer = client_as("trainer")
    response = trainer.post(reverse(f"{QUESTIONS}:add"), {**question_form(category), "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(title="Kosher meals in custody")
    assert question.live is False  # a draft until approved
    assert question.question_type == "single_choice"
    state = WorkflowState.objects.get(object_id=str(question.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(approver)
    response = client.post(
        reverse(f"{QUESTIONS}:workflow_action", args=[question.pk, "approve", state.current_task_state.pk]), {}
    )
    question.refresh_from_db()
    assert question.live is True
    assert sorted(question.tags.names()) == ["custody", "food"]


def test_a_trainer_cannot_publish_a_question(client_as, bank):
    category = bank["single_choice"].category
    client_as("trainer").post(reverse(f"{QUESTIONS}:add"), {**question_form(category), "action-publish": "publish"})
    assert Question.objects.get(title="Kosher meals in custody").live is False


def test_a_single_choice_question_needs_exactly_one_right_answer(client_as, bank):
    category = bank["single_choice"].category
    data = question_form(category)
    data["body-0-value-choices-1-value-correct"] = "on"
    response = client_as("trainer").post(reverse(f"{QUESTIONS}:add"), data)
    assert response.status_code == 200
    assert "Mark exactly one answer as correct." in response.content.decode()
    assert not Question.objects.filter(title="Kosher meals in custody").exists()


def test_the_question_bank_filters_by_type_and_category(client_as, bank):
    content = client_as("trainer").get(reverse(f"{QUESTIONS}:list"), {"question_type": "matching"}).content.decode()
    assert "Matching" in content and ">Single<" not in content


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
def test_only_trainers_and_administrators_reach_the_question_bank(client_as, bank, role, status):
    assert client_as(role).get(reverse(f"{QUESTIONS}:list")).status_code == status


# Attempts: scoped to the people the viewer may see, from every direction.


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
    assert rows[1][9:] == ["submitted", "8.00", "8.00", "100.00", "Yes"]  # booleans in words (issue 12)

    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(reverse("attempts:index"), {"export": "xlsx"}).streaming_content))
    )
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert sheet_rows[0][0] == "Warrant number" and len(sheet_rows) == 2
    assert sheet_rows[1][12] == 100


def test_the_attempt_list_query_count_does_not_grow_with_attempts(
    client_as, people, quiz, django_assert_max_num_queries
):
    for officer in UserFactory.create_batch(25, unit=people["officer"].unit):
        services.submit_attempt(user=officer, quiz=quiz, number=services.start_attempt(user=officer, quiz=quiz).number)
    client = client_as("manager_of_unit")
    client.get(reverse("attempts:index"))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("attempts:index")).status_code == 200


# Reasonable adjustments


def adjustment_form(user, quiz, **overrides):
    return {
        "user": user.pk,
        "quiz": quiz.pk,
        "extra_time_percent": 25,
        "extra_attempts": 1,
        "reason": "Dyslexia",
        **overrides,
    }


def test_a_manager_adjusts_for_an_officer_in_their_unit_and_is_recorded_as_granting_it(client_as, people, quiz):
    response = client_as("manager_of_unit").post(reverse("adjustments:add"), adjustment_form(people["officer"], quiz))
    assert response.status_code == 302
    adjustment = Adjustment.objects.get()
    assert (adjustment.user, adjustment.granted_by) == (people["officer"], people["manager_of_unit"])


def test_a_manager_cannot_adjust_for_an_officer_outside_their_units(client_as, people, quiz):
    response = client_as("manager_of_unit").post(
        reverse("adjustments:add"), adjustment_form(people["other_officer"], quiz)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Adjustment.objects.exists()


def test_a_trainer_adjusts_for_anyone(client_as, people, quiz):
    assert (
        client_as("trainer")
        .post(reverse("adjustments:add"), adjustment_form(people["other_officer"], quiz))
        .status_code
        == 302
    )
    assert Adjustment.objects.get().granted_by == people["trainer"]


def test_an_adjustment_must_adjust_something(client_as, people, quiz):
    data = adjustment_form(people["officer"], quiz, extra_time_percent=0, extra_attempts=0)
    response = client_as("trainer").post(reverse("adjustments:add"), data)
    assert "Give extra time, extra attempts or both." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 200),
        ("manager_of_other_unit", 200),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_adjustments_list_per_role(client_as, people, quiz, role, status):
    Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_attempts=1, reason="x", granted_by=people["trainer"]
    )
    response = client_as(role).get(reverse("adjustments:index"))
    assert response.status_code == status
    if role == "manager_of_other_unit":
        assert escape(people["officer"].display_name) not in response.content.decode()


def test_adjustments_are_never_edited(client_as, people, quiz):
    adjustment = Adjustment.objects.create(
        user=people["officer"], quiz=quiz, extra_attempts=1, reason="x", granted_by=people["trainer"]
    )
    assert client_as("administrator").get(reverse("adjustments:edit", args=[adjustment.pk])).status_code == 302


# Item analysis on a known data set


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


# Quiz pages in the admin


def test_a_trainer_builds_a_quiz_from_the_bank_with_a_preset(client_as, bank, quiz_course):
    from wagtail.test.utils.form_data import inline_formset

    data = nested_form_data(
        {
            "title": "Knowledge check",
            "slug": "knowledge-check",
            "introduction": "",
            "preset": "mandatory_assessment",
            "pass_mark": 10,  # ignored: the preset decides
            "attempts_allowed": 0,
            "minutes_between_attempts": 0,
            "layout": "all_on_one_page",
            "review_what": "score_only",
            "review_when": "immediately",
            "slots": inline_formset(
                [
                    {"question": bank["single_choice"].pk, "draw_count": "", "draw_category": "", "draw_tag": ""},
                    {"question": "", "draw_count": 3, "draw_category": bank["matching"].category.pk, "draw_tag": ""},
                ]
            ),
        }
    )
    response = client_as("trainer").post(
        reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", quiz_course.pk]), {**data, "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = QuizPage.objects.get(slug="knowledge-check").get_latest_revision_as_object()
    assert (quiz.pass_mark, quiz.attempts_allowed, quiz.review_when) == (80, 3, "after_pass_or_final")
    assert [(s.question_id, s.draw_count) for s in quiz.slots.all()] == [(bank["single_choice"].pk, None), (None, 3)]


def test_a_slot_is_either_a_question_or_a_draw(bank):
    from django.core.exceptions import ValidationError

    from quizzes.models import QuizQuestionSlot

    with pytest.raises(ValidationError, match="not both"):
        QuizQuestionSlot(question=bank["single_choice"], draw_count=2, draw_category=bank["matching"].category).clean()
    with pytest.raises(ValidationError, match="category or tag"):
        QuizQuestionSlot(draw_count=2).clean()


def test_quiz_page_sits_only_under_a_course_once():
    from courses.models import CoursePage, ModulePage

    assert QuizPage.allowed_parent_page_models() == [CoursePage]
    assert QuizPage in CoursePage.allowed_subpage_models()
    assert ModulePage in CoursePage.allowed_subpage_models()
    assert QuizPage.max_count_per_parent == 1
    assert QuizPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("knowledge_check", (70, 0, "immediately", "full")),
        ("mandatory_assessment", (80, 3, "after_pass_or_final", "full")),
        ("custom", (55, 7, "immediately", "score_only")),
    ],
)
def test_presets_fill_the_settings(preset, expected):
    quiz = QuizPage(
        title="Q", preset=preset, pass_mark=55, attempts_allowed=7, review_when="immediately", review_what="score_only"
    )
    quiz.clean()
    assert (quiz.pass_mark, quiz.attempts_allowed, quiz.review_when, quiz.review_what) == expected


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


def test_the_question_bank_filters_by_category_and_tag_and_searches_titles_and_prompts(client_as, bank):
    from quizzes.factories import QuestionCategoryFactory, QuestionFactory

    outsider = QuestionFactory(
        title="Outsider", prompt="Which festival has eight nights of lights?", category=QuestionCategoryFactory()
    )
    outsider.tags.add("festivals")
    outsider.save()
    client = client_as("trainer")
    listing = reverse(f"{QUESTIONS}:list")

    def titles(**query):
        return {question.title for question in client.get(listing, query).context["object_list"]}

    testing = bank["single_choice"].category
    assert titles(category=testing.pk) == {question.title for question in bank.values()}
    festivals = outsider.tags.get(name="festivals")
    assert titles(tag=festivals.pk) == {"Outsider"}
    assert titles(q="eight nights") == {"Outsider"}  # the prompt is searched, not only the title
    assert titles(q="Outsider") == {"Outsider"}
    assert titles(q="Outsi") == {"Outsider"}  # as the trainer types


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
