"""The question bank in the Wagtail admin: writing, publishing, filtering and who reaches it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quizzes.models import Question

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
