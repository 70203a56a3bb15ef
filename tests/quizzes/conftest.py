import json
import re

import pytest
from django.http import QueryDict

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from quizzes.factories import QuestionCategoryFactory, QuestionFactory, QuizPageFactory

# Marker strings: if one of these reaches the browser during an attempt, an answer leaked.
SECRET_FEEDBACK = "SECRET-FEEDBACK"
SECRET_EXPLANATION = "SECRET-EXPLANATION"
SECRET_ACCEPTED = "zyxwvut"


def body(kind: str, **value) -> str:
    return json.dumps([{"type": kind, "value": value}])


def choice(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback}


@pytest.fixture
def bank(db):
    """One published question of every type, in a "Testing" category."""
    category = QuestionCategoryFactory(name="Testing")
    explanation = f"<p>{SECRET_EXPLANATION} why.</p>"
    return {
        "single_choice": QuestionFactory(
            title="Single",
            category=category,
            explanation=explanation,
            body=body(
                "single_choice",
                choices=[
                    choice("Alpha", True, f"{SECRET_FEEDBACK} alpha"),
                    choice("Bravo", False, f"{SECRET_FEEDBACK} bravo"),
                    choice("Charlie", False),
                ],
            ),
        ),
        "multiple_response": QuestionFactory(
            title="Multiple",
            category=category,
            marks=2,
            explanation=explanation,
            body=body(
                "multiple_response",
                choices=[choice("Delta", True), choice("Echo", True), choice("Foxtrot"), choice("Golf")],
            ),
        ),
        "true_false": QuestionFactory(
            title="True or false",
            category=category,
            explanation=explanation,
            body=body("true_false", correct="false", feedback_true=f"{SECRET_FEEDBACK} t", feedback_false="Right"),
        ),
        "matching": QuestionFactory(
            title="Matching",
            category=category,
            marks=2,
            explanation=explanation,
            body=body(
                "matching",
                pairs=[
                    {"prompt": "Shiva", "answer": "Seven days of mourning"},
                    {"prompt": "Kippah", "answer": "Skullcap"},
                ],
                distractors=["A festival"],
            ),
        ),
        "short_text": QuestionFactory(
            title="Short text",
            category=category,
            explanation=explanation,
            body=body("short_text", accepted=[SECRET_ACCEPTED, "Zyx Wvut"]),
        ),
        "scenario": QuestionFactory(
            title="Scenario",
            category=category,
            explanation=explanation,
            body=body(
                "scenario",
                vignette="<p>A call on a Saturday morning.</p>",
                choices=[choice("Hotel"), choice("India", True), choice("Juliet")],
            ),
        ),
    }


@pytest.fixture
def quiz_course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Faith awareness", slug="faith-awareness")
    ModulePageFactory(parent=course, title="Module 1", slug="module-1")
    return course


@pytest.fixture
def quiz(quiz_course, bank):
    """A custom quiz with every type, fixed order, no shuffling, all on one page, full review at once."""
    return QuizPageFactory(
        parent=quiz_course,
        slug="assessment",
        pass_mark=80,
        attempts_allowed=3,
        shuffle_questions=False,
        shuffle_choices=False,
        layout="all_on_one_page",
        review_what="full",
        review_when="immediately",
        questions=list(bank.values()),
    )


def form_data(attempt, *, right: bool = True, positions=None) -> QueryDict:
    """
    A submitted form answering the attempt's questions, read from its frozen copy: right
    answers, or wrong ones. The tests know the answers; the browser never does.
    """
    data = QueryDict(mutable=True)
    for question in attempt.questions.order_by("position"):
        if positions is not None and question.position not in positions:
            continue
        data.appendlist("shown", str(question.position))
        name, content, kind = f"q-{question.position}", question.content, question.question_type
        if kind in {"single_choice", "scenario"}:
            pick = [c for c in content["choices"] if c["correct"] is right][0]
            data.appendlist(name, pick["id"])
        elif kind == "multiple_response":
            for c in content["choices"]:
                if c["correct"] is right:
                    data.appendlist(name, c["id"])
        elif kind == "true_false":
            data.appendlist(
                name, content["correct"] if right else {"true": "false", "false": "true"}[content["correct"]]
            )
        elif kind == "matching":
            options = [o["id"] for o in content["options"]]
            for pair in content["pairs"]:
                wrong = next(o for o in options if o != pair["answer_id"])
                data.appendlist(f"{name}-{pair['id']}", pair["answer_id"] if right else wrong)
        elif kind == "short_text":
            data.appendlist(name, content["accepted"][0] if right else "no idea")
    return data


def post_data(data, **extra) -> dict:
    """A QueryDict as the test client must be given it to send every value of every field."""
    return {**dict(data.lists()), **extra}


def kept_for(client, quiz, number: int = 1) -> str:
    """The token the attempt page gives its officer's browser: whose attempt a kept post is for."""
    page = client.get(f"{quiz.url}attempt/{number}/").content.decode()
    return re.search(r'name="kept_for" value="([^"]+)"', page).group(1)
