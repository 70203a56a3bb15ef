"""
Every URL the site answers, read from Django's URL resolver, and a small world of records to
fill their ids with. Used by the fuzz test (tests/test_fuzz.py) and the access matrix
(tests/test_access_matrix.py): a route added anywhere, ours or Wagtail's, is in both without
editing them.

A route is a leaf of ``get_resolver().url_patterns`` (walked recursively through every
``include``), turned into a format string with ``django.utils.regex_helper.normalize`` as
Django's own ``reverse`` does. Wagtail's page-serving pattern (which matches every remaining
path) stands for the live pages, so it is expanded into each page's URL and the routes of
its routable pages (``RoutablePageMixin``).
"""

import datetime
import json
import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.regex_helper import normalize

from tests.conftest import ROLE_NAMES

#: The canary texts planted in each person's records. A page showing one of them to someone
#: outside that person's scope leaked it.
CANARIES = {
    "officer": {
        "answer": "CANARY-ANSWER-ALPHA",
        "exemption": "CANARY-EXEMPTION-ALPHA",
        "adjustment": "CANARY-ADJUSTMENT-ALPHA",
        "warrant": "WN-CANARY-A",
    },
    "other_officer": {
        "answer": "CANARY-ANSWER-BRAVO",
        "exemption": "CANARY-EXEMPTION-BRAVO",
        "adjustment": "CANARY-ADJUSTMENT-BRAVO",
        "warrant": "WN-CANARY-B",
    },
}


@dataclass
class Route:
    """One URL pattern: a ``%(name)s`` format string, its parameters and the view behind it."""

    name: str
    template: str
    params: list[str]
    callback: object
    page_route: bool = False

    @property
    def model(self):
        initkwargs = getattr(self.callback, "view_initkwargs", None) or {}
        model = initkwargs.get("model")
        if model is None:
            view_class = getattr(self.callback, "view_class", None)
            model = getattr(view_class, "model", None)
        return model if isinstance(model, type) else None

    @property
    def destructive(self) -> bool:
        """Routes that remove or move what later routes need: visited last."""
        return bool(re.search(r"delete|unpublish|move|logout|sign-out|revert|disable|cancel", self.name))


def _leaves(patterns, prefix="", namespace=""):
    for pattern in patterns:
        regex = pattern.pattern.regex.pattern
        if regex.startswith("^"):
            regex = regex[1:]
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _leaves(pattern.url_patterns, prefix + regex.removesuffix("$").removesuffix(r"\Z"), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or getattr(pattern.callback, "__name__", "?")
            yield prefix + regex.removesuffix("$").removesuffix(r"\Z"), namespace + name, pattern.callback


def routes() -> list[Route]:
    """Every leaf of the resolver except Wagtail's catch-all page serving (see ``page_routes``)."""
    found = []
    for regex, name, callback in _leaves(get_resolver().url_patterns):
        if name == "wagtail_serve":
            continue
        template, params = normalize(regex)[0]
        found.append(Route(name=name, template="/" + template, params=list(params), callback=callback))
    return found


def page_routes() -> list[Route]:
    """Each live page's URL and each of its routable page's sub-routes (``@path``/``@re_path``)."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    found = []
    for page in Page.objects.live().specific():
        url = page.url
        if not url:
            continue
        found.append(
            Route(name=f"page:{type(page).__name__}", template=url, params=[], callback=None, page_route=True)
        )
        if isinstance(page, RoutablePageMixin):
            for regex, name, callback in _leaves(page.get_resolver().url_patterns):
                if not regex:
                    continue
                template, params = normalize(regex)[0]
                found.append(
                    Route(
                        name=f"page:{type(page).__name__}:{name}",
                        template=url + template,
                        params=list(params),
                        callback=callback,
                        page_route=True,
                    )
                )
    return found


def all_routes() -> list[Route]:
    everything = routes() + page_routes()
    return sorted(everything, key=lambda route: route.destructive)


def fill(route: Route, values: dict) -> str:
    return route.template % {param: values.get(param, "1") for param in route.params}


# The world: two officers in different units, each with records of every kind.


@dataclass
class World:
    people: dict
    org: object
    course: object
    module: object
    quiz: object
    records: dict = field(default_factory=dict)  # victim role -> {"attempt": ..., "exemption": ...}
    ids: dict = field(default_factory=dict)  # parameter name or model -> a real id

    def ids_for(self, route: Route, owner: str) -> dict:
        """Values for a route's parameters: records belonging to ``owner`` where the model is known."""
        own = self.records[owner]
        values = dict(self.ids)
        model = route.model
        if model is not None:
            label = model._meta.label_lower
            record = own.get(label)
            if record is None:
                record = model._default_manager.order_by("pk").first()
            if record is not None:
                values["pk"] = record.pk
                values["object_id"] = record.pk
        elif route.template.startswith(("/admin/pages/", "/admin/workflow")):
            values["pk"] = self.ids["page_id"]
        values["user_id"] = self.people[owner].pk
        completion = own.get("courses.coursecompletion")
        if completion is not None:
            values["completion_id"] = completion.pk  # feedback's rating form
        values["number"] = own["quizzes.attempt"].number
        return values


def build_world(people: dict, org) -> World:
    """A course with a module and a quiz; every officer's record kinds for ``officer`` and ``other_officer``."""
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
    from courses import services as course_services
    from courses.factories import CoursePageFactory, ModulePageFactory
    from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, ModuleProgress
    from quizzes import services as quiz_services
    from quizzes.factories import QuestionCategoryFactory, QuestionFactory, QuizPageFactory
    from quizzes.models import Adjustment

    catalogue = CourseCataloguePage.objects.get(slug="courses")
    reading = CoursePageFactory(parent=catalogue, title="Shabbat awareness", slug="shabbat-awareness")
    module = ModulePageFactory(parent=reading, title="Shabbat", slug="shabbat")
    assessed = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime")
    ModulePageFactory(parent=assessed, title="Recording", slug="recording")
    category = QuestionCategoryFactory(name="Fuzz")
    short_text = QuestionFactory(
        title="Short text",
        category=category,
        body=json.dumps([{"type": "short_text", "value": {"accepted": ["perception"]}}]),
    )
    quiz = QuizPageFactory(
        parent=assessed,
        slug="assessment",
        pass_mark=80,
        attempts_allowed=5,
        layout="all_on_one_page",
        review_what="full",
        review_when="immediately",
        questions=[short_text, QuestionFactory(title="Single", category=category)],
    )
    requirement = RequirementFactory(course=reading, targets=[unit_target(org.force)])
    administrator = people["administrator"]

    world = World(people=people, org=org, course=reading, module=module, quiz=quiz)
    for role in ("officer", "other_officer"):
        person, canary = people[role], CANARIES[role]
        # A warrant number no other text can contain by chance (the factory's are four digits).
        person.warrant_number = canary["warrant"]
        person.save(update_fields=["warrant_number"])
        course_services.enrol(user=person, course=reading)
        course_services.start_module(user=person, module=module)
        course_services.complete_module(user=person, module=module)
        course_services.enrol(user=person, course=assessed)
        attempt = quiz_services.start_attempt(user=person, quiz=quiz)
        from django.http import QueryDict

        data = QueryDict(mutable=True)
        position = attempt.questions.get(question_type="short_text").position
        data.setlist(f"q-{position}", [canary["answer"]])
        data.setlist("shown", [str(position)])
        quiz_services.submit_attempt(user=person, quiz=quiz, number=attempt.number, data=data)
        exemption = ExemptionFactory(
            user=person,
            requirement=requirement,
            reason=canary["exemption"],
            granted_by=administrator,
            ends_on=datetime.date.today() + datetime.timedelta(days=30),
        )
        adjustment = Adjustment.objects.create(
            user=person, quiz=quiz, extra_attempts=1, reason=canary["adjustment"], granted_by=administrator
        )
        # As the admin's create views do: the grants appear in Wagtail's site history.
        from wagtail.log_actions import log

        log(instance=exemption, action="wagtail.create", user=administrator)
        log(instance=adjustment, action="wagtail.create", user=administrator)
        world.records[role] = {
            "quizzes.attempt": attempt,
            "quizzes.adjustment": adjustment,
            "compliance.exemption": exemption,
            "courses.enrolment": Enrolment.objects.filter(user=person).first(),
            "courses.moduleprogress": ModuleProgress.objects.filter(enrolment__user=person).first(),
            "courses.coursecompletion": CourseCompletion.objects.filter(user=person).first(),
            "accounts.user": person,
            "accounts.unit": person.unit,
            "accounts.unitmembership": person.unit_memberships.first(),
        }
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Guide",
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf"),
    )
    world.ids = {
        "course_id": reading.pk,
        "page_id": reading.pk,
        "parent_page_id": reading.pk,
        "page_pk": reading.pk,
        "page_to_move_id": module.pk,
        "destination_id": catalogue.pk,
        "quiz_id": quiz.pk,
        "revision_id": reading.latest_revision_id,
        "revision_id_a": reading.latest_revision_id,
        "revision_id_b": reading.latest_revision_id,
        "document_id": document.pk,
        "doc_id": document.pk,
        "collection_id": Collection.get_first_root_node().pk,
        "app_label": "quizzes",
        "app_name": "quizzes",
        "model_name": "question",
        "content_type_app_name": "courses",
        "content_type_model_name": "modulepage",
        "action_name": "delete",
        "action": "delete",
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "set-password",
        "_0": document.pk,
        "_1": "guide.pdf",
        "pk": 1,
    }
    return world


__all__ = ["CANARIES", "ROLE_NAMES", "Route", "World", "all_routes", "build_world", "fill"]


def render_without_test_instrumentation(monkeypatch) -> None:
    """
    Render templates as production does. Under test Django wraps every template render to
    send a signal the test client copies each context from; an admin page renders hundreds of
    small templates, so thousands of requests spend much of their time there.
    """
    from django.template import Template
    from django.test.utils import _TestState

    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)
