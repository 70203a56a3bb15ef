"""Deep linking answered to the test platform, and grades passed back to its AGS line item over HTTP."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.utils import timezone

from courses import services as course_services
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage
from lti.keys import rotate_keys
from lti.models import ScorePost, ScoreStatus
from lti.services import post_due_scores
from tests.lti.conftest import CLIENT_ID, DEPLOYMENT_ID, LTI, launch

pytestmark = pytest.mark.django_db

DL_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items"


@pytest.fixture
def officer(people):
    officer = people["officer"]
    officer.email = "alex.morgan@police.test"
    officer.save()
    return officer


def hand_over_our_keys(client, server):
    """What the platform's administrator does once: give the platform our JWKS URL (here, its answer)."""
    server.tool_jwks = client.get("/lti/jwks/").json()


def deep_linking_launch(client, server, roles=None):
    return launch(client, server, claims=lambda nonce: server.deep_linking_claims(nonce=nonce, roles=roles))[0]


def test_deep_linking_lists_courses_and_returns_a_signed_resource_link_the_platform_verifies(
    client, platform, platform_server, course, django_assert_num_queries
):
    for number in range(5):
        CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title=f"Extra course {number}")
    response = deep_linking_launch(client, platform_server)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a course to add to Test Constabulary Moodle" in page, re.search(r"<h1.*?</h1>", page, re.S).group(0)
    assert page.count('name="course"') == 6
    action = re.search(r'action="(/lti/deep-link/[^"]+/)"', page).group(1)

    chosen = client.post(action, {"course": course.pk})
    assert chosen.status_code == 200
    html = chosen.content.decode()
    return_url = re.search(r'<form id="lti-deep-link-return" method="post" action="([^"]+)"', html).group(1)
    assert unescape(return_url) == platform_server.base + "/deep-link-return"
    assert platform_server.base in chosen["Content-Security-Policy"]  # the form may post there
    token = re.search(r'name="JWT" value="([^"]+)"', html).group(1)

    hand_over_our_keys(client, platform_server)
    claims = platform_server.verify_from_tool(token, audience=platform_server.issuer)
    assert claims["iss"] == CLIENT_ID
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "deployment_id"] == DEPLOYMENT_ID
    assert claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == "opaque-platform-data"
    (item,) = claims[DL_ITEMS]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Hate crime awareness"
    assert item["url"] == "http://testserver/lti/launch/"
    assert item["custom"] == {"page_id": str(course.pk)}
    assert item["lineItem"]["scoreMaximum"] == 100


def test_the_course_list_costs_the_same_queries_for_more_courses(client, platform, platform_server, course):
    from collections import Counter

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert deep_linking_launch(client, platform_server).status_code == 200
        return [query["sql"][:90] for query in captured]

    queries()  # the first launch makes our signing key
    few = queries()
    for number in range(10):
        CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title=f"Extra course {number}")
    queries()  # new pages drop the cached site settings
    more = queries()
    assert len(more) == len(few), Counter(more) - Counter(few)


def test_only_a_teacher_of_the_platform_can_choose_a_course(client, platform, platform_server, course):
    learner = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]
    response = deep_linking_launch(client, platform_server, roles=learner)
    assert response.status_code == 403


def test_a_choice_without_a_course_or_a_launch_is_refused_clearly(client, platform, platform_server, course):
    page = deep_linking_launch(client, platform_server).content.decode()
    action = re.search(r'action="(/lti/deep-link/[^"]+/)"', page).group(1)
    assert client.post(action, {"course": "not-a-number"}).status_code == 400
    assert client.post(action, {"course": str(2**63)}).status_code == 400
    refused = client.post("/lti/deep-link/lti1p3-launch-unknown/", {"course": course.pk})
    assert refused.status_code == 400
    assert "expired or was not started" in refused.content.decode()
    assert client.get(action).status_code == 405


def complete(officer, course):
    module = course.get_children().live().first().specific
    course_services.enrol(user=officer, course=course)
    course_services.start_module(user=officer, module=module)
    course_services.complete_module(user=officer, module=module)


def test_a_completed_course_sends_the_grade_to_the_line_item_it_was_launched_from(
    client, platform, platform_server, course, officer, django_capture_on_commit_callbacks
):
    assert launch(client, platform_server, page_id=course.pk)[0].status_code == 302
    hand_over_our_keys(client, platform_server)
    with django_capture_on_commit_callbacks(execute=True):
        complete(officer, course)

    (received,) = platform_server.scores
    assert received["path"] == "/lineitems/7/lineitem/scores"
    assert received["content_type"] == "application/vnd.ims.lis.v1.score+json"
    score = received["score"]
    assert score["userId"] == "moodle-user-42"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (100, 100)
    assert (score["activityProgress"], score["gradingProgress"]) == ("Completed", "FullyGraded")
    (token_request,) = platform_server.token_requests
    assert token_request["grant_type"] == "client_credentials"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in token_request["scope"].split()
    post = ScorePost.objects.get()
    assert (post.status, post.attempts) == (ScoreStatus.SENT, 1)


def test_a_grade_the_platform_refuses_is_kept_and_sent_on_a_later_try(
    client, platform, platform_server, course, officer, django_capture_on_commit_callbacks, time_machine
):
    assert launch(client, platform_server, page_id=course.pk)[0].status_code == 302
    hand_over_our_keys(client, platform_server)
    platform_server.fail_scores = 1
    with django_capture_on_commit_callbacks(execute=True):
        complete(officer, course)
    post = ScorePost.objects.get()
    assert (post.status, post.attempts, platform_server.scores) == (ScoreStatus.PENDING, 1, [])
    assert "service request" in post.last_error
    assert post_due_scores() == {}  # not yet due

    time_machine.move_to(post.next_attempt_at + timezone.timedelta(seconds=1))
    assert post_due_scores() == {"sent": 1}
    assert len(platform_server.scores) == 1
    assert post_due_scores() == {}  # sent once, never twice


def test_a_grade_is_given_up_after_the_last_try(
    client, platform, platform_server, course, officer, django_capture_on_commit_callbacks, time_machine, settings
):
    settings.LTI_SCORE_MAX_ATTEMPTS = 2
    launch(client, platform_server, page_id=course.pk)
    hand_over_our_keys(client, platform_server)
    platform_server.fail_scores = 5
    with django_capture_on_commit_callbacks(execute=True):
        complete(officer, course)
    time_machine.move_to(ScorePost.objects.get().next_attempt_at + timezone.timedelta(seconds=1))
    assert post_due_scores() == {"failed": 1}
    assert ScorePost.objects.get().status == ScoreStatus.FAILED


def test_a_rolled_back_completion_owes_no_grade(client, platform, platform_server, course, officer):
    from django.db import transaction

    launch(client, platform_server, page_id=course.pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        complete(officer, course)
        raise RuntimeError
    assert not ScorePost.objects.exists()
    assert platform_server.scores == []


def test_the_grade_is_signed_by_the_key_that_is_active_after_a_rotation(
    client, platform, platform_server, course, officer, django_capture_on_commit_callbacks
):
    launch(client, platform_server, page_id=course.pk)
    rotate_keys()
    hand_over_our_keys(client, platform_server)
    with django_capture_on_commit_callbacks(execute=True):
        complete(officer, course)
    assert len(platform_server.scores) == 1


def test_the_assessment_score_is_the_grade_sent(client, platform, platform_server, course, officer):
    from lti.services import owe_scores

    launch(client, platform_server, page_id=course.pk)
    complete(officer, course)
    completion = officer.coursecompletion_set.get() if hasattr(officer, "coursecompletion_set") else None
    if completion is None:
        from courses.models import CourseCompletion

        completion = CourseCompletion.objects.get(user=officer)
    completion.score = Decimal("72.50")
    ScorePost.objects.all().delete()
    owe_scores(completion=completion)
    assert ScorePost.objects.get().score_given == Decimal("72.50")


def test_a_grade_whose_task_never_ran_is_sent_by_the_cron_command_after_the_retry_delay(
    client, platform, platform_server, course, officer, time_machine
):
    """The outbox row outlives a lost task: `post_lti_scores` sends it once it is due."""
    from django.core.management import call_command

    assert launch(client, platform_server, page_id=course.pk)[0].status_code == 302
    hand_over_our_keys(client, platform_server)
    complete(officer, course)  # committed callbacks are not run here: the task is never queued
    post = ScorePost.objects.get()
    assert (post.status, post.attempts) == (ScoreStatus.PENDING, 0)
    assert post_due_scores() == {}  # the task may still be on its way

    time_machine.move_to(post.next_attempt_at + timezone.timedelta(seconds=1))
    call_command("post_lti_scores", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(platform_server.scores) == 1
    post.refresh_from_db()
    assert (post.status, post.attempts) == (ScoreStatus.SENT, 1)
