"""
The demo question bank and quizzes (``demo/content/questions.py``), published as snippets
and quiz pages. Loading again changes nothing unless the source changed.
"""

import json

from core.streamfield import without_ids
from courses.models import CoursePage
from quizzes.models import Question, QuestionCategory, QuizPage, QuizQuestionSlot

from . import history
from .content.questions import QUESTIONS, QUIZZES


def _body(spec: dict) -> list[dict]:
    kind = spec["type"]
    if kind in {"single_choice", "multiple_response", "scenario"}:
        value = {
            "choices": [
                {"text": c["text"], "correct": c["correct"], "feedback": c.get("feedback", "")}
                for c in spec["choices"]
            ]
        }
        if kind == "scenario":
            value["vignette"] = spec["vignette"]
    elif kind == "true_false":
        value = {
            "correct": "true" if spec["correct"] else "false",
            "feedback_true": spec.get("feedback_true", ""),
            "feedback_false": spec.get("feedback_false", ""),
        }
    elif kind == "matching":
        value = {"pairs": spec["pairs"], "distractors": spec.get("distractors", [])}
    elif kind == "short_text":
        value = {"accepted": spec["accepted"]}
    else:
        raise ValueError(f"Unknown question type {kind!r}")
    return [{"type": kind, "value": value}]


def _body_data(question: Question):
    """The body in one canonical form (list items in Wagtail's current format), without ids."""
    block = Question._meta.get_field("body").stream_block
    value = block.to_python(list(question.body.raw_data))
    list(value)  # realise every child, so each is prepared by its block rather than passed through raw
    return without_ids(json.loads(json.dumps(block.get_prep_value(value), default=str)))


def load_question(spec: dict, categories: dict[str, QuestionCategory]) -> Question:
    question = Question.objects.filter(title=spec["title"]).first() or Question(title=spec["title"])
    is_new = question.pk is None
    before = (
        (question.prompt, str(question.explanation), question.marks, question.category_id, _body_data(question))
        if question.pk
        else None
    )
    question.category = categories[spec["category"]]
    question.prompt = spec["prompt"]
    question.explanation = spec["explanation"]
    question.marks = spec.get("marks", 1)
    question.body = json.dumps(_body(spec))
    after = (question.prompt, str(question.explanation), question.marks, question.category_id, _body_data(question))
    if before != after or not question.live:
        question.save()
        question.tags.set(spec.get("tags", []))
        question.save()
        question.save_revision().publish()
        if is_new:
            history.date_first_version(question)
    return question


def load_quiz(course: CoursePage, spec: dict, questions: dict[str, Question], categories) -> QuizPage:
    quiz = QuizPage.objects.child_of(course).first()
    if quiz is None:
        quiz = QuizPage(title=spec["title"], slug=spec["slug"], introduction=spec["intro"], preset=spec["preset"])
        quiz.clean()  # the preset fills in the settings
        for number, title in enumerate(spec.get("fixed", [])):
            quiz.slots.add(QuizQuestionSlot(question=questions[title], sort_order=number))
        for number, draw in enumerate(spec.get("draw", []), start=len(quiz.slots.all())):
            quiz.slots.add(
                QuizQuestionSlot(
                    draw_count=draw["count"], draw_category=categories[draw["category"]], sort_order=number
                )
            )
        course.add_child(instance=quiz)
        quiz.save_revision().publish()
        history.date_first_version(quiz)
    return quiz


def load_quizzes() -> list[QuizPage]:
    categories = {
        name: QuestionCategory.objects.get_or_create(name=name)[0]
        for name in sorted({spec["category"] for spec in QUESTIONS})
    }
    questions = {spec["title"]: load_question(spec, categories) for spec in QUESTIONS}
    return [
        load_quiz(CoursePage.objects.get(slug=slug), spec, questions, categories) for slug, spec in QUIZZES.items()
    ]
