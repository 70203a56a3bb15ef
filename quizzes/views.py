"""
Officer-facing quiz views, called by ``QuizPage``'s routes. They check the request, call
``services`` and redirect (post/redirect/get). Every refusal is an HTTP 4xx with a clear
message and changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import kept_answers, services
from .models import Attempt, AttemptStatus, Layout, QuizPage
from .selectors import eligibility, question_form, quiz_overview, review_for, reviewed_question


def _attempt_url(quiz: QuizPage, number: int, **query) -> str:
    url = quiz.url + quiz.reverse_subpage("attempt", args=[number])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def _error(request, quiz: QuizPage, error: services.QuizError, number: int | None = None):
    return TemplateResponse(
        request,
        "quizzes/error.html",
        {"page": quiz, "message": error.message, "number": number},
        status=error.status,
    )


def quiz_home(request, *, quiz: QuizPage):
    """The quiz's front page. An attempt whose time ran out is closed and marked here."""
    overview = quiz_overview(quiz=quiz, user=request.user)
    in_progress = overview.in_progress
    if in_progress and not getattr(request, "is_preview", False) and services.close_if_overdue(attempt=in_progress):
        overview = quiz_overview(quiz=quiz, user=request.user)
    return quiz.render(request, overview=overview)


def start(request, *, quiz: QuizPage):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        attempt = services.start_attempt(user=request.user, quiz=quiz)
    except services.QuizError as error:
        messages.error(request, error.message)
        return redirect(quiz.url)
    return redirect(_attempt_url(quiz, attempt.number, q=attempt.current_position))


def _apply_kept_answers(request, quiz: QuizPage, number: int) -> None:
    """Answers this officer sent after their session had ended were kept; save them now they are back."""
    kept = kept_answers.take(request, quiz_id=quiz.pk, number=number)
    if kept is None:
        return
    try:
        services.save_answers(user=request.user, quiz=quiz, number=number, data=kept.data)
    except services.QuizError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Welcome back. Your session had ended, but the answers you sent were kept and are now saved."),
        )


def attempt(request, *, quiz: QuizPage, number: int):
    """Show the attempt's questions (one page or all), or save them and move on."""
    if request.method == "POST":
        return _save_and_move(request, quiz, number)
    _apply_kept_answers(request, quiz, number)
    record = Attempt.objects.filter(user=request.user, quiz=quiz, number=number).first()
    if record is None:
        raise Http404
    if record.status == AttemptStatus.IN_PROGRESS and services.close_if_overdue(attempt=record):
        messages.error(request, _("The time allowed ran out. Your attempt has been marked with the answers saved."))
        record.refresh_from_db()
    if record.is_finished:
        return redirect(quiz.url + quiz.reverse_subpage("result", args=[number]))

    questions = list(record.questions.all())
    total = len(questions)
    if request.GET.get("summary"):
        return TemplateResponse(
            request,
            "quizzes/summary.html",
            {"page": quiz, "attempt": record, "questions": [question_form(q) for q in questions]},
        )
    one_per_page = record.settings.get("layout") == Layout.ONE_PER_PAGE
    if one_per_page:
        try:
            position = int(request.GET.get("q", record.current_position))
        except ValueError:
            position = record.current_position
        position = min(max(position, 1), total)
        shown = [questions[position - 1]]
    else:
        position, shown = 1, questions
    return TemplateResponse(
        request,
        "quizzes/attempt.html",
        {
            "page": quiz,
            "attempt": record,
            "questions": [question_form(q) for q in shown],
            "position": position,
            "total": total,
            "one_per_page": one_per_page,
            "answered": sum(1 for q in questions if q.response),
            "kept_for": kept_answers.token_for(user=request.user, quiz_id=quiz.pk, number=number),
            "grace_seconds": int(services.GRACE.total_seconds()),
        },
    )


def _save_and_move(request, quiz: QuizPage, number: int):
    action = request.POST.get("action", "save")
    try:
        position = int(request.POST.get("position", "1"))
    except ValueError:
        position = 1
    target = {"next": position + 1, "previous": position - 1}.get(action, position)
    try:
        record = services.save_answers(user=request.user, quiz=quiz, number=number, data=request.POST, position=target)
    except services.QuizError as error:
        return _error(request, quiz, error, number)
    if action == "finish":
        return redirect(_attempt_url(quiz, number, summary=1))
    total = record.questions.count()
    return redirect(_attempt_url(quiz, number, q=min(max(target, 1), total)))


def autosave(request, *, quiz: QuizPage, number: int):
    """The page route of the background save (kept for pages opened before ``save_in_background``)."""
    return save_in_background(request, quiz_id=quiz.pk, number=number)


def save_in_background(request, quiz_id: int, number: int):
    """
    Saved in the background as the officer answers (see quizzes/static/quizzes/autosave.js).
    A plain URL, not a route of the quiz page: it touches only the officer's own attempt,
    found by the quiz's id and the attempt's number, so it needs none of the page tree.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return _signed_out_json(request, kept_answers.keep(request, quiz_id=quiz_id, number=number))
    try:
        services.save_answers(user=request.user, quiz=quiz_id, number=number, data=request.POST)
    except services.QuizError as error:
        return JsonResponse({"saved": False, "message": error.message}, status=error.status)
    return JsonResponse({"saved": True, "saved_at": timezone.localtime().strftime("%H:%M:%S")})


def _signed_out_json(request, refused: str | None):
    """The background save's answer to a signed-out browser: whether what it sent was kept."""
    if refused:
        return JsonResponse({"saved": False, "message": refused}, status=413)
    if kept_answers.SESSION_KEY in request.session:
        return JsonResponse({"saved": False, "message": kept_answers.kept_message()}, status=401)
    return JsonResponse({"saved": False, "message": _("You have been signed out. Sign in again.")}, status=401)


def submit(request, *, quiz: QuizPage, number: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.submit_attempt(user=request.user, quiz=quiz, number=number, data=request.POST)
    except services.QuizError as error:
        return _error(request, quiz, error, number)
    return redirect(quiz.url + quiz.reverse_subpage("result", args=[number]))


def result(request, *, quiz: QuizPage, number: int):
    record = Attempt.objects.filter(user=request.user, quiz=quiz, number=number).first()
    if record is None:
        raise Http404
    if not record.is_finished:
        return redirect(_attempt_url(quiz, number))
    allowed = eligibility(user=request.user, quiz=quiz)
    review = review_for(attempt=record, allowed=allowed)
    questions = [reviewed_question(q) for q in record.questions.all()] if review.shows_which_right else []
    return TemplateResponse(
        request,
        "quizzes/result.html",
        {
            "page": quiz,
            "attempt": record,
            "review": review,
            "questions": questions,
            "eligibility": allowed,
            "course": quiz.course,
        },
    )


def keep_answers_posted_after_session_expired(request, *, quiz: QuizPage):
    """
    An officer whose session has ended (a long call, a lost signal) and who then presses
    "Next" or "Submit" would lose those answers at the sign-in page. Keep them in the new
    session instead, for that officer only and for a short while (``kept_answers``); once
    they sign in again, the attempt page saves them.
    """
    if request.user.is_authenticated or request.method != "POST":
        return None
    # Wagtail's routing has already matched the sub-page (RoutablePageMixin.route).
    match = getattr(request, "routable_resolver_match", None)
    if match is None or match.url_name not in {"attempt", "save", "submit"}:
        return None
    number = int(match.kwargs["number"])
    refused = kept_answers.keep(request, quiz_id=quiz.pk, number=number)
    if match.url_name == "save":
        return _signed_out_json(request, refused)
    if refused:
        error = services.QuizError(refused)
        error.status = 413
        return _error(request, quiz, error, number)
    if kept_answers.SESSION_KEY in request.session:
        # Said on the sign-in page, so that nobody retypes what is already kept.
        messages.info(request, kept_answers.kept_message())
    return redirect_to_login(_attempt_url(quiz, number))
