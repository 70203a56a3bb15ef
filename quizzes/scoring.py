"""
Freezing questions into attempts, validating responses and marking them: pure functions of
plain data, tested without a database (``tests/quizzes/test_scoring.py``).

A frozen question (``AttemptQuestion.content``) looks like this, by type:

- single choice, scenario, multiple response: ``{"choices": [{"id", "text", "correct",
  "feedback"}], "vignette"?}`` with choices in the order the officer sees them;
- true or false: ``{"correct": "true" | "false", "feedback_true", "feedback_false"}``;
- matching: ``{"pairs": [{"id", "prompt", "answer_id"}], "options": [{"id", "text"}]}``;
- short text: ``{"accepted": [...]}``;

plus ``"explanation"`` (HTML) for every type. Ids are random per attempt, so they reveal
nothing about which answer is right or which question in the bank it came from.
"""

import random
import secrets
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .blocks import QuestionType

MAX_TEXT_ANSWER = 200
CHOICE_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.SCENARIO, QuestionType.MULTIPLE_RESPONSE}


class InvalidResponse(ValueError):
    """A response that cannot be an answer to this question (tampered, or too long)."""


def _token() -> str:
    return secrets.token_hex(5)


def freeze(*, question_type: str, value: dict, explanation: str, shuffle: bool, rng: random.Random) -> dict:
    """The attempt's copy of a question's answers, from the question's block value."""
    content: dict = {"explanation": explanation}
    if question_type in CHOICE_TYPES:
        choices = [
            {"id": _token(), "text": c["text"], "correct": bool(c["correct"]), "feedback": c.get("feedback", "")}
            for c in value["choices"]
        ]
        if shuffle:
            rng.shuffle(choices)
        content["choices"] = choices
        if question_type == QuestionType.SCENARIO:
            content["vignette"] = str(value["vignette"])
    elif question_type == QuestionType.TRUE_FALSE:
        content.update(
            correct=value["correct"],
            feedback_true=value.get("feedback_true", ""),
            feedback_false=value.get("feedback_false", ""),
        )
    elif question_type == QuestionType.MATCHING:
        options, pairs = [], []
        for pair in value["pairs"]:
            option = {"id": _token(), "text": pair["answer"]}
            options.append(option)
            pairs.append({"id": _token(), "prompt": pair["prompt"], "answer_id": option["id"]})
        options += [{"id": _token(), "text": text} for text in value.get("distractors", [])]
        rng.shuffle(options)  # never in pair order, or the answers would be given away
        if shuffle:
            rng.shuffle(pairs)
        content.update(pairs=pairs, options=options)
    elif question_type == QuestionType.SHORT_TEXT:
        content["accepted"] = [str(text) for text in value["accepted"]]
    else:
        raise ValueError(f"Unknown question type {question_type!r}")
    return content


def display(*, question_type: str, content: dict) -> dict:
    """
    What the browser may see while the attempt is open: texts and ids only. Never which
    answer is correct, never feedback or the explanation.
    """
    shown: dict = {}
    if question_type in CHOICE_TYPES:
        shown["choices"] = [{"id": c["id"], "text": c["text"]} for c in content["choices"]]
        if "vignette" in content:
            shown["vignette"] = content["vignette"]
    elif question_type == QuestionType.TRUE_FALSE:
        shown["choices"] = [{"id": "true", "text": _("True")}, {"id": "false", "text": _("False")}]
    elif question_type == QuestionType.MATCHING:
        shown["pairs"] = [{"id": p["id"], "prompt": p["prompt"]} for p in content["pairs"]]
        shown["options"] = content["options"]
    return shown


def parse_response(*, question_type: str, content: dict, field_values: dict[str, list[str]]) -> dict | None:
    """
    Turn the submitted form values for one question into a response, or raise
    ``InvalidResponse``. ``field_values`` maps the part of the field name after the
    question's prefix ("" for the question itself, or a matching pair's id) to its values.
    Returns None when the officer left the question unanswered.
    """
    values = [value for value in field_values.get("", []) if value != ""]
    if question_type in {QuestionType.SINGLE_CHOICE, QuestionType.SCENARIO}:
        if not values:
            return None
        ids = {c["id"] for c in content["choices"]}
        if len(values) > 1 or values[0] not in ids:
            raise InvalidResponse(_("That answer is not one of the choices for this question."))
        return {"choice": values[0]}
    if question_type == QuestionType.MULTIPLE_RESPONSE:
        ids = {c["id"] for c in content["choices"]}
        if any(value not in ids for value in values):
            raise InvalidResponse(_("That answer is not one of the choices for this question."))
        return {"choices": sorted(set(values))} if values else None
    if question_type == QuestionType.TRUE_FALSE:
        if not values:
            return None
        if len(values) > 1 or values[0] not in {"true", "false"}:
            raise InvalidResponse(_("Answer true or false."))
        return {"value": values[0]}
    if question_type == QuestionType.MATCHING:
        pair_ids = {p["id"] for p in content["pairs"]}
        option_ids = {o["id"] for o in content["options"]}
        matches = {}
        for key, submitted in field_values.items():
            if key == "":
                continue
            if key not in pair_ids:
                raise InvalidResponse(_("That item is not part of this question."))
            chosen = [value for value in submitted if value != ""]
            if len(chosen) > 1 or (chosen and chosen[0] not in option_ids):
                raise InvalidResponse(_("That answer is not one of the choices for this question."))
            if chosen:
                matches[key] = chosen[0]
        return {"matches": matches} if matches else None
    if question_type == QuestionType.SHORT_TEXT:
        if len(field_values.get("", [])) > 1:
            raise InvalidResponse(_("Give one answer."))
        text = (field_values.get("", [""]) or [""])[0]
        if len(text) > MAX_TEXT_ANSWER:
            raise InvalidResponse(_("Answers must be at most %(count)s characters long.") % {"count": MAX_TEXT_ANSWER})
        text = text.strip()
        return {"text": text} if text else None
    raise InvalidResponse(_("Unknown question type."))


def normalise_text(text: str) -> str:
    """Compare short answers ignoring case and runs of white space."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Mark:
    awarded: Decimal
    correct: bool


TWO_PLACES = Decimal("0.01")


def mark(*, question_type: str, content: dict, response: dict | None, marks: Decimal) -> Mark:
    """Mark one response. Unanswered questions score zero."""
    marks = Decimal(marks)
    fraction = _fraction(question_type=question_type, content=content, response=response)
    awarded = (marks * fraction).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    return Mark(awarded=awarded, correct=fraction == 1)


def _fraction(*, question_type: str, content: dict, response: dict | None) -> Decimal:
    if not response:
        return Decimal(0)
    if question_type in {QuestionType.SINGLE_CHOICE, QuestionType.SCENARIO}:
        correct = {c["id"] for c in content["choices"] if c["correct"]}
        return Decimal(1) if response.get("choice") in correct else Decimal(0)
    if question_type == QuestionType.MULTIPLE_RESPONSE:
        # Each correct answer chosen earns an equal share; each wrong one chosen takes away
        # an equal share of the wrong answers. Never below zero.
        chosen = set(response.get("choices", []))
        correct = {c["id"] for c in content["choices"] if c["correct"]}
        wrong = {c["id"] for c in content["choices"] if not c["correct"]}
        gained = Decimal(len(chosen & correct)) / len(correct)
        lost = Decimal(len(chosen & wrong)) / len(wrong) if wrong else Decimal(0)
        return max(Decimal(0), gained - lost)
    if question_type == QuestionType.TRUE_FALSE:
        return Decimal(1) if response.get("value") == content["correct"] else Decimal(0)
    if question_type == QuestionType.MATCHING:
        matches = response.get("matches", {})
        right = sum(1 for pair in content["pairs"] if matches.get(pair["id"]) == pair["answer_id"])
        return Decimal(right) / len(content["pairs"])
    if question_type == QuestionType.SHORT_TEXT:
        accepted = {normalise_text(text) for text in content["accepted"]}
        return Decimal(1) if normalise_text(response.get("text", "")) in accepted else Decimal(0)
    raise ValueError(f"Unknown question type {question_type!r}")


def percentage(awarded: Decimal, available: Decimal) -> Decimal:
    if not available:
        return Decimal(0)
    return (Decimal(100) * awarded / available).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
