"""
How each learning event reads as an xAPI 1.0.3 statement. Plain functions of the event's records,
no queries (the actor's email and name are read only when configured to be sent): the listeners
in ``xapi.signals`` call them inside the event's transaction.

Ids are uuid5 of the event's identity (``"module-completed:<enrolment>:<module>"``...) in a
namespace derived from the activity base URL, so the same event always gives the same statement
id and two deployments posting to one LRS never collide. Activity ids are IRIs under the
platform's address built from database ids (``/xapi/activities/course/12``), which survive a
page being renamed or moved; they are identifiers, not pages to open.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.crypto import salted_hmac

LANGUAGE = "en-GB"
ADL = "http://adlnet.gov/expapi"

#: Verbs used, with the word shown for them (ADL's registry, and TinCan's "earned").
VERBS = {
    "attempted": f"{ADL}/verbs/attempted",
    "completed": f"{ADL}/verbs/completed",
    "answered": f"{ADL}/verbs/answered",
    "passed": f"{ADL}/verbs/passed",
    "failed": f"{ADL}/verbs/failed",
    "progressed": f"{ADL}/verbs/progressed",
    "earned": "http://id.tincanapi.com/verb/earned",
}

#: Activity types (ADL's, and one of our own for certificates).
ACTIVITY_TYPES = {
    "course": f"{ADL}/activities/course",
    "module": f"{ADL}/activities/module",
    "quiz": f"{ADL}/activities/assessment",
    "question": f"{ADL}/activities/cmi.interaction",
    "scorm": f"{ADL}/activities/module",
}


def base_url() -> str:
    return (settings.XAPI_ACTIVITY_BASE_URL or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def certificate_type() -> str:
    return f"{base_url()}/xapi/activity-types/certificate"


def extension(name: str) -> str:
    return f"{base_url()}/xapi/extensions/{name}"


def namespace() -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url()}/xapi/statements")


def statement_id(identity: str) -> str:
    """The stable id of the statement for one event."""
    return str(uuid.uuid5(namespace(), identity))


def registration(enrolment_id: int | None) -> str | None:
    """One registration per enrolment (one cycle of a course), grouping its statements."""
    return str(uuid.uuid5(namespace(), f"enrolment:{enrolment_id}")) if enrolment_id else None


def account_name(user_id: int) -> str:
    """The officer's pseudonym: an HMAC of their id, the same on every statement, not reversible without the key."""
    secret = settings.XAPI_ACTOR_KEY or settings.SECRET_KEY
    return salted_hmac("xapi.actor", str(user_id), secret=secret, algorithm="sha256").hexdigest()[:32]


def actor(user_id: int) -> dict:
    """
    The officer as an xAPI Agent: by default an account (``homePage`` the platform, ``name`` the
    pseudonym) and nothing else. ``XAPI_ACTOR_MODE=email`` sends their email address instead;
    ``XAPI_ACTOR_NAMES`` adds their name. Only these two read the person (one query).
    """
    agent: dict = {"objectType": "Agent"}
    person = None
    if settings.XAPI_ACTOR_MODE == "email" or settings.XAPI_ACTOR_NAMES:
        person = get_user_model().objects.filter(pk=user_id).values("email", "first_name", "last_name").first()
    if settings.XAPI_ACTOR_MODE == "email" and person and person["email"]:
        agent["mbox"] = f"mailto:{person['email']}"
    else:
        home_page = (settings.XAPI_ACTOR_HOMEPAGE or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
        agent["account"] = {"homePage": home_page, "name": account_name(user_id)}
    if settings.XAPI_ACTOR_NAMES and person:
        name = f"{person['first_name']} {person['last_name']}".strip()
        if name:
            agent["name"] = name
    return agent


def activity(kind: str, pk, title: str = "", *, path: str | None = None) -> dict:
    definition: dict = {"type": certificate_type() if kind == "certificate" else ACTIVITY_TYPES[kind]}
    if title:
        definition["name"] = {LANGUAGE: title}
    return {
        "objectType": "Activity",
        "id": f"{base_url()}/xapi/activities/{path or kind}/{pk}",
        "definition": definition,
    }


def verb(name: str) -> dict:
    return {"id": VERBS[name], "display": {LANGUAGE: name}}


def iso(moment: datetime.datetime | None) -> str:
    moment = moment or timezone.now()
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def duration(start: datetime.datetime | None, end: datetime.datetime | None) -> str | None:
    if not start or not end or end < start:
        return None
    return f"PT{(end - start).total_seconds():.2f}S"


def score(*, percentage, raw=None, maximum=None) -> dict | None:
    if percentage is None:
        return None
    result = {"scaled": float(Decimal(percentage) / 100)}
    if raw is not None and maximum:
        result.update({"raw": float(raw), "min": 0.0, "max": float(maximum)})
    return result


def build(
    *,
    identity: str,
    event: str,
    user_id: int,
    verb_name: str,
    obj: dict,
    when: datetime.datetime | None,
    enrolment_id: int | None = None,
    parents: list[dict] | None = None,
    grouping: list[dict] | None = None,
    result: dict | None = None,
    extensions: dict | None = None,
    actor_agent: dict | None = None,
) -> dict:
    """One statement, with what the outbox row needs beside it (``event``, ``user_id``)."""
    context: dict = {"platform": str(settings.WAGTAIL_SITE_NAME), "language": LANGUAGE}
    if registration(enrolment_id):
        context["registration"] = registration(enrolment_id)
    activities = {}
    if parents:
        activities["parent"] = parents
    if grouping:
        activities["grouping"] = grouping
    if activities:
        context["contextActivities"] = activities
    extensions = {extension(key): value for key, value in (extensions or {}).items() if value is not None}
    if extensions:
        context["extensions"] = extensions
    statement = {
        "id": statement_id(identity),
        "actor": actor_agent or actor(user_id),
        "verb": verb(verb_name),
        "object": obj,
        "context": context,
        "timestamp": iso(when),
    }
    if result:
        statement["result"] = {key: value for key, value in result.items() if value is not None}
    return {"event": event, "user_id": user_id, "statement": statement}
