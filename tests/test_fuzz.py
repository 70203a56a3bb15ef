"""
No input causes a server error, and no refused input leaves a half-written record.

Every route the URL resolver knows (ours and Wagtail's admin; tests/resolver_walk.py) is
requested by each of the seven roles, its ids filled with real records. Each role that can
reach a route (its plain GET is not sent to sign in, refused, not found or sent back to the
dashboard) then gets its share of ``FUZZ_INPUTS`` malformed requests; the others get a few.
The malformed requests: querystrings with huge, negative and garbage values, control
characters, overlong strings, duplicated keys, broken percent-encoding, export switches; paths
with ids too big for the database; form POSTs built from the fields the page's own form shows
(with management-form fields such as ``body-count`` and ``-TOTAL_FORMS`` dropped or corrupted,
values of the wrong type); bodies in UTF-16 or invalid UTF-8; broken multipart; bad and
deeply nested JSON; other methods.

Each answer must be below 500 (a streamed export is read to the end), and when it is an error
the learner tables and the page tree must hold as many rows as before. The inputs are
deterministic (``FUZZ_SEED``); ``FUZZ_INPUTS`` (default 10,000) sets the total, split over
``SHARDS`` tests so that ``pytest -n auto`` spreads them.
"""

import os
import random
import re
import time
from collections import Counter
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import ROLE_NAMES
from tests.resolver_walk import all_routes, build_world, fill, render_without_test_instrumentation

FUZZ_INPUTS = int(os.environ.get("FUZZ_INPUTS", "10000"))
FUZZ_SEED = os.environ.get("FUZZ_SEED", "11")
SHARDS = 4

HUGE = [str(2**63), str(2**64), str(-(2**63) - 1), "9" * 40]
EVIL = [
    *HUGE,
    "-1",
    "0",
    "1.5",
    "1e999",
    "NaN",
    "abc",
    "",
    " ",
    "x" * 5000,
    "𝕏😀",
    "%",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '"',
    "\\",
    "../../etc/passwd",
    "2026-13-45",
    "0000-00-00",
    "[]",
    "{}",
    "null",
    "true",
    "\u2028",
    "\ufeff",
    "a\x00b",
    "\x01",
    "\x1b[31m",
    "https://evil.example/",
    "//evil.example",
    "javascript:alert(1)",
    "abc",
    "NEAR(a b)",
    "-",
    "*",
]
COMMON_PARAMS = [
    "q",
    "p",
    "page",
    "ordering",
    "sort",
    "export",
    "next",
    "unit",
    "course",
    "quiz",
    "user",
    "status",
    "rank",
    "requirement",
    "id",
    "pk",
    "locale",
    "content_type",
    "owner",
    "after",
    "before",
    "cursor",
    "started_at_after",
    "next_due_before",
    "action",
    "position",
    "summary",
    "tag",
    "collection_id",
]
RAW_QUERIES = [
    "q=%ff%fe",
    "p=%",
    "%zz=1",
    "a[]=1&a[]=2",
    "ordering=-nonexistent",
    "ordering=" + "x" * 300,
    "export=xlsx",
    "export=csv",
    "export=csv&q=%ff",
    "export=xml",
    "p=99999999999999999999",
    "p=-1",
    "q=" + "%41" * 3000,
    "&&&==&",
    "q=a&q=b&q=c",
    "cursor=%00",
    "cursor=not-a-cursor",
    "next=abc",
]
PATH_VALUES = [*HUGE, "0", "99999999", "x" * 300, "..", "%C0%AE", "-1", "abc"]
MANAGEMENT = re.compile(r"(-count|TOTAL_FORMS|INITIAL_FORMS|MIN_NUM_FORMS|MAX_NUM_FORMS|-deleted|-type|-order)$")
FIELD_NAME = re.compile(r"""name=["']([^"'<>]{1,120})["']""")
UNREACHABLE = {403, 404}
#: Wagtail's "failwhale" view raises on purpose so that staff can check the 500 page.
DELIBERATE_SERVER_ERRORS = {"wagtailadmin_error_test"}


def _learner_tables() -> list[str]:
    from wagtail.models import Page, Revision

    from accounts.models import UnitMembership
    from compliance.models import Exemption
    from courses.models import CourseCompletion, Enrolment, ModuleProgress
    from quizzes.models import Adjustment, Attempt, AttemptQuestion

    models = [Enrolment, ModuleProgress, CourseCompletion, Attempt, AttemptQuestion, Adjustment, Exemption]
    return [model._meta.db_table for model in [*models, UnitMembership, Page, Revision]]


def row_counts(tables) -> tuple:
    """The row count of every table, in one query."""
    quote = connection.ops.quote_name
    # Table names from our models, quoted by the backend: no input reaches this SQL.
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


@dataclass
class Request:
    method: str
    path: str
    query: str = ""
    body: bytes = b""
    content_type: str = "application/x-www-form-urlencoded"
    kind: str = ""


def _encode(pairs, encoding="utf-8") -> bytes:
    from urllib.parse import quote

    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs).encode(encoding)


def _query(pairs) -> str:
    return _encode(pairs).decode()


def malformed(rng: random.Random, route, values: dict, path: str, fields: list[str], kind: str) -> Request:
    """One malformed request of the given kind for a route."""
    names = fields or COMMON_PARAMS
    if kind == "query":
        keys = rng.sample(COMMON_PARAMS + names, k=min(len(COMMON_PARAMS + names), rng.randint(1, 4)))
        pairs = [(key, rng.choice(EVIL)) for key in keys]
        if rng.random() < 0.3:
            pairs += [(pairs[0][0], rng.choice(EVIL))]  # the same key twice
        return Request("GET", path, query=_query(pairs), kind=kind)
    if kind == "raw_query":
        return Request("GET", path, query=rng.choice(RAW_QUERIES), kind=kind)
    if kind == "path":
        if route.params:
            changed = dict(values)
            changed[rng.choice(route.params)] = rng.choice(PATH_VALUES)
            return Request(rng.choice(["GET", "POST"]), fill(route, changed), kind=kind)
        return Request("GET", path + rng.choice(["x/", "%00/", "..%2F/", "a" * 300 + "/"]), kind=kind)
    if kind in {"form", "form_management"}:
        pairs = []
        for name in names:
            if kind == "form_management" and MANAGEMENT.search(name):
                choice = rng.random()
                if choice < 0.4:
                    continue  # the management field is missing
                pairs.append((name, rng.choice(["abc", "-1", "99999999", str(2**63), "", "1.5"])))
            elif rng.random() < 0.3:
                continue
            else:
                pairs.append((name, rng.choice(EVIL)))
        if rng.random() < 0.3 and pairs:
            pairs.append((pairs[0][0], rng.choice(EVIL)))
        return Request("POST", path, body=_encode(pairs), kind=kind)
    if kind == "encoding":
        pairs = [(name, rng.choice(["officer", "Shabbat", "x"])) for name in names[:8]]
        return rng.choice(
            [
                Request(
                    "POST",
                    path,
                    body=_query(pairs).encode("utf-16"),
                    content_type="application/x-www-form-urlencoded; charset=utf-16",
                    kind=kind,
                ),
                Request("POST", path, body=b"q=\xff\xfe\xfd&" + _encode(pairs), kind=kind),
                Request("POST", path, body=b"q=%ff%fe", content_type="application/x-www-form-urlencoded", kind=kind),
                Request(
                    "POST",
                    path,
                    body=_encode(pairs),
                    content_type="application/x-www-form-urlencoded; charset=no-such-charset",
                    kind=kind,
                ),
            ]
        )
    if kind == "multipart":
        field = rng.choice(names)
        bodies = [
            (b'--xyz\r\nContent-Disposition: form-data; name="' + field.encode() + b'"\r\n\r\nvalue', "boundary=xyz"),
            (b"garbage without any boundary", "boundary=xyz"),
            (b"--xyz\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--xyz--\r\n", "boundary=xyz"),
            (b"--xyz\r\n\r\n\r\n--xyz--", ""),
            (
                b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a\x00.pdf"\r\n'
                b"Content-Type: application/pdf\r\n\r\n%PDF\r\n--xyz--\r\n",
                "boundary=xyz",
            ),
            (b"--" + b"x" * 100 + b"\r\n", "boundary=" + "x" * 100),
        ]
        body, boundary = rng.choice(bodies)
        return Request("POST", path, body=body, content_type=f"multipart/form-data; {boundary}".strip("; "), kind=kind)
    if kind == "json":
        bodies = [
            b"{",
            b"[]",
            b"null",
            b'{"a": "\\u0000"}',
            b'{"' + rng.choice(names).encode() + b'": ' + rng.choice([b"[]", b"{}", b"1e999", b"null"]) + b"}",
            b"[" * 100_000,
            b'"' + b"x" * 100_000 + b'"',
            '{"q": "\udcff"}'.encode("utf-8", "surrogatepass"),
        ]
        return Request("POST", path, body=rng.choice(bodies), content_type="application/json", kind=kind)
    if kind == "overlong":
        pairs = [(rng.choice(names), "x" * 200_000)]
        return Request("POST", path, body=_encode(pairs), kind=kind)
    if kind == "method":
        return Request(rng.choice(["PUT", "PATCH", "DELETE", "OPTIONS"]), path, body=_encode([("a", "b")]), kind=kind)
    raise ValueError(kind)


KINDS = [
    "query",
    "form",
    "form_management",
    "raw_query",
    "path",
    "encoding",
    "multipart",
    "json",
    "overlong",
    "method",
]


def send(client: Client, request: Request):
    response = client.generic(
        request.method,
        request.path + (("?" + request.query) if request.query else ""),
        data=request.body,
        content_type=request.content_type,
    )
    if response.streaming:
        try:
            b"".join(response.streaming_content)
        except Exception as error:  # noqa: BLE001 - a cut export is the failure being looked for
            return response, f"stream broke: {error!r}"
    return response, None


def reachable(role: str, response) -> bool:
    if response.status_code in UNREACHABLE:
        return False
    if response.status_code == 302:
        location = response.get("Location", "")
        return not (
            "sign-in" in location or "login" in location or location.rstrip("/").endswith("/admin") or location == "/"
        )
    return True


@pytest.fixture(autouse=True)
def plain_rendering(monkeypatch):
    render_without_test_instrumentation(monkeypatch)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_input_causes_a_server_error_or_a_partial_write(people, org, shard):
    world = build_world(people, org)
    tables = _learner_tables()
    routes = [route for route in all_routes() if route.name not in DELIBERATE_SERVER_ERRORS]
    routes = [route for number, route in enumerate(routes) if number % SHARDS == shard]
    budget = FUZZ_INPUTS // SHARDS
    clients = {}
    for role in ROLE_NAMES:
        clients[role] = Client()
        clients[role].raise_request_exception = False

    def signed_in(role):
        client = clients[role]
        session = client.cookies.get("sessionid")
        if people[role] is not None and not (session and session.value):
            client.force_login(people[role])  # signed out by a route (sign-out, password change)
        return client

    failures, statuses, sent, seconds = [], Counter(), 0, Counter()

    def check(role, request):
        nonlocal sent
        before = row_counts(tables)
        started = time.perf_counter()
        response, broken = send(signed_in(role), request)
        seconds[request.kind] += time.perf_counter() - started
        sent += 1
        statuses[response.status_code] += 1
        label = f"{role} {request.method} {request.path}?{request.query[:80]} [{request.kind}]"
        if broken or response.status_code >= 500:
            failures.append(f"{response.status_code} {label} {broken or ''}")
        elif response.status_code >= 400 and row_counts(tables) != before:
            failures.append(f"partial write on {response.status_code}: {label}")
        return response

    # First every role's plain GET of every route, with the ids of records the officer owns.
    pairs = []
    for route in routes:
        values = world.ids_for(route, "officer")
        path = fill(route, values)
        for role in ROLE_NAMES:
            response = check(role, Request("GET", path, kind="plain"))
            fields = []
            if response.status_code == 200 and not response.streaming:
                fields = sorted(set(FIELD_NAME.findall(response.content.decode(errors="replace"))))
                fields = [name for name in fields if name != "csrfmiddlewaretoken"]
            pairs.append((route, role, values, path, fields, reachable(role, response)))

    reached = [pair for pair in pairs if pair[5]]
    others = [pair for pair in pairs if not pair[5]]
    remaining = max(budget - sent - 2 * len(others), len(reached))
    per_reached = max(1, -(-remaining // max(1, len(reached))))
    for route, role, values, path, fields, can_reach in pairs:
        rng = random.Random(f"{FUZZ_SEED}:{route.template}:{role}")
        count = per_reached if can_reach else 2
        start = rng.randrange(len(KINDS))
        for number in range(count):
            kind = KINDS[(start + number) % len(KINDS)]
            check(role, malformed(rng, route, values, path, fields, kind))

    print(
        f"\nfuzz shard {shard}: {len(routes)} routes × {len(ROLE_NAMES)} roles = {len(pairs)} pairs, "
        f"{len(reached)} reachable; {sent} requests sent; statuses {dict(sorted(statuses.items()))}"
    )
    print("seconds by kind:", {kind: round(value, 1) for kind, value in seconds.most_common()})
    assert sent >= budget
    assert not failures, "\n".join(failures[:40]) + f"\n… {len(failures)} in all"
