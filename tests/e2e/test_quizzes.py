"""The assessment journey in a real browser, with the keyboard only, and axe on every page."""

import re

from playwright.sync_api import expect

from accounts.models import User
from courses import services as course_services
from courses.models import CourseCompletion, CoursePage, ModulePage
from quizzes.models import Attempt, AttemptStatus
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.keyboard import answer_with_the_keyboard, take_attempt


def test_officer_fails_once_then_passes_the_judaism_assessment_with_the_keyboard(journey, demo):
    officer = User.objects.get(username="officer")
    course = CoursePage.objects.get(slug="guide-to-judaism")
    course_services.enrol(user=officer, course=course)
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        course_services.complete_module(user=officer, module=module)

    page = journey.sign_in("officer")
    journey.press_enter(page.get_by_role("link", name="A police officer's guide to Judaism").first)
    expect(page.get_by_text("Pass the assessment: Assessment")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="Pass the assessment: Assessment"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessment")
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))

    take_attempt(journey, 1, right=False)
    expect(page.get_by_role("heading", level=1)).to_have_text("You did not pass this time")
    expect(page.get_by_text("The answers are shown once you pass")).to_be_visible()
    expect(page.get_by_text("Correct answer")).to_have_count(0)
    expect(page.get_by_text("You have 2 attempts left. You can start the next one now.")).to_be_visible()
    first = Attempt.objects.get(user=officer, quiz__url_path__contains="/guide-to-judaism/", number=1)
    assert first.status == AttemptStatus.FINISHED and first.passed is False
    assert first.questions.first().content["explanation"] not in page.content()

    journey.press_enter(page.get_by_role("button", name="Try again"))
    take_attempt(journey, 2, right=True)
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    expect(page.get_by_text("Correct answer").first).to_be_visible()  # the answers, now the policy allows

    # The pass closes the quiz: no other attempt is offered.
    journey.goto(first.quiz.url)
    expect(page.get_by_text("Your pass is recorded, so there is no further attempt to take.")).to_be_visible()
    expect(page.get_by_role("button", name="Start another attempt")).to_have_count(0)
    expect(page.get_by_text("This one counts")).to_be_visible()
    journey.goto(first.quiz.url + "attempt/2/result/")
    journey.press_enter(page.get_by_role("link", name="Back to A police officer's guide to Judaism"))
    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()
    journey.press_enter(page.get_by_role("link", name="My learning").first)
    # The guide is required of the officer's team: listed once, under "Required training".
    required = page.locator(".govuk-task-list__item", has_text="A police officer's guide to Judaism")
    expect(required).to_have_count(1)
    expect(required.locator(".govuk-tag")).to_have_text("Completed")
    record = CourseCompletion.objects.get(user=officer, course=course)
    assert record.module_versions.count() == 6
    assert record.evidence["assessment"]["attempt_number"] == 2
    assert record.score == 100


def test_on_a_phone_a_passed_quiz_offers_no_attempt_and_says_which_counts(phone_journey, demo):
    from quizzes import services
    from quizzes.models import QuizPage
    from tests.quizzes.conftest import form_data

    officer = User.objects.get(username="officer")
    quiz = QuizPage.objects.get(url_path__contains="/guide-to-judaism/")
    for number, right in ((1, False), (2, True)):
        attempt = services.start_attempt(user=officer, quiz=quiz)
        services.submit_attempt(user=officer, quiz=quiz, number=number, data=form_data(attempt, right=right))

    page = phone_journey.sign_in("officer")
    phone_journey.goto(quiz.url)
    expect(page.get_by_text("Which attempt counts")).to_be_visible()
    expect(page.get_by_text("Your pass is recorded, so there is no further attempt to take.")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("attempt|assessment"))).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    phone_journey.goto(quiz.url + "attempt/1/result/")
    expect(page.get_by_text("You have passed this assessment and your pass is recorded")).to_be_visible()
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)


def _timed_attempt(journey, *, seconds_left: int):
    """Sign in, start the Judaism assessment with a time limit, and bring its deadline close."""
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import QuizPage

    quiz = QuizPage.objects.get(url_path__contains="/guide-to-judaism/")
    QuizPage.objects.filter(pk=quiz.pk).update(time_limit_minutes=20)
    page = journey.sign_in("officer")
    journey.goto(quiz.url)
    expect(page.get_by_text("Time allowed")).to_be_visible()
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))
    attempt = Attempt.objects.get(user__username="officer", quiz=quiz, number=1)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=seconds_left))
    page.reload()
    journey.check()
    return page


def _countdown_behaves(journey, page):
    timer = page.get_by_role("timer")
    expect(timer).to_be_visible()
    expect(timer).to_have_attribute("aria-live", "off")
    first = timer.inner_text()
    assert re.search(r"Time left: \d+:\d\d", first), first
    expect(timer).not_to_have_text(first, timeout=3_000)  # it ticks, by the second
    # The one-minute mark is announced once, politely, in a region of its own.
    announce = page.locator(".app-countdown__announce")
    expect(announce).to_have_attribute("aria-live", "polite")
    expect(announce).to_have_text("1 minute left.", timeout=10_000)
    # On demand, with the keyboard alone.
    page.get_by_role("button", name="Tell me the time left").focus()
    page.keyboard.press("Enter")
    expect(announce).to_have_text(re.compile(r"^Time left: (1 minute|\d+ seconds)\.$"))
    # What the server decides stays on the page, and how to ask for more time.
    expect(page.get_by_text(re.compile(r"Submit your answers by \d\d:\d\d"))).to_be_visible()
    expect(page.get_by_text("seconds of grace to save what you have answered")).to_be_visible()
    page.get_by_text("If you need more time").click()
    expect(page.get_by_text("ask your trainer or line manager for a reasonable adjustment")).to_be_visible()
    journey.check()


def test_a_timed_attempt_counts_down_and_says_the_time_on_demand(journey, demo):
    page = _timed_attempt(journey, seconds_left=63)
    _countdown_behaves(journey, page)


def test_the_countdown_fits_a_phone_and_stays_in_view(phone_journey, demo):
    page = _timed_attempt(phone_journey, seconds_left=63)
    _countdown_behaves(phone_journey, page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = page.locator(".app-countdown").bounding_box()
    assert box is not None and -1 <= box["y"] <= 1  # stuck to the top of the screen


def test_the_grace_period_shows_once_the_time_is_up(journey, demo):
    page = _timed_attempt(journey, seconds_left=2)
    expect(page.get_by_role("timer")).to_contain_text("Grace time to save your answers", timeout=6_000)
    expect(page.locator(".app-countdown__announce")).to_contain_text("The time is up.")
    journey.check()


def test_answers_sent_after_the_session_ended_are_said_to_be_kept_and_then_saved(journey, demo):
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.get(url_path__contains="/guide-to-judaism/")
    page = journey.sign_in("officer")
    journey.goto(quiz.url)
    journey.press_enter(page.get_by_role("button", name="Start the assessment"))
    attempt = Attempt.objects.get(user__username="officer", quiz=quiz, number=1)
    question = attempt.questions.get(position=attempt.current_position)

    page.context.clear_cookies(name="sessionid")  # the session ends (a long call, the idle timeout)
    answer_with_the_keyboard(page, question, right=True)
    # The background save says so as soon as the server answers (under CI's load that has
    # taken longer than Playwright's default five seconds).
    expect(page.locator(".app-autosave-status")).to_contain_text("the answers you sent are kept", timeout=15_000)

    journey.press_enter(page.get_by_role("button", name=re.compile("Save and")))
    expect(page.get_by_text("You were signed out, but the answers you sent are kept.")).to_be_visible()
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    journey.press_enter(page.get_by_role("button", name="Sign in"))
    expect(page.get_by_text("the answers you sent were kept and are now saved")).to_be_visible()
    question.refresh_from_db()
    assert question.response


def test_a_typed_answer_is_saved_in_the_background_before_the_officer_leaves_the_field(journey, demo):
    """A text field fires "change" only when left: the background save must not wait for that."""
    import json
    import random

    from accounts.models import User
    from quizzes import services
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.get(url_path__contains="/guide-to-judaism/")
    # The assessment draws its questions at random: take the first repeatable draw with a
    # short-text question in it.
    seed = next(
        seed
        for seed in range(200)
        if any(q.question_type == "short_text" for q in services.draw_questions(quiz=quiz, rng=random.Random(seed)))
    )
    attempt = services.start_attempt(user=User.objects.get(username="officer"), quiz=quiz, rng=random.Random(seed))
    question = attempt.questions.filter(question_type="short_text").order_by("position").first()
    words = question.content["accepted"][0]

    page = journey.sign_in("officer")
    journey.goto(quiz.url + quiz.reverse_subpage("attempt", args=[attempt.number]) + f"?q={question.position}")
    field = page.locator(f'input[name="q-{question.position}"]')
    field.focus()
    page.keyboard.type(words)
    expect(page.locator(".app-autosave-status")).to_contain_text("Answers saved at", timeout=15_000)
    expect(field).to_be_focused()  # saved while the officer is still in the field
    question.refresh_from_db()
    assert words in json.dumps(question.response)
    journey.check()


def test_a_trainer_chooses_a_quiz_for_item_analysis_on_the_page(journey, demo):
    from quizzes.models import QuizPage
    from quizzes.selectors import quiz_label, quizzes_with_courses

    knowledge_checks = [quiz for quiz in quizzes_with_courses() if quiz.title == "Knowledge check"]
    assert len(knowledge_checks) >= 2  # the demo has two, in two courses
    chosen = knowledge_checks[0]
    page = journey.sign_in_to_admin("trainer")
    journey.goto("/admin/reports/item-analysis/")
    chooser = page.locator("#item-analysis-quiz")
    expect(chooser).to_be_visible()  # on the page, not only in the filter drawer
    labels = chooser.locator("option").all_inner_texts()
    assert len({label for label in labels if label.startswith("Knowledge check — ")}) == len(knowledge_checks)
    chooser.select_option(str(chosen.pk))
    journey.submit(page.get_by_role("button", name="Show the analysis"))
    expect(page.get_by_role("heading", name=quiz_label(chosen))).to_be_visible()
    assert QuizPage.objects.filter(pk=chosen.pk).exists()
