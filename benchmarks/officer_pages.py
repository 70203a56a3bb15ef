"""
Benchmark: the officer's module page against a plain page of the same text, served for real.

    .venv/bin/python benchmarks/officer_pages.py [--requests 300] [--clients 4] [--seconds 120]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/officer_pages.py

Builds a throwaway database (a new database on DATABASE_URL's PostgreSQL server, or an SQLite
file without it), migrates it and loads the demo (with the development settings: `load_demo`
refuses without DEBUG), adds an information page whose body repeats the words an officer
reads on the first module of the Judaism course, collects the static files into a temporary
directory, and serves the platform with gunicorn (2 workers) on the production settings on
127.0.0.1. It signs in the demo officer (enrolled on the Judaism course) through the sign-in
form and then requests, interleaved in one run so that machine noise hits all alike:

- the module page, signed in;
- the plain page, signed in;
- the plain page, anonymous.

A small pool of HTTP clients sends the requests (a bounded count, or until --seconds pass).
Each kind's throughput is the clients' rate if they asked only for that kind (clients ÷ mean
latency), so the ratios compare equal shares of one run. It prints throughput, p50 and p95 per
kind and the ratios in issue 10's table, then stops gunicorn and drops the database.

The helpers here (throwaway database, production environment, gunicorn, a cookie-keeping
HTTP client) are shared with benchmarks/exam_burst.py.
"""

import argparse
import html
import http.client
import itertools
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEMO_PASSWORD = "training-demo-2026"  # noqa: S105 - the demo's published password (README)
#: One key for this run: the gunicorn servers and this process (which writes sessions) share it.
SECRET_KEY = f"benchmark-only-{secrets.token_hex(32)}"


# A throwaway database


@contextmanager
def throwaway_database(label: str, keep: bool = False):
    """A new PostgreSQL database beside DATABASE_URL's, or an SQLite file; its URL."""
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"bench_{label}_{os.getpid()}"
        parts = urlsplit(server)
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlunsplit(parts._replace(path=f"/{name}"))
        finally:
            if keep:
                print(f"Kept database {name}")
            else:
                with psycopg.connect(server, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-{label}-"))
        try:
            yield f"sqlite:///{folder / 'db.sqlite3'}"
        finally:
            if keep:
                print(f"Kept database {folder / 'db.sqlite3'}")
            else:
                shutil.rmtree(folder, ignore_errors=True)


def setup_django(database_url: str, **env: str) -> None:
    """Django in this process, on the development settings (load_demo needs DEBUG) and the same database."""
    os.environ.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY}
    )
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_demo() -> None:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    print(f"Migrated and loaded the demo in {time.perf_counter() - started:.0f} s")


def close_connections() -> None:
    from django.db import connections

    connections.close_all()


# Serving with the production settings


def production_env(database_url: str, scratch: str, **extra: str) -> dict[str, str]:
    """The production settings on loopback; static files and the file cache in a scratch directory."""
    # Operator settings such as DATABASE_CONN_MAX_AGE or DATABASE_JIT pass through, to compare them.
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "DEBUG": "0",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(Path(scratch) / "static"),
            # The one-machine file cache (used without REDIS_URL), kept out of the worktree.
            "CACHE_DIR": str(Path(scratch) / "cache"),
            "LOG_LEVEL": "WARNING",
            # Nothing here enqueues background work, but never leave a queue unworked.
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        }
    )
    env.update(extra)
    return env


def collectstatic(env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """One gunicorn instance on 127.0.0.1, in its own process group, stopped on exit."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
                # gunicorn 27's control socket sits at one path per user: a second instance on
                # the same machine would fail to bind it ("File exists").
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )

    def wait_until_serving(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn on port {self.port} exited with {self.process.returncode}")
            try:
                status = Browser(self.port).get("/account/sign-in/").status
            except OSError:
                status = None
            if status == 200:
                return
            time.sleep(0.3)
        raise SystemExit(f"gunicorn on port {self.port} did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@contextmanager
def serving(env: dict[str, str], instances: int = 1, workers: int = 2):
    servers = []
    try:
        for _ in range(instances):
            servers.append(Gunicorn(env, workers=workers))
        for server in servers:
            server.wait_until_serving()
        yield servers
    finally:
        for server in servers:
            server.stop()


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so that the finally blocks stop gunicorn and drop the database."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


# A small HTTP client that keeps cookies


class Response:
    def __init__(self, status: int, headers, body: str, seconds: float):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds


class Browser:
    """One person's HTTP client: keeps cookies, and sends each request to the next of its ports."""

    def __init__(self, *ports: int, cookies: dict[str, str] | None = None, timeout: float = 60):
        self._ports = itertools.cycle(ports)
        self.cookies = dict(cookies or {})
        self.timeout = timeout

    def request(self, method: str, path: str, data: dict | list | None = None, keep_cookies: bool = True) -> Response:
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(HOST, next(self._ports), timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        if keep_cookies:
            for header in response.headers.get_all("Set-Cookie") or []:
                for key, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
        return Response(response.status, response.headers, content, seconds)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data, **kwargs) -> Response:
        return self.request("POST", path, data, **kwargs)


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(page: str) -> str:
    match = CSRF_INPUT.search(page)
    if not match:
        raise ValueError("no CSRF token on the page")
    return match.group(1)


def sign_in(browser: Browser, username: str, password: str) -> None:
    page = browser.get("/account/sign-in/")
    reply = browser.post(
        "/account/sign-in/",
        {"csrfmiddlewaretoken": csrf_token(page.body), "username": username, "password": password},
    )
    if reply.status != 302 or "sessionid" not in browser.cookies:
        raise SystemExit(f"Signing in as {username} failed: HTTP {reply.status}")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def main_text(page: str) -> str:
    """The words a reader sees in <main>: tags, scripts and styles removed."""
    match = re.search(r"<main\b.*?</main>", page, re.S)
    text = match.group(0) if match else page
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


# This benchmark


def find_module_url() -> str:
    from courses.models import CoursePage, ModulePage

    course = CoursePage.objects.get(slug="guide-to-judaism")
    module = ModulePage.objects.live().child_of(course).order_by("path").first()
    return module.url


def add_plain_page(words: list[str]) -> str:
    """An information page under the home page holding the same words, in paragraphs of 60."""
    from home.models import HomePage, InformationPage

    paragraphs = "".join(
        "<p>{}</p>".format(html.escape(" ".join(words[start : start + 60]))) for start in range(0, len(words), 60)
    )
    home = HomePage.objects.live().first()
    page = InformationPage(title="Plain page", slug="benchmark-plain-page", body=paragraphs)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page.url


KINDS = ("module, signed in", "plain, signed in", "plain, anonymous")


def measure(port: int, session: dict[str, str], urls: dict[str, str], requests: int, clients: int, seconds: float):
    """Send `requests` of each kind, interleaved, from `clients` threads; stop early after `seconds`."""
    jobs = iter([KINDS[(n + shift) % len(KINDS)] for n in range(requests) for shift in range(len(KINDS))])
    lock = threading.Lock()
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    def client():
        signed_in = Browser(port, cookies=session)
        anonymous = Browser(port)
        while time.monotonic() < deadline:
            with lock:
                kind = next(jobs, None)
            if kind is None:
                return
            browser = anonymous if kind.endswith("anonymous") else signed_in
            try:
                reply = browser.get(urls[kind], keep_cookies=False)
            except OSError as error:
                errors.append(f"{kind}: {error}")
                continue
            if reply.status != 200 or (("Sign out" in reply.body) != kind.endswith("signed in")):
                errors.append(f"{kind}: HTTP {reply.status}")
                continue
            with lock:
                results[kind].append(reply.seconds)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors, time.perf_counter() - started


def report(results: dict[str, list[float]], errors: list[str], wall: float, clients: int) -> None:
    throughput = {}
    print(f"\n{'':<20} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for kind in KINDS:
        times = results[kind]
        throughput[kind] = clients / statistics.mean(times)
        print(
            f"{kind:<20} {len(times):>8} {throughput[kind]:>7.1f} "
            f"{percentile(times, 0.5) * 1000:>7.0f} {percentile(times, 0.95) * 1000:>7.0f}"
        )
    total = sum(len(times) for times in results.values())
    print(f"{total} requests in {wall:.1f} s ({total / wall:.1f} req/s overall), {len(errors)} errors")
    for error in errors[:10]:
        print(f"  {error}")
    module, plain, anonymous = (results[kind] for kind in KINDS)
    print("\nIssue 10's table:")
    print(f"  module ÷ plain page throughput, both signed in:    {throughput[KINDS[0]] / throughput[KINDS[1]]:.2f}×")
    print(f"  module (signed in) ÷ plain page served anonymously: {throughput[KINDS[0]] / throughput[KINDS[2]]:.2f}×")
    p95_ratio = percentile(module, 0.95) / percentile(plain, 0.95)
    print(f"  module p95 ÷ plain page p95, both signed in:        {p95_ratio:.2f}×")
    print(f"  (plain anonymous p95 {percentile(anonymous, 0.95) * 1000:.0f} ms)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="requests of each kind (default 300)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent HTTP clients (default 4)")
    parser.add_argument("--seconds", type=float, default=120, help="stop measuring after this long (default 120)")
    parser.add_argument("--warmup", type=int, default=10, help="unmeasured requests of each kind first")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--keep-db", action="store_true", help="leave the database in place afterwards")
    args = parser.parse_args()
    stop_on_sigterm()

    with throwaway_database("officer_pages", keep=args.keep_db) as database_url:
        setup_django(database_url)
        load_demo()
        module_url = find_module_url()
        close_connections()
        scratch = tempfile.mkdtemp(prefix="bench-")
        try:
            env = production_env(database_url, scratch)
            collectstatic(env)
            with serving(env, workers=args.workers) as (server,):
                officer = Browser(server.port)
                sign_in(officer, "officer", DEMO_PASSWORD)
                module_page = officer.get(module_url)
                if module_page.status != 200:
                    raise SystemExit(f"{module_url}: HTTP {module_page.status}")
                words = main_text(module_page.body).split()
                plain_url = add_plain_page(words)
                close_connections()
                plain_words = main_text(officer.get(plain_url).body).split()
                print(
                    f"{'PostgreSQL' if database_url.startswith('postgres') else 'SQLite'}, gunicorn "
                    f"{args.workers} workers, production settings; module {module_url} ({len(words)} words "
                    f"in <main>), plain page {plain_url} ({len(plain_words)} words in <main>)"
                )
                session = dict(officer.cookies)
                urls = {KINDS[0]: module_url, KINDS[1]: plain_url, KINDS[2]: plain_url}
                measure(server.port, session, urls, args.warmup, args.clients, args.seconds)
                results, errors, wall = measure(server.port, session, urls, args.requests, args.clients, args.seconds)
                report(results, errors, wall, args.clients)
        finally:
            close_connections()
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
