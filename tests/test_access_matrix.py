"""
Nobody sees what is outside their scope, on any page.

Every route the URL resolver knows (tests/resolver_walk.py: ours, Wagtail's admin, the page
tree and its routable pages) is requested (GET) by the seven roles, with its ids filled twice:
once with records of ``officer`` (Team A) and once with those of ``other_officer`` (Team B):
their attempt, enrolment, progress, completion, exemption, adjustment, account, unit and unit
history. Exports are asked for too where the view offers them. Each person's records carry
canary texts (a short-text answer, an exemption reason, an adjustment reason) beside their name
and warrant number; no answer to a role may contain those of a person outside its scope:

- anonymous: nobody's; an officer: their own only; a manager: their unit's people;
- a trainer: nobody's name, reason or warrant number, except in the exam adjustments, which
  trainers grant and list force-wide (person and reason); the answers themselves only in the
  item analysis (it lists answers without names, to improve questions);
- an administrator: everyone's.

tests/test_admin_access.py checks who may open each admin view; this checks what the pages
show to those who can and to those who cannot.
"""

import html
import json

import pytest
from django.test import Client

from tests.conftest import ROLE_NAMES
from tests.resolver_walk import CANARIES, all_routes, build_world, fill, render_without_test_instrumentation

#: Whose records each role may see.
SCOPE = {
    "anonymous": set(),
    "officer": {"officer"},
    "other_officer": {"other_officer"},
    "trainer": set(),
    "manager_of_unit": {"officer"},
    "manager_of_other_unit": {"other_officer"},
    "administrator": {"officer", "other_officer"},
}
#: Routes where a trainer reads officers' answers (never with their names).
ANSWERS_FOR_TRAINERS = {"wagtailadmin_reports:item_analysis", "wagtailadmin_reports:item_analysis_results"}
#: Trainers grant exam adjustments, so they choose the person and read the reason.
ADJUSTMENTS_FOR_TRAINERS = ("adjustments:",)
#: Wagtail's "failwhale" view raises on purpose so that staff can check the 500 page.
DELIBERATE_SERVER_ERRORS = {"wagtailadmin_error_test"}
SHARDS = 2


def secrets_of(people, owner: str) -> dict[str, str]:
    person = people[owner]
    found = {"name": person.get_full_name(), "warrant number": person.warrant_number}
    found.update({f"{kind} canary": text for kind, text in CANARIES[owner].items() if kind != "warrant"})
    return found


def spellings(text: str) -> set[str]:
    """How a text can appear in a response: as is, HTML-escaped, or in JSON."""
    return {text, html.escape(text), json.dumps(text)[1:-1]}


def exports_offered(route) -> bool:
    initkwargs = getattr(route.callback, "view_initkwargs", None) or {}
    view_class = getattr(route.callback, "view_class", None)
    return bool(initkwargs.get("list_export") or getattr(view_class, "list_export", None))


def body_of(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data[:2] == b"PK":  # an XLSX workbook: read its cells
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
        return "\n".join(" ".join(str(cell) for cell in row if cell is not None) for row in sheet.values)
    return data.decode("utf-8", errors="replace")


def leaks(people, role: str, route, content: str) -> list[str]:
    found = []
    for owner in ("officer", "other_officer"):
        if owner in SCOPE[role]:
            continue
        for kind, secret in secrets_of(people, owner).items():
            if role == "trainer" and kind == "answer canary" and route.name in ANSWERS_FOR_TRAINERS:
                continue
            if (
                role == "trainer"
                and kind in {"name", "warrant number", "adjustment canary"}
                and route.name.startswith(ADJUSTMENTS_FOR_TRAINERS)
            ):
                continue
            if secret and any(spelling in content for spelling in spellings(secret)):
                found.append(f"{owner}'s {kind}")
    return found


def matrix(people, org, shard=None):
    """Request every route as every role; return (requests made, {(route name, role): [leak, …]})."""
    world = build_world(people, org)
    routes = [route for route in all_routes() if route.name not in DELIBERATE_SERVER_ERRORS]
    routes = [route for route in routes if not route.destructive]  # their GET confirms; done by the fuzz test
    if shard is not None:
        routes = [route for number, route in enumerate(routes) if number % SHARDS == shard]
    clients = {}
    for role in ROLE_NAMES:
        clients[role] = Client()
        clients[role].raise_request_exception = False
        if people[role] is not None:
            clients[role].force_login(people[role])

    found, requests, urls = {}, 0, set()
    for route in routes:
        owners = ("officer", "other_officer") if route.params else ("officer",)
        for owner in owners:
            url = fill(route, world.ids_for(route, owner))
            variants = [url, url + "?export=csv", url + "?export=xlsx"] if exports_offered(route) else [url]
            for variant in variants:
                urls.add(variant)
                for role in ROLE_NAMES:
                    response = clients[role].get(variant)
                    requests += 1
                    assert response.status_code < 500, (role, variant, response.status_code)
                    leaked = leaks(people, role, route, body_of(response))
                    if leaked:
                        found.setdefault((route.name, role), []).extend(f"{variant}: {what}" for what in leaked)
    return len(routes), len(urls), requests, found


@pytest.fixture(autouse=True)
def plain_rendering(monkeypatch):
    render_without_test_instrumentation(monkeypatch)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_page_shows_anyone_outside_the_viewers_scope(people, org, shard):
    routes, urls, requests, found = matrix(people, org, shard)
    print(
        f"\naccess matrix shard {shard}: {routes} routes, {urls} URLs × {len(ROLE_NAMES)} roles = {requests} requests"
    )
    assert not found, "\n".join(f"{key}: {value[:3]}" for key, value in found.items())
