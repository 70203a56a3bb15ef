"""
Benchmark: a burst of officers sitting the same assessment, across two app servers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python benchmarks/exam_burst.py [--officers 500] [--window 60] [--think-scale 1]

Builds a throwaway database (a new database on DATABASE_URL's PostgreSQL server; an SQLite
file without it, which the two servers then share), migrates it and loads the demo, then adds
N officer accounts (one hashed password, bulk-created), enrolled on the Judaism course, each
with a signed-in session written the way a sign-in writes it (hashing N passwords through the
sign-in form would only measure PBKDF2). It serves the platform with TWO gunicorn instances
on different ports on the production settings, sharing the database and Redis (REDIS_URL:
the cache and the cached_db sessions; a key prefix of its own for this run), and every
client sends each of its requests to the other instance from the one before.

Each officer starts at a random moment within --window seconds: opens the assessment, starts
it, and for each of its 10 questions opens the question, thinks for 0.5–2 s (times
--think-scale), and saves the answer through the autosave endpoint the page's script uses;
then submits. Afterwards it checks from the database that every answer the server
acknowledged is stored exactly once, as sent, and that each officer has exactly one attempt,
and prints errors, lost and duplicated answers, start and autosave p50/p95, the requests
answered per second, and the CPU seconds the app servers, PostgreSQL, Redis and this client
used during the burst (from /proc), with the app servers' and PostgreSQL's per request.
"""

import argparse
import html
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from officer_pages import (  # noqa: E402
    Browser,
    close_connections,
    collectstatic,
    csrf_token,
    load_demo,
    percentile,
    production_env,
    serving,
    setup_django,
    stop_on_sigterm,
    throwaway_database,
)

BENCH_PASSWORD = "burst-benchmark-password"  # noqa: S105 - throwaway accounts in a throwaway database
INPUT = re.compile(r"<input\b([^>]*)>", re.S)
SELECT = re.compile(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', re.S)
TEXTAREA = re.compile(r'<textarea\b[^>]*name="([^"]+)"', re.S)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
AUTOSAVE_URL = re.compile(r'data-autosave-url="([^"]+)"')
TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds a process and its reaped children have used (/proc/PID/stat), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime are fields 14-17; after the ")" they start at index 11.
    return sum(int(value) for value in fields[11:15]) / TICKS


def cpu_by_part(server_groups: list[int]) -> dict[str, float]:
    """CPU seconds so far of the app servers (their process groups), PostgreSQL, Redis and this client."""
    parts = {"app servers": 0.0, "PostgreSQL": 0.0, "Redis": 0.0}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            group = os.getpgid(int(entry.name))
        except OSError:
            continue
        if group in server_groups:
            parts["app servers"] += process_cpu(int(entry.name))
        elif comm == "postgres":
            parts["PostgreSQL"] += process_cpu(int(entry.name))
        elif comm.startswith("redis-server"):
            parts["Redis"] += process_cpu(int(entry.name))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    parts["this client"] = usage.ru_utime + usage.ru_stime
    return parts


def create_officers(count: int) -> tuple[list[tuple[int, str]], str]:
    """N officers on the demo officer's unit, enrolled on the Judaism course, each with a session."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from django.utils.module_loading import import_string

    from accounts import roles
    from accounts.models import Rank, UnitMembership, User
    from courses.models import CoursePage, Enrolment
    from quizzes.models import QuizPage

    started = time.perf_counter()
    template = User.objects.get(username="officer")
    course = CoursePage.objects.get(slug="guide-to-judaism")
    quiz = QuizPage.objects.live().child_of(course).get()
    password = make_password(BENCH_PASSWORD)
    people = User.objects.bulk_create(
        User(
            username=f"burst{n:05d}",
            first_name="Burst",
            last_name=f"Officer {n:05d}",
            warrant_number=str(700000 + n),
            rank=Rank.POLICE_CONSTABLE,
            unit_id=template.unit_id,
            password=password,
        )
        for n in range(count)
    )
    officers = Group.objects.get(name=roles.OFFICER)
    User.groups.through.objects.bulk_create(User.groups.through(user_id=p.pk, group_id=officers.pk) for p in people)
    UnitMembership.objects.bulk_create(
        UnitMembership(user=p, unit_id=p.unit_id, started_at=timezone.now()) for p in people
    )
    Enrolment.objects.bulk_create(
        Enrolment(user=p, course=course, course_title=course.title, enrolled_at=timezone.now()) for p in people
    )
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    sessions = []
    for person in people:
        session = store()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.save()
        sessions.append((person.pk, session.session_key))
    print(f"{count} officers enrolled, with sessions, in {time.perf_counter() - started:.1f} s")
    return sessions, quiz.url


def answer_fields(page: str, position: int) -> dict[str, list[str]]:
    """An answer for the question shown: its first choice, the first option of each list, or some text."""
    prefix = f"q-{position}"

    def ours(name: str) -> bool:
        return name == prefix or name.startswith(prefix + "-")

    fields: dict[str, list[str]] = {}
    for name, options in SELECT.findall(page):
        if ours(name):
            fields[name] = re.findall(r'<option[^>]*value="([^"]+)"', options)[:1]
    for attributes in INPUT.findall(page):
        attrs = dict(ATTRIBUTE.findall(attributes))
        name = attrs.get("name", "")
        if not ours(name) or name in fields:
            continue
        if attrs.get("type") in {"radio", "checkbox"}:
            fields[name] = [attrs["value"]]
        elif attrs.get("type", "text") == "text":
            fields[name] = ["answer"]
    for name in TEXTAREA.findall(page):
        if ours(name):
            fields.setdefault(name, ["answer"])
    return fields


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    starts: list[float] = field(default_factory=list)
    autosaves: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: (user id, position) -> the fields the server said it saved
    acknowledged: dict[tuple[int, int], dict[str, list[str]]] = field(default_factory=dict)
    finished: int = 0
    requests: int = 0

    def count(self, response):
        with self.lock:
            self.requests += 1
        return response

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def sit(browser: Browser, user_id: int, quiz_url: str, questions: int, think: tuple[float, float], tally: Tally):
    """One officer: open the assessment, start it, answer each question with autosave, submit."""
    home = tally.count(browser.get(quiz_url))
    if home.status != 200:
        return tally.error(f"quiz page: HTTP {home.status}")
    start = tally.count(browser.post(quiz_url + "start/", {"csrfmiddlewaretoken": csrf_token(home.body)}))
    if start.status != 302 or "/attempt/" not in start.headers.get("Location", ""):
        return tally.error(f"start: HTTP {start.status} {start.headers.get('Location', '')}")
    with tally.lock:
        tally.starts.append(start.seconds)
    attempt_url = start.headers["Location"].split("?")[0]
    rng = random.Random(user_id)  # noqa: S311 - think times, not secrets
    for position in range(1, questions + 1):
        page = tally.count(browser.get(f"{attempt_url}?q={position}"))
        if page.status != 200:
            return tally.error(f"question {position}: HTTP {page.status}")
        # Parse only the attempt's form: the client shares the machine with the servers.
        form_at = page.body.rfind("<form", 0, page.body.find("data-autosave-url"))
        form = page.body[form_at : page.body.find("</form>", form_at)]
        # The page's script saves to the form's data-autosave-url (quizzes/static/quizzes/autosave.js).
        save_url = AUTOSAVE_URL.search(form)
        fields = answer_fields(form, position)
        if not fields or not save_url:
            return tally.error(f"question {position}: no answer fields or autosave address on the page")
        time.sleep(rng.uniform(*think))
        saved = tally.count(
            browser.post(
                html.unescape(save_url.group(1)),
                {"csrfmiddlewaretoken": csrf_token(form), "shown": [str(position)], **fields},
            )
        )
        if saved.status != 200 or '"saved": true' not in saved.body:
            tally.error(f"autosave {position}: HTTP {saved.status} {saved.body[:120]}")
            continue
        with tally.lock:
            tally.autosaves.append(saved.seconds)
            tally.acknowledged[(user_id, position)] = fields
    submitted = tally.count(browser.post(attempt_url + "submit/", {"csrfmiddlewaretoken": csrf_token(form)}))
    if submitted.status != 302:
        return tally.error(f"submit: HTTP {submitted.status}")
    with tally.lock:
        tally.finished += 1


def check_database(user_ids: list[int], tally: Tally) -> dict[str, int]:
    """Every acknowledged answer stored once and as sent; one attempt per officer."""
    from django.db.models import Count

    from quizzes import scoring
    from quizzes.models import Attempt, AttemptQuestion

    attempts = dict(
        Attempt.objects.filter(user_id__in=user_ids).values_list("user_id").annotate(n=Count("id")).order_by()
    )
    rows = AttemptQuestion.objects.filter(attempt__user_id__in=user_ids).values(
        "attempt__user_id", "position", "question_type", "content", "response"
    )
    stored: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        stored.setdefault((row["attempt__user_id"], row["position"]), []).append(row)
    lost = duplicated = 0
    for key, fields in tally.acknowledged.items():
        copies = stored.get(key, [])
        if len(copies) > 1:
            duplicated += 1
        prefix = f"q-{key[1]}"
        values = {name[len(prefix) + 1 :] if name != prefix else "": value for name, value in fields.items()}
        if not copies or all(
            row["response"]
            != scoring.parse_response(question_type=row["question_type"], content=row["content"], field_values=values)
            for row in copies
        ):
            lost += 1
    return {
        "officers without an attempt": sum(1 for user_id in user_ids if attempts.get(user_id, 0) == 0),
        "officers with more than one attempt": sum(1 for n in attempts.values() if n > 1),
        "acknowledged answers": len(tally.acknowledged),
        "lost answers": lost,
        "duplicated answers": duplicated,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=500, help="officers in the burst (default 500)")
    parser.add_argument("--window", type=float, default=60, help="seconds over which they start (default 60)")
    parser.add_argument("--questions", type=int, default=10, help="questions each answers (the assessment asks 10)")
    parser.add_argument("--think-scale", type=float, default=1.0, help="multiplies the 0.5–2 s think time")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance (default 2)")
    parser.add_argument("--keep-db", action="store_true", help="leave the database in place afterwards")
    args = parser.parse_args()
    stop_on_sigterm()
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")
    shared = {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": f"bench-burst-{os.getpid()}"}

    with throwaway_database("exam_burst", keep=args.keep_db) as database_url:
        setup_django(database_url, **shared)
        load_demo()
        sessions, quiz_url = create_officers(args.officers)
        close_connections()
        scratch = tempfile.mkdtemp(prefix="bench-")
        try:
            env = production_env(database_url, scratch, **shared)
            collectstatic(env)
            with serving(env, instances=2, workers=args.workers) as servers:
                ports = [server.port for server in servers]
                print(
                    f"{'PostgreSQL' if database_url.startswith('postgres') else 'SQLite'} and Redis, two gunicorn "
                    f"instances (ports {ports[0]} and {ports[1]}, {args.workers} workers each), production settings; "
                    f"{args.officers} officers start {quiz_url} within {args.window:.0f} s, "
                    f"think time {0.5 * args.think_scale:.2f}–{2 * args.think_scale:.2f} s"
                )
                tally = Tally()
                rng = random.Random(2026)  # noqa: S311 - a repeatable schedule
                groups = [server.process.pid for server in servers]  # each in a session of its own
                cpu_before = cpu_by_part(groups)
                began = time.monotonic()
                threads = []
                for n, (user_id, session_key) in enumerate(sessions):
                    # Half the officers begin on each instance; every request then alternates.
                    browser = Browser(*(ports if n % 2 == 0 else ports[::-1]), cookies={"sessionid": session_key})
                    delay = rng.uniform(0, args.window)

                    def run(browser=browser, user_id=user_id, delay=delay):
                        time.sleep(max(0.0, began + delay - time.monotonic()))
                        try:
                            sit(
                                browser,
                                user_id,
                                quiz_url,
                                args.questions,
                                (0.5 * args.think_scale, 2 * args.think_scale),
                                tally,
                            )
                        except (OSError, ValueError) as error:
                            tally.error(f"{type(error).__name__}: {error}")

                    threads.append(threading.Thread(target=run, daemon=True))
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                wall = time.monotonic() - began
                cpu_after = cpu_by_part(groups)
                cpu = {part: cpu_after[part] - cpu_before[part] for part in cpu_after}
            counts = check_database([user_id for user_id, _key in sessions], tally)
        finally:
            close_connections()
            shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nAll officers done in {wall:.0f} s; {tally.finished} of {args.officers} submitted")
    print(f"requests answered: {tally.requests} ({tally.requests / wall:.1f}/s)")
    print(
        f"CPU seconds in the burst, of {os.cpu_count() * wall:.0f} on {os.cpu_count()} cores: "
        + ", ".join(f"{part} {seconds:.0f}" for part, seconds in cpu.items())
        + f"; app servers {cpu['app servers'] * 1000 / max(tally.requests, 1):.1f} ms and PostgreSQL "
        f"{cpu['PostgreSQL'] * 1000 / max(tally.requests, 1):.1f} ms per request"
    )
    print(f"errors: {len(tally.errors)}")
    for message in sorted(set(tally.errors))[:10]:
        print(f"  {message}")
    for label, value in counts.items():
        print(f"{label}: {value}")
    for label, times in (("start", tally.starts), ("autosave", tally.autosaves)):
        if times:
            print(
                f"{label:<8} n={len(times):<5} p50 {percentile(times, 0.5) * 1000:6.0f} ms  "
                f"p95 {percentile(times, 0.95) * 1000:6.0f} ms  max {max(times) * 1000:6.0f} ms  "
                f"mean {statistics.mean(times) * 1000:6.0f} ms"
            )
    if tally.errors or counts["lost answers"] or counts["duplicated answers"] or counts["officers without an attempt"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
