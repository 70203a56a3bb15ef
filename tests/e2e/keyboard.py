"""Answering an assessment with the keyboard alone, as the browser journeys do."""

from playwright.sync_api import expect

from quizzes.models import Attempt


def answer_with_the_keyboard(page, question, *, right: bool) -> None:
    """Answer one question by focusing controls and pressing keys, as a keyboard user would."""
    name, content, kind = f"q-{question.position}", question.content, question.question_type
    if kind in {"single_choice", "scenario", "multiple_response"}:
        chosen = [c for c in content["choices"] if c["correct"] is right]
        if kind != "multiple_response":
            chosen = chosen[:1]
        for choice in chosen:
            box = page.locator(f'input[name="{name}"][value="{choice["id"]}"]')
            box.focus()
            page.keyboard.press("Space")
            expect(box).to_be_checked()
    elif kind == "true_false":
        value = content["correct"] if right else {"true": "false", "false": "true"}[content["correct"]]
        box = page.locator(f'input[name="{name}"][value="{value}"]')
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    elif kind == "matching":
        options = {o["id"]: o["text"] for o in content["options"]}
        for pair in content["pairs"]:
            wanted = pair["answer_id"] if right else next(i for i in options if i != pair["answer_id"])
            select = page.locator(f'select[name="{name}-{pair["id"]}"]')
            select.focus()
            page.keyboard.type(options[wanted])  # typing an option's text selects it
            expect(select).to_have_value(wanted)
    elif kind == "short_text":
        field = page.locator(f'input[name="{name}"]')
        field.focus()
        page.keyboard.type(content["accepted"][0] if right else "I am not sure")


def take_attempt(journey, attempt_number: int, *, right: bool) -> None:
    page = journey.page
    attempt = Attempt.objects.get(
        user__username="officer", quiz__url_path__contains="/guide-to-judaism/", number=attempt_number
    )
    questions = list(attempt.questions.order_by("position"))
    for question in questions:
        expect(page.get_by_text(f"Question {question.position} of {len(questions)}")).to_be_visible()
        answer_with_the_keyboard(page, question, right=right)
        last = question.position == len(questions)
        journey.press_enter(
            page.get_by_role("button", name="Save and check your answers" if last else "Save and continue")
        )
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    journey.press_enter(page.get_by_role("button", name="Submit answers"))
