"""Marking every question type, on plain data (no database)."""

import random
from decimal import Decimal

import pytest

from quizzes import scoring
from quizzes.blocks import QuestionType


def frozen(kind, value, shuffle=False):
    return scoring.freeze(
        question_type=kind, value=value, explanation="<p>Why</p>", shuffle=shuffle, rng=random.Random(1)
    )


def ids(content, *texts):
    by_text = {c["text"]: c["id"] for c in content["choices"]}
    return [by_text[text] for text in texts]


def mark(kind, content, response, marks=1):
    return scoring.mark(question_type=kind, content=content, response=response, marks=Decimal(marks))


CHOICES = [
    {"text": "A", "correct": True, "feedback": ""},
    {"text": "B", "correct": False, "feedback": ""},
    {"text": "C", "correct": False, "feedback": ""},
]


def test_single_choice_is_all_or_nothing():
    content = frozen(QuestionType.SINGLE_CHOICE, {"choices": CHOICES})
    assert mark("single_choice", content, {"choice": ids(content, "A")[0]}) == scoring.Mark(Decimal("1.00"), True)
    assert mark("single_choice", content, {"choice": ids(content, "B")[0]}) == scoring.Mark(Decimal("0.00"), False)
    assert mark("single_choice", content, None) == scoring.Mark(Decimal("0.00"), False)


MULTIPLE = [
    {"text": "Right 1", "correct": True, "feedback": ""},
    {"text": "Right 2", "correct": True, "feedback": ""},
    {"text": "Wrong 1", "correct": False, "feedback": ""},
    {"text": "Wrong 2", "correct": False, "feedback": ""},
]


@pytest.mark.parametrize(
    ("chosen", "expected", "correct"),
    [
        (["Right 1", "Right 2"], "2.00", True),
        (["Right 1"], "1.00", False),  # half the right answers: half the marks
        (["Right 1", "Right 2", "Wrong 1"], "1.00", False),  # each wrong answer takes away a share
        (["Right 1", "Wrong 1"], "0.00", False),
        (["Wrong 1", "Wrong 2"], "0.00", False),  # never below zero
        (["Right 1", "Right 2", "Wrong 1", "Wrong 2"], "0.00", False),  # ticking everything earns nothing
        ([], "0.00", False),
    ],
)
def test_multiple_response_gives_partial_credit_and_deducts_for_wrong_answers(chosen, expected, correct):
    content = frozen(QuestionType.MULTIPLE_RESPONSE, {"choices": MULTIPLE})
    result = mark("multiple_response", content, {"choices": ids(content, *chosen)}, marks=2)
    assert result == scoring.Mark(Decimal(expected), correct)


def test_multiple_response_partial_credit_with_three_right_answers_rounds_to_pennies():
    choices = [{"text": t, "correct": t.startswith("R"), "feedback": ""} for t in ("R1", "R2", "R3", "W1")]
    content = frozen(QuestionType.MULTIPLE_RESPONSE, {"choices": choices})
    assert mark("multiple_response", content, {"choices": ids(content, "R1")}).awarded == Decimal("0.33")


def test_true_false():
    content = frozen(QuestionType.TRUE_FALSE, {"correct": "false", "feedback_true": "", "feedback_false": ""})
    assert mark("true_false", content, {"value": "false"}).correct
    assert not mark("true_false", content, {"value": "true"}).correct


def test_matching_gives_a_share_for_each_item_matched():
    value = {
        "pairs": [
            {"prompt": "P1", "answer": "A1"},
            {"prompt": "P2", "answer": "A2"},
            {"prompt": "P3", "answer": "A3"},
        ],
        "distractors": ["D1"],
    }
    content = frozen(QuestionType.MATCHING, value)
    answer_ids = {o["text"]: o["id"] for o in content["options"]}
    pairs = {p["prompt"]: p["id"] for p in content["pairs"]}
    all_right = {pairs[f"P{n}"]: answer_ids[f"A{n}"] for n in (1, 2, 3)}
    assert mark("matching", content, {"matches": all_right}, marks=3) == scoring.Mark(Decimal("3.00"), True)
    two_right = {**all_right, pairs["P3"]: answer_ids["D1"]}
    assert mark("matching", content, {"matches": two_right}, marks=3) == scoring.Mark(Decimal("2.00"), False)
    assert len(content["options"]) == 4


@pytest.mark.parametrize(
    ("text", "correct"),
    [("Tell MAMA", True), ("  tell   mama ", True), ("TELL MAMA", True), ("tellmama", False), ("Tell", False)],
)
def test_short_text_ignores_case_and_extra_spaces(text, correct):
    content = frozen(QuestionType.SHORT_TEXT, {"accepted": ["Tell MAMA"]})
    assert mark("short_text", content, {"text": text}).correct is correct


def test_scenario_is_marked_like_single_choice_and_keeps_its_vignette():
    content = frozen(QuestionType.SCENARIO, {"vignette": "<p>Saturday</p>", "choices": CHOICES})
    assert content["vignette"] == "<p>Saturday</p>"
    assert mark("scenario", content, {"choice": ids(content, "A")[0]}).correct


def test_what_the_browser_sees_has_no_correct_answers_or_feedback():
    for kind, value in [
        (QuestionType.SINGLE_CHOICE, {"choices": CHOICES}),
        (QuestionType.MULTIPLE_RESPONSE, {"choices": MULTIPLE}),
        (QuestionType.TRUE_FALSE, {"correct": "true", "feedback_true": "ft", "feedback_false": "ff"}),
        (QuestionType.MATCHING, {"pairs": [{"prompt": "P", "answer": "A"}, {"prompt": "Q", "answer": "B"}]}),
        (QuestionType.SHORT_TEXT, {"accepted": ["secret"]}),
    ]:
        shown = scoring.display(question_type=kind, content=frozen(kind, value))
        flat = repr(shown)
        assert "correct" not in flat and "feedback" not in flat and "answer_id" not in flat
        assert "secret" not in flat and "Why" not in flat


def test_choice_ids_are_random_and_reveal_nothing():
    first = frozen(QuestionType.SINGLE_CHOICE, {"choices": CHOICES})
    second = frozen(QuestionType.SINGLE_CHOICE, {"choices": CHOICES})
    assert {c["id"] for c in first["choices"]}.isdisjoint({c["id"] for c in second["choices"]})


def test_shuffling_changes_the_order_but_not_the_content():
    shuffled = scoring.freeze(
        question_type="single_choice",
        value={"choices": [{"text": str(n), "correct": n == 0, "feedback": ""} for n in range(8)]},
        explanation="",
        shuffle=True,
        rng=random.Random(3),
    )
    texts = [c["text"] for c in shuffled["choices"]]
    assert texts != sorted(texts) and sorted(texts) == [str(n) for n in range(8)]


@pytest.mark.parametrize(
    ("kind", "values", "message"),
    [
        ("single_choice", {"": ["not-an-id"]}, "not one of the choices"),
        ("single_choice", {"": ["a", "b"]}, "not one of the choices"),
        ("multiple_response", {"": ["not-an-id"]}, "not one of the choices"),
        ("true_false", {"": ["maybe"]}, "true or false"),
        ("matching", {"no-such-pair": ["x"]}, "not part of this question"),
        ("short_text", {"": ["x" * 201]}, "at most 200 characters"),
    ],
)
def test_tampered_responses_are_refused(kind, values, message):
    value = {
        "single_choice": {"choices": CHOICES},
        "multiple_response": {"choices": MULTIPLE},
        "true_false": {"correct": "true"},
        "matching": {"pairs": [{"prompt": "P", "answer": "A"}, {"prompt": "Q", "answer": "B"}]},
        "short_text": {"accepted": ["x"]},
    }[kind]
    with pytest.raises(scoring.InvalidResponse, match=message):
        scoring.parse_response(question_type=kind, content=frozen(kind, value), field_values=values)


def test_percentage():
    assert scoring.percentage(Decimal("7"), Decimal("9")) == Decimal("77.78")
    assert scoring.percentage(Decimal("0"), Decimal("0")) == Decimal("0")
