"""Factories for the question bank and quiz pages, used by the tests (never by the demo)."""

import json

import factory

from courses.factories import PublishedPageFactory

from .models import Question, QuestionCategory, QuizPage, QuizQuestionSlot
from .models.pages import PRESET_SETTINGS, Preset


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory
        django_get_or_create = ["name"]

    name = "General"


def single_choice(right="Right answer", wrong=("Wrong answer", "Another wrong answer")):
    return [
        {
            "type": "single_choice",
            "value": {
                "choices": [{"text": right, "correct": True, "feedback": f"Feedback for {right}"}]
                + [{"text": text, "correct": False, "feedback": f"Feedback for {text}"} for text in wrong]
            },
        }
    ]


class QuestionFactory(factory.django.DjangoModelFactory):
    """A published question. ``body`` is raw StreamField data; single choice unless given."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Question {n}")
    category = factory.SubFactory(QuestionCategoryFactory)
    prompt = factory.LazyAttribute(lambda q: f"What is the answer to {q.title}?")
    explanation = factory.LazyAttribute(lambda q: f"<p>Explanation for {q.title}.</p>")
    marks = 1
    body = factory.LazyFunction(lambda: json.dumps(single_choice()))

    @factory.post_generation
    def publish(question, create, extracted, **kwargs):
        if create and extracted is not False:
            question.save_revision().publish()
            question.refresh_from_db()


class QuizPageFactory(PublishedPageFactory):
    """A quiz under a course; ``questions=[...]`` become fixed slots in that order."""

    class Meta:
        model = QuizPage

    title = "Assessment"
    preset = Preset.CUSTOM
    pass_mark = 80
    attempts_allowed = 3

    @classmethod
    def _create(cls, model_class, *args, questions=(), draws=(), **kwargs):
        preset = kwargs.get("preset", Preset.CUSTOM)
        for name, value in PRESET_SETTINGS.get(preset, {}).items():
            kwargs.setdefault(name, value)
        quiz = model_class(**{k: v for k, v in kwargs.items() if k != "parent"})
        for number, question in enumerate(questions):
            quiz.slots.add(QuizQuestionSlot(question=question, sort_order=number))
        for number, (count, category) in enumerate(draws, start=len(questions)):
            quiz.slots.add(QuizQuestionSlot(draw_count=count, draw_category=category, sort_order=number))
        kwargs["parent"].add_child(instance=quiz)
        return quiz
