"""
The seven causes of a server error from bad input found in the security review (issue 11,
finding 4), each answered now with a clear 4xx that changes nothing, and the one place that
refuses control characters. The resolver-driven fuzz test (tests/test_fuzz.py) checks the
same across every route.
"""

import csv
import io
import json

import openpyxl
import pytest
from django.test import Client, RequestFactory

from accounts.models import UnitMembership
from core.middleware import has_control_characters
from core.views import bad_request
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage, CoursePage, Enrolment
from courses.views import search_terms
from quizzes import services
from quizzes.models import Attempt
from tests.quizzes.conftest import bank, form_data, post_data, quiz, quiz_course  # noqa: F401

pytestmark = pytest.mark.django_db

TOO_BIG = str(2**63)  # one more than the largest 64-bit id


@pytest.fixture
def course(db):
    course = CoursePageFactory(
        parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime awareness", slug="hate-crime"
    )
    ModulePageFactory(parent=course, title="Shabbat and festivals", slug="shabbat")
    return course


# 1. Enrol with a ``next`` that is not a path on this site.


@pytest.mark.parametrize("next_url", ["//evil.example/", "https://evil.example/", "/\\evil.example/"])
def test_enrolling_with_a_next_on_another_site_goes_to_the_first_module(client_as, course, next_url):
    response = client_as("officer").post(course.url + "enrol/", {"next": next_url})
    assert response.status_code == 302
    assert response.url == course.url + "shabbat/"
    assert Enrolment.objects.filter(course=course).count() == 1


@pytest.mark.parametrize("next_url", ["abc", "courses:search", " ", '"'])
def test_a_next_that_is_not_an_address_is_refused_clearly_and_enrols_no_one(client_as, course, next_url):
    response = client_as("officer").post(course.url + "enrol/", {"next": next_url})
    assert response.status_code == 400
    assert "not an address on this site" in response.content.decode()
    assert not Enrolment.objects.exists()
    assert client_as("administrator").get("/admin/pages/", {"next": next_url}).status_code == 400


def test_the_enrol_view_never_reverses_next(rf, course, people):
    from courses.views import _safe_next

    request = rf.post("/", {"next": "abc"})
    assert _safe_next(request, "/fallback/") == "/fallback/"
    request = rf.post("/", {"next": "/courses/"})
    assert _safe_next(request, "/fallback/") == "/courses/"


def test_enrolling_with_a_local_next_goes_there(client_as, course):
    response = client_as("officer").post(course.url + "enrol/", {"next": "/search/?q=x"})
    assert response.status_code == 302 and response.url == "/search/?q=x"


# 2. Search for a quote or a null byte.


@pytest.mark.parametrize("query", ['"', 'a"b', '"Shabbat', "*", "(", "NEAR(a b)", "^x", "a:b", "\\", "{x}", "'"])
def test_search_for_search_syntax_answers_a_page(client_as, course, query):
    response = client_as("officer").get("/search/", {"q": query})
    assert response.status_code == 200


def test_search_with_quotes_still_finds_the_words(client_as, course):
    content = client_as("officer").get("/search/", {"q": '"Shabbat"'}).content.decode()
    assert "Shabbat and festivals" in content


def test_search_terms_are_plain_words():
    assert search_terms('  "Shabbat*"  (festivals)\x00 ') == "Shabbat festivals"
    assert search_terms("x" * 500) == "x" * 200


def test_search_for_a_null_byte_is_refused_clearly(client_as, course):
    response = client_as("officer").get("/search/", {"q": "Shab\x00bat"})
    assert response.status_code == 400
    assert "control character" in response.content.decode()


# 3. A null byte in a short-text answer, through the background save, the page's save and submit.


def _short_text_data(attempt, text):
    data = form_data(attempt)
    position = attempt.questions.get(question_type="short_text").position
    data.setlist(f"q-{position}", [text])
    return post_data(data)


@pytest.mark.parametrize("route", ["save", "attempt", "submit", "background"])
def test_a_null_byte_in_an_answer_is_refused_and_saves_nothing(client_as, people, quiz, route):  # noqa: F811
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    before = list(attempt.questions.order_by("position").values_list("response", flat=True))
    url = {
        "save": quiz.url + "attempt/1/save/",
        "attempt": quiz.url + "attempt/1/",
        "submit": quiz.url + "attempt/1/submit/",
        "background": f"/quizzes/{quiz.pk}/attempts/1/save/",
    }[route]
    response = client_as("officer").post(url, _short_text_data(attempt, "no\x00idea"))
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"
    assert list(attempt.questions.order_by("position").values_list("response", flat=True)) == before


def test_an_answer_with_tabs_and_new_lines_is_saved(client_as, people, quiz):  # noqa: F811
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    response = client_as("officer").post(
        f"/quizzes/{quiz.pk}/attempts/1/save/", _short_text_data(attempt, "two\tlines\r\nhere")
    )
    assert response.status_code == 200 and response.json()["saved"]
    assert attempt.questions.get(question_type="short_text").response == {"text": "two\tlines\r\nhere"}


# 4. A urlencoded body in UTF-16 (Django's own 400 handler re-read it and failed).


def _utf16_post(client, url):
    return client.post(
        url, "username=officer&password=x", content_type="application/x-www-form-urlencoded; charset=utf-16"
    )


@pytest.mark.parametrize("url", ["/account/sign-in/", "/admin/login/", "/search/"])
def test_a_form_in_utf16_gets_a_clear_400_with_the_csrf_check_on(db, url):
    client = Client(enforce_csrf_checks=True)
    client.raise_request_exception = False
    client.get("/account/sign-in/")  # a CSRF cookie, as a browser would have
    response = client.post(
        url,
        "username=officer",
        content_type="application/x-www-form-urlencoded; charset=utf-16",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_a_quiz_answer_in_utf16_saves_nothing(client_as, people, quiz):  # noqa: F811
    attempt = services.start_attempt(user=people["officer"], quiz=quiz)
    before = list(attempt.questions.values_list("response", "answered_at"))
    client = client_as("officer")
    client.raise_request_exception = False
    response = _utf16_post(client, f"/quizzes/{quiz.pk}/attempts/1/save/")
    assert response.status_code == 400
    assert list(Attempt.objects.get().questions.values_list("response", "answered_at")) == before


def test_the_400_handler_reads_nothing_from_the_body():
    request = RequestFactory().post(
        "/account/sign-in/", "a=b", content_type="application/x-www-form-urlencoded; charset=utf-16"
    )
    request.csrf_processing_done = False
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = bad_request(request, exception=None)
    assert response.status_code == 400


# 5. Ids too big for the database in report filters and forms.


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/reports/compliance/officers/?course={TOO_BIG}",
        f"/admin/reports/compliance/officers/?unit={TOO_BIG}",
        f"/admin/reports/item-analysis/?quiz={TOO_BIG}",
        f"/admin/attempts/?quiz={TOO_BIG}",
        f"/admin/requirements/?course={TOO_BIG}",
        f"/admin/exemptions/?requirement={TOO_BIG}",
        f"/admin/reports/site-history/?user={TOO_BIG}",
        f"/admin/snippets/quizzes/question/?tag={TOO_BIG}",
    ],
)
def test_a_filter_on_an_id_too_big_for_the_database_answers_a_page(client_as, people, url):
    client = client_as("administrator")
    client.raise_request_exception = False
    assert client.get(url).status_code in {200, 302}


def test_a_form_choosing_ids_too_big_for_the_database_shows_an_error(client_as, people, org):
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(
        "/admin/units/new/", {"name": "New", "kind": "team", "parent": TOO_BIG, "managers": TOO_BIG}
    )
    assert response.status_code == 200  # the form again, with its errors
    assert "Select a valid choice" in response.content.decode()


def test_choosing_a_course_too_big_for_the_database_is_an_invalid_choice():
    from django import forms

    field = forms.ModelChoiceField(queryset=CoursePage.objects.all())
    with pytest.raises(forms.ValidationError):
        field.clean(TOO_BIG)
    many = forms.ModelMultipleChoiceField(queryset=CoursePage.objects.all())
    with pytest.raises(forms.ValidationError):
        many.clean([TOO_BIG])


# 6. The unit history export.


def test_unit_history_exports_warrant_numbers_in_csv_and_xlsx(client_as, people):
    client = client_as("administrator")
    officer = people["officer"]
    membership = UnitMembership.objects.get(user=officer)
    response = client.get("/admin/unit_history/", {"export": "csv", "q": officer.warrant_number})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Person", "Warrant no.", "Unit", "Joined", "Left"]
    assert rows[1][:3] == [str(officer), officer.warrant_number, str(membership.unit)]
    assert len(rows) == 2

    response = client.get("/admin/unit_history/", {"export": "xlsx", "q": officer.warrant_number})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][:3] == ("Person", "Warrant no.", "Unit")
    assert values[1][:3] == (str(officer), officer.warrant_number, str(membership.unit))


# 7. A page or snippet edited without the StreamField's hidden fields.


@pytest.mark.parametrize("count", [None, "abc", "5"])
def test_a_page_edit_without_the_streamfield_count_is_refused_and_changes_nothing(client_as, people, course, count):
    client = client_as("administrator")
    client.raise_request_exception = False
    data = {"title": "Renamed", "slug": course.slug}
    if count is not None:
        data["body-count"] = count  # "5" with none of the five blocks' fields
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 400
    assert "hidden fields" in response.content.decode()
    course.refresh_from_db()
    assert course.title == "Hate crime awareness"
    assert course.revisions.count() == 1


def test_a_page_created_without_the_streamfield_count_is_refused(client_as, people, course):
    client = client_as("administrator")
    client.raise_request_exception = False
    before = CoursePage.objects.count()
    response = client.post(f"/admin/pages/add/courses/modulepage/{course.pk}/", {"title": "New", "slug": "new-module"})
    assert response.status_code == 400
    assert CoursePage.objects.count() == before


def test_a_page_preview_without_the_streamfield_count_is_refused(client_as, people, course):
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(f"/admin/pages/{course.pk}/edit/preview/", {"title": "Renamed", "slug": course.slug})
    assert response.status_code == 400
    assert "hidden fields" in response.content.decode()


def test_a_question_edited_without_the_streamfield_count_is_refused(client_as, people, bank):  # noqa: F811
    question = bank["short_text"]
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(f"/admin/snippets/quizzes/question/edit/{question.pk}/", {"title": "Renamed"})
    assert response.status_code == 400
    question.refresh_from_db()
    assert question.title == "Short text"


# The one place that refuses control characters.


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_control_characters_are_refused_in_querystrings_and_forms(client_as, people, character):
    client = client_as("officer")
    assert client.get("/search/", {"q": f"a{character}b"}).status_code == 400
    assert client.get(f"/search/?q{character}=a").status_code == 400  # in a field's name
    response = client.post("/account/password/", {"old_password": f"x{character}"})
    assert response.status_code == 400


def test_tab_and_new_lines_are_accepted():
    assert not has_control_characters("a\tb\r\nc")
    assert has_control_characters({"answers": ["fine", {"nested": "bad\x00"}]})
    assert has_control_characters({"bad\x07key": 1})


def test_control_characters_in_a_json_body_are_refused(client_as, people):
    client = client_as("officer")
    response = client.post("/search/", json.dumps({"q": "a\u0000b"}), content_type="application/json")
    assert response.status_code == 400
    not_json = client.post("/search/", "{not json", content_type="application/json")
    assert not_json.status_code != 500


def test_control_characters_in_a_path_are_refused(client_as, people):
    assert client_as("administrator").get("/admin/pages/search/%00/").status_code in {400, 404}
    assert client_as("officer").get("/courses/hate%01crime/").status_code == 400


# Found by the fuzz test: deleting what records depend on.


def test_a_course_that_a_requirement_names_is_not_deleted(client_as, people, org, course):
    from compliance.factories import RequirementFactory, unit_target

    RequirementFactory(course=course, targets=[unit_target(org.team_a)])
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(f"/admin/pages/{course.pk}/delete/")
    assert response.status_code == 302
    assert CoursePage.objects.filter(pk=course.pk).exists()
    response = client.get(response.url)
    assert "cannot be deleted" in response.content.decode()


def test_a_question_category_with_questions_is_not_deleted(client_as, people, bank):  # noqa: F811
    category = bank["short_text"].category
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(f"/admin/snippets/quizzes/questioncategory/delete/{category.pk}/")
    # Refused with a message: ours ("still has questions"), or Wagtail's own when its reference
    # index already knows the questions use the category.
    assert response.status_code == 302
    assert (
        "still has questions" in client.get(response["Location"]).content.decode() or response["Location"] == "/admin/"
    )
    category.refresh_from_db()


def test_a_copy_without_a_destination_is_refused(client_as, people, course):
    client = client_as("administrator")
    client.raise_request_exception = False
    for destination in [None, "abc", "1.5", str(2**64), "999999"]:
        data = {"new_title": "Copy", "new_slug": "copy"}
        if destination is not None:
            data["new_parent_page"] = destination
        response = client.post(f"/admin/pages/{course.pk}/copy/", data)
        assert response.status_code == 400, destination
    assert not CoursePage.objects.filter(slug="copy").exists()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/admin/documents/chooser/chosen/../", 404),
        ("/admin/documents/chooser/chosen/abc/", 404),
        (f"/admin/documents/chooser/chosen/{2**64}/", 404),
        ("/admin/snippets/choose/quizzes/question/chosen-multiple/?id=abc&id=1.5", 200),
    ],
)
def test_wagtail_choosers_treat_an_id_that_is_not_a_number_as_not_found(client_as, people, url, status):
    client = client_as("administrator")
    client.raise_request_exception = False
    assert client.get(url).status_code == status


def test_a_chooser_form_reshown_with_a_garbage_id_shows_its_errors(client_as, people):
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post("/admin/requirements/new/", {"course": "//evil.example", "active": "on"})
    assert response.status_code == 200


def test_the_external_link_chooser_without_an_address_asks_for_one(client_as, people):
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post("/admin/choose-external-link/", {})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


def test_a_chooser_create_url_without_a_creation_form_is_not_found(client_as, people):
    client = client_as("administrator")
    client.raise_request_exception = False
    assert client.post("/admin/snippets/choose/quizzes/question/create/", {"title": "x"}).status_code == 404


def test_an_http_delete_to_a_delete_view_is_refused_and_deletes_nothing(client_as, people, quiz):  # noqa: F811
    """Django's DeletionMixin would delete at once, skipping Wagtail's checks (a protected question was a 500)."""
    from quizzes.models import Question, QuizQuestionSlot

    question = QuizQuestionSlot.objects.filter(question__isnull=False).first().question
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.delete(f"/admin/snippets/quizzes/question/delete/{question.pk}/")
    assert response.status_code == 405
    assert Question.objects.filter(pk=question.pk).exists()


def test_a_question_a_quiz_uses_is_not_deleted_through_the_form_either(client_as, people, quiz):  # noqa: F811
    from quizzes.models import Question, QuizQuestionSlot

    question = QuizQuestionSlot.objects.filter(question__isnull=False).first().question
    client = client_as("administrator")
    client.raise_request_exception = False
    response = client.post(f"/admin/snippets/quizzes/question/delete/{question.pk}/")
    assert response.status_code in {302, 403}
    assert Question.objects.filter(pk=question.pk).exists()
