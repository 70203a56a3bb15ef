"""
The xAPI tests' world: a course with two modules and a quiz, and a real Learning Record Store.

The LRS is Ralph (``ralph-malph[lrs]`` 5.1.0, file-system backend) run by ``tests/xapi/ralph/serve.py``
with the Python of its own virtual environment (``.venv-ralph``, made by ``make ralph``, which
``make install-dev`` runs), on a loopback port picked at run time. Its file-system backend is
patched there to append (it refuses to write to its data file once that exists). In front of it
sits a counting proxy (``CountingProxy``, also on loopback): Ralph keeps an identical re-post
once, so "never sent twice" is counted on what the platform sent, at the proxy.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from quizzes.factories import QuestionCategoryFactory, QuestionFactory, QuizPageFactory

ROOT = Path(__file__).resolve().parents[2]
RALPH_PYTHON = ROOT / ".venv-ralph" / "bin" / "python"
HERE = Path(__file__).resolve().parent
LRS_USER, LRS_PASSWORD = "platform", "lrs-test-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ralph_python() -> str:
    if not RALPH_PYTHON.exists():
        pytest.fail("Ralph's virtual environment is missing: run `make ralph` (part of `make install-dev`).")
    return str(RALPH_PYTHON)


class Ralph:
    """One Ralph LRS process; ``stop()`` and ``start()`` again on the same port and data."""

    def __init__(self, data: Path, port: int | None = None):
        self.data, self.port = data, port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Ralph:
        log = (self.data.parent / f"ralph-{self.port}.log").open("ab")
        self.process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
            [ralph_python(), str(HERE / "ralph" / "serve.py"), "--port", str(self.port), "--data", str(self.data)]
            + ["--username", LRS_USER, "--password", LRS_PASSWORD],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"Ralph exited with {self.process.returncode}; see {log.name}")
            try:
                if requests.get(f"{self.url}/__lbheartbeat__", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        pytest.fail("Ralph did not start within 30 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def stored(self) -> list[dict]:
        """Every statement Ralph holds (read from its API, as a consumer of the LRS would)."""
        response = requests.get(
            f"{self.url}/xAPI/statements",
            params={"limit": 1000},
            auth=(LRS_USER, LRS_PASSWORD),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["statements"]


@dataclass
class CountingProxy:
    """
    Passes requests to Ralph and keeps the statement ids of every POST it was given (``posted``),
    with Ralph's answer. ``mode``: "pass" (default), or "unanswered" (passes the POST on, then
    closes the connection without answering: the LRS stored it but the platform never heard).
    """

    upstream: str
    posted: list[tuple[list[str], int | None]] = field(default_factory=list)
    mode: str = "pass"

    def start(self) -> CountingProxy:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    ids = [statement.get("id") for statement in json.loads(body)]
                except (ValueError, AttributeError):
                    ids = []
                headers = {k: v for k, v in self.headers.items() if k.lower() not in {"host", "content-length"}}
                try:
                    answer = requests.post(proxy.upstream + self.path, data=body, headers=headers, timeout=10)
                except requests.ConnectionError:
                    proxy.posted.append((ids, None))
                    self.send_response(502)
                    self.end_headers()
                    return
                proxy.posted.append((ids, answer.status_code))
                if proxy.mode == "unanswered":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def times_sent(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for ids, _status in self.posted:
            for statement_id in ids:
                counts[statement_id] = counts.get(statement_id, 0) + 1
        return counts


@pytest.fixture
def ralph(tmp_path):
    """A fresh Ralph for one test (its data in the test's own folder)."""
    server = Ralph(tmp_path / "lrs").start()
    yield server
    server.stop()


@pytest.fixture
def lrs(ralph, settings):
    """The platform configured to post to Ralph through the counting proxy."""
    proxy = CountingProxy(upstream=ralph.url).start()
    settings.XAPI_LRS_ENDPOINT = f"{proxy.url}/xAPI/"
    settings.XAPI_LRS_USERNAME = LRS_USER
    settings.XAPI_LRS_PASSWORD = LRS_PASSWORD
    settings.XAPI_LRS_TIMEOUT_SECONDS = 5
    yield proxy
    proxy.stop()


def validate(statements: list[dict]) -> list:
    """Each statement checked by Ralph's own model of a generic xAPI statement (tests/xapi/ralph/validate.py)."""
    done = subprocess.run(  # noqa: S603 (our own script)
        [ralph_python(), str(HERE / "ralph" / "validate.py")],
        input=json.dumps(statements, default=str),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    return json.loads(done.stdout)


@pytest.fixture
def course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Judaism guide", slug="judaism")
    ModulePageFactory(parent=course, title="Shabbat", slug="shabbat")
    ModulePageFactory(parent=course, title="Festivals", slug="festivals")
    return course


@pytest.fixture
def quiz_course(db):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Hate crime", slug="hate-crime")
    category = QuestionCategoryFactory(name="xAPI")
    QuizPageFactory(
        parent=course,
        slug="assessment",
        pass_mark=50,
        attempts_allowed=3,
        shuffle_questions=False,
        shuffle_choices=False,
        layout="all_on_one_page",
        review_what="full",
        review_when="immediately",
        questions=[
            QuestionFactory(title="Strands", category=category),
            QuestionFactory(title="Perception", category=category),
        ],
    )
    return course
