"""Quiz pages in the Wagtail admin: building from the bank, presets, where a quiz sits."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db

QUESTIONS = "wagtailsnippets_quizzes_question"


def test_a_trainer_builds_a_quiz_from_the_bank_with_a_preset(client_as, bank, quiz_course):
    from wagtail.test.utils.form_data import inline_formset

    data = nested_form_data(
        {
            "title": "Knowledge check",
            "slug": "knowledge-check",
            "introduction": "",
            "preset": "mandatory_assessment",
            "grading": "first_pass",  # not a preset's: the trainer's choice stands
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
    assert quiz.grading == "first_pass"
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
