"""
Answers an officer sent after their session had ended, kept until they sign in again
(issue 11, finding 7; docs/security.md section 7).

An officer whose session ends mid-attempt (a long call, a lost signal, the idle timeout) and
who then presses "Save and continue" would lose those answers at the sign-in page. They are
kept in the browser's new, anonymous session instead, and saved into the attempt once the
officer is back. Three rules keep that from being a way into someone else's attempt:

- **Only for the person whose session ended.** Every attempt page carries a signed token
  naming its officer, quiz and attempt (``token_for``). Answers posted without a valid token
  for that quiz and attempt are not kept. Once someone signs in, kept answers apply only if
  the token named them; anyone else signing in on the same browser discards them.
- **Within a short window**: ``QUIZ_KEPT_ANSWERS_MINUTES`` (15 by default) from the post
  to the sign-in; after it they are discarded.
- **Bounded in size**: at most ``MAX_VALUES`` values of at most ``MAX_CHARS`` characters each
  (no answer can be longer); anything bigger is refused with a clear message and not kept.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .scoring import MAX_TEXT_ANSWER

SESSION_KEY = "quiz_answers_kept_at_sign_in"
OWNER_FIELD = "kept_for"
SALT = "quizzes.kept-answers"
# A quiz page shows at most a few dozen questions, each one value or a few (matching, several
# choices): 300 values covers any real page. No answer is longer than a short-text answer.
MAX_VALUES = 300
MAX_CHARS = MAX_TEXT_ANSWER
NOT_KEPT_FIELDS = {"csrfmiddlewaretoken", OWNER_FIELD}

TOO_LARGE = _(
    "You have been signed out, and what was sent is larger than any set of answers, so it was not kept. "
    "Sign in again and answer the questions on this page again."
)


def kept_message() -> str:
    """What the officer is told on the way to the sign-in page when their answers were kept."""
    return str(
        _(
            "You were signed out, but the answers you sent are kept. Sign in again within %(minutes)s minutes "
            "and they will be saved to your attempt."
        )
        % {"minutes": settings.QUIZ_KEPT_ANSWERS_MINUTES}
    )


@dataclass(frozen=True)
class Kept:
    """The answers kept for one officer's attempt, ready to save."""

    user_id: int
    quiz_id: int
    number: int
    data: QueryDict


def token_for(*, user, quiz_id: int, number: int) -> str:
    """The signed token an attempt page carries: whose attempt it is."""
    return signing.dumps({"user": user.pk, "quiz": quiz_id, "number": number}, salt=SALT, compress=False)


def _window_seconds() -> int:
    return settings.QUIZ_KEPT_ANSWERS_MINUTES * 60


def keep(request, *, quiz_id: int, number: int) -> str | None:
    """
    Keep what an anonymous request posted to ``quiz_id``'s attempt ``number``, if its token
    says whose attempt it is. Returns a message if it was refused for its size, else None
    (kept, or silently not kept: nothing says whose it would be).
    """
    fields = {key: request.POST.getlist(key) for key in request.POST if key not in NOT_KEPT_FIELDS}
    values = [value for values in fields.values() for value in values]
    if len(values) > MAX_VALUES or any(len(value) > MAX_CHARS for value in [*values, *fields]):
        request.session.pop(SESSION_KEY, None)
        return str(TOO_LARGE)
    try:
        # A page is never older than the session that showed it.
        owner = signing.loads(request.POST.get(OWNER_FIELD, ""), salt=SALT, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(owner, dict) or owner.get("quiz") != quiz_id or owner.get("number") != number:
        return None
    request.session[SESSION_KEY] = {
        "user": owner.get("user"),
        "quiz": quiz_id,
        "number": number,
        "kept_at": int(time.time()),
        "data": fields,
    }
    return None


def take(request, *, quiz_id: int, number: int) -> Kept | None:
    """
    The answers kept for the signed-in officer's attempt ``number`` of ``quiz_id``, removed
    from the session; None if there are none. Answers kept for anyone else, or longer ago than
    the window, are discarded here too.
    """
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    if kept.get("user") != request.user.pk or time.time() - kept.get("kept_at", 0) > _window_seconds():
        del request.session[SESSION_KEY]
        return None
    if kept.get("quiz") != quiz_id or kept.get("number") != number:
        return None  # theirs, for another attempt: kept until they open it (or the window ends)
    del request.session[SESSION_KEY]
    data = QueryDict(mutable=True)
    for key, values in kept["data"].items():
        data.setlist(key, values)
    return Kept(user_id=request.user.pk, quiz_id=quiz_id, number=number, data=data)


def discard_unless_theirs(*, request, user, **kwargs) -> None:
    """On sign-in (``user_logged_in``): answers kept for someone else never reach this person."""
    session = getattr(request, "session", None)
    kept = session.get(SESSION_KEY) if session is not None else None
    if kept and kept.get("user") != user.pk:
        del session[SESSION_KEY]
