"""
Issue 12, point 6: the trainer's dashboard shows their drafts, what they sent for approval,
content due for review and the questions officers most often get wrong, in a fixed number of
queries; the manager's dashboard keeps its compliance panel.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Task, Workflow

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from home import selectors
from quizzes.factories import QuestionFactory, QuizPageFactory
from quizzes.models import Attempt, AttemptQuestion, AttemptStatus
from quizzes.selectors import lowest_facility

DASHBOARD = reverse("wagtailadmin_home")


@pytest.fixture
def catalogue(db):
    return CourseCataloguePage.objects.get(slug="courses")


def draft_of(page, user, title):
    """The user changes a published page and saves without publishing."""
    page.title = title
    return page.save_revision(user=user)


def submit(obj, user):
    """The user submits their latest revision to the object's workflow (Course approval)."""
    revision = obj.save_revision(user=user)
    workflow = obj.get_workflow()
    workflow.start(obj, user)
    return revision


def answers(quiz, user, *, question_title, right: int, wrong: int, start: int = 0):
    """Finished attempts by ``user`` in which the question was answered right or wrong."""
    now = timezone.now()
    for n in range(right + wrong):
        attempt = Attempt.objects.create(
            user=user,
            quiz=quiz,
            quiz_title=quiz.title,
            course_title=quiz.get_parent().title,
            number=start + n + 1,
            status=AttemptStatus.FINISHED,
            started_at=now,
            finished_at=now,
        )
        AttemptQuestion.objects.create(
            attempt=attempt,
            position=1,
            question_title=question_title,
            question_type="single_choice",
            prompt="?",
            content={},
            marks=1,
            correct=n < right,
        )


def test_a_trainers_drafts_are_theirs_unpublished_and_not_yet_submitted(people, catalogue):
    trainer = people["trainer"]
    course = CoursePageFactory(parent=catalogue, title="Hate crime")
    published = CoursePageFactory(parent=catalogue, title="Judaism")
    someone_elses = CoursePageFactory(parent=catalogue, title="Islam")
    sent = CoursePageFactory(parent=catalogue, title="Sikhism")
    draft_of(course, trainer, "Hate crime: recognise and record")
    draft_of(someone_elses, people["administrator"], "Islam (draft)")
    submit(sent, trainer)
    question = QuestionFactory(title="Which Act?")
    question.prompt = "Which Act covers it?"
    question.save_revision(user=trainer)

    drafts = selectors.drafts_for(trainer, limit=5)

    assert [(d.title, d.kind, d.is_live) for d in drafts] == [
        ("Which Act?", "Question", True),
        ("Hate crime: recognise and record", "Page", True),
    ]
    assert drafts[1].edit_url == reverse("wagtailadmin_pages:edit", args=[course.pk])
    assert drafts[0].edit_url == reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    assert published.title not in [d.title for d in drafts]


def test_what_a_trainer_sent_for_approval_shows_where_it_waits_and_when_changes_are_requested(people, catalogue):
    trainer = people["trainer"]
    waiting = CoursePageFactory(parent=catalogue, title="Hate crime")
    sent_back = CoursePageFactory(parent=catalogue, title="Judaism")
    submit(waiting, trainer)
    submit(sent_back, trainer)
    state = sent_back.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, people["administrator"], "reject")
    question = QuestionFactory(title="Which Act?")
    submit(question, trainer)
    submit(CoursePageFactory(parent=catalogue, title="Islam"), people["administrator"])

    submissions = selectors.awaiting_approval_for(trainer, limit=5)

    assert {(s.title, s.kind, s.task_name, s.needs_changes) for s in submissions} == {
        ("Hate crime", "Page", "Content approvers review", False),
        ("Judaism", "Page", "Content approvers review", True),
        ("Which Act?", "Question", "Content approvers review", False),
    }


def test_content_due_for_review_counts_overdue_and_due_soon_and_names_the_course(catalogue):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    overdue = CoursePageFactory(parent=catalogue, title="Hate crime", review_by=today - day)
    ModulePageFactory(parent=overdue, title="The law", review_by=today + 10 * day)
    ModulePageFactory(parent=overdue, title="Later", review_by=today + 31 * day)
    CoursePageFactory(parent=catalogue, title="Undated")

    from courses.selectors import content_due_for_review

    due = content_due_for_review(today=today, horizon_days=30, limit=5)

    assert (due.overdue, due.due_soon) == (1, 1)
    assert [(i.title, i.is_course, i.course_title, i.is_overdue) for i in due.items] == [
        ("Hate crime", True, "Hate crime", True),
        ("The law", False, "Hate crime", False),
    ]


def test_the_lowest_facility_questions_come_first_with_their_quiz_and_course(people, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Judaism")
    quiz = QuizPageFactory(parent=course, title="Knowledge check")
    officer = people["officer"]
    answers(quiz, officer, question_title="Shabbat", right=1, wrong=4)
    answers(quiz, officer, question_title="Kosher", right=4, wrong=1, start=10)
    answers(quiz, officer, question_title="Rarely asked", right=0, wrong=2, start=20)
    in_progress = Attempt.objects.create(
        user=officer, quiz=quiz, quiz_title="x", course_title="y", number=99, started_at=timezone.now()
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=in_progress, position=p, question_title="Kosher", question_type="t", prompt="", content={}, marks=1
        )
        for p in range(1, 3)
    )

    hardest = lowest_facility(limit=5, min_asked=5)

    assert [(q.question_title, q.facility, q.asked, q.quiz_title, q.course_title) for q in hardest] == [
        ("Shabbat", 20, 5, "Knowledge check", "Judaism"),
        ("Kosher", 80, 5, "Knowledge check", "Judaism"),
    ]
    assert hardest[0].quiz_id == quiz.pk


def test_the_trainers_dashboard_shows_each_panel_with_links(client_as, people, catalogue):
    trainer = people["trainer"]
    today = timezone.localdate()
    course = CoursePageFactory(parent=catalogue, title="Hate crime", review_by=today - datetime.timedelta(days=3))
    draft_of(course, trainer, "Hate crime (new)")
    submit(CoursePageFactory(parent=catalogue, title="Judaism"), trainer)
    quiz = QuizPageFactory(parent=course, title="Knowledge check")
    answers(quiz, people["officer"], question_title="Aggravated offences", right=1, wrong=5)

    html = client_as("trainer").get(DASHBOARD).content.decode()

    assert "Your drafts" in html and "Hate crime (new)" in html
    assert "Sent for approval" in html and "Awaiting Content approvers review" in html
    assert "Content due for review" in html and "Review overdue" in html
    assert reverse("courses_reports:content_review") in html
    assert "Questions officers most often get wrong" in html and "Aggravated offences" in html
    assert "17 % (1 of 6 fully right)" in html
    assert f"{reverse('quizzes_reports:item_analysis')}?quiz={quiz.pk}" in html


def test_an_empty_trainers_dashboard_says_what_each_panel_would_hold(client_as, people):
    html = client_as("trainer").get(DASHBOARD).content.decode()
    assert "You have no unpublished changes" in html
    assert "Nothing you sent for approval is waiting" in html
    assert "No course or module needs review in the next 30 days." in html
    assert "No question has been asked 5 times yet" in html


def queries_for(client) -> int:
    client.get(DASHBOARD)  # caches warmed (settings, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def fill(trainer, catalogue, officer, n: int, offset: int):
    today = timezone.localdate()
    for i in range(n):
        course = CoursePageFactory(parent=catalogue, title=f"Course {offset + i}", review_by=today)
        ModulePageFactory(parent=course, title=f"Module {offset + i}", review_by=today)
        draft_of(course, trainer, f"Course {offset + i} (draft)")
        submit(CoursePageFactory(parent=catalogue, title=f"Sent {offset + i}"), trainer)
        question = QuestionFactory(title=f"Question {offset + i}")
        question.save_revision(user=trainer)
        quiz = QuizPageFactory(parent=course, title=f"Quiz {offset + i}")
        answers(quiz, officer, question_title=f"Asked {offset + i}", right=i % 5, wrong=5)


def test_the_trainers_dashboard_queries_do_not_grow_with_content(client_as, people, catalogue):
    """
    Pinned: 8 rows of each kind or 3, the same queries (panels show five rows each). Wagtail's
    "Awaiting your review" panel asks once per active workflow task whether the viewer may
    review it (``TaskState.objects.reviewable_by``): that is the only figure that moves, with
    the tasks, never with the content.
    """
    client = client_as("trainer")
    fill(people["trainer"], catalogue, people["officer"], 3, 0)
    small = queries_for(client)
    fill(people["trainer"], catalogue, people["officer"], 8, 100)
    pinned = PINNED_TRAINER + Task.objects.filter(active=True).count()
    assert (small, queries_for(client)) == (pinned, pinned)


def test_the_managers_dashboard_keeps_its_panel_and_a_fixed_count(client_as, people):
    client = client_as("manager_of_unit")
    html = client.get(DASHBOARD).content.decode()
    assert "Training in your units" in html
    assert "Your drafts" not in html
    assert queries_for(client) == PINNED_MANAGER


PINNED_TRAINER = 27
PINNED_MANAGER = 14


def test_approvers_keep_wagtails_review_panel(client_as, people, approver, catalogue):
    submit(CoursePageFactory(parent=catalogue, title="Hate crime"), people["trainer"])
    assert Workflow.objects.get(name="Course approval")
    client = client_as("anonymous")
    client.force_login(approver)
    html = client.get(DASHBOARD).content.decode()
    assert "Awaiting your review" in html
    assert "Hate crime" in html
