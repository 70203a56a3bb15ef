"""
Benchmark: the managers' compliance reports and exports on a force-sized data set.

    .venv/bin/python benchmarks/compliance_reports.py [--officers 5000] [--courses 10] [--keep-db] \\
        [--views first,last,csv]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/compliance_reports.py \\
        --officers 50000 --courses 40

Builds a force (teams under commands under the force: about one team per 1,250 officers, eight
teams to a command), ``--courses`` force-wide requirements, and for each officer and course a
spread of histories: about half completed (some expiring within 30 days, some expired), some in
progress, due soon, not started, overdue and exempt. Rows are written with ``bulk_create`` in
large batches; then ``compliance.services.rebuild_state()`` runs if it exists, so a stored state
table is filled. Then it measures, as ``bench-lead`` (a manager of the whole force, like the
demo's ``lead``): the summary, the officer list's first and last page, the overdue list, the
drill-down from a summary cell (one team × one course, overdue and expired), the charts, the
full CSV and the XLSX job. One line each: seconds, SQL queries and peak memory (Python's
tracemalloc peak for the pages, measured on a second run; the process's peak RSS, VmHWM, for
the CSV and the XLSX job, measured on the one run). ``stored`` adds what the pagination and
the CSV pipeline cost on stored, indexed columns (the shape of a stored state table).

Without ``--keep-db`` it builds a throwaway test database (as the test suite does) and drops
it. With ``--keep-db`` it migrates and fills the ``DATABASE_URL`` database itself (SQLite:
``db.sqlite3``), which must have no units yet, leaves it in place and prints ``bench-lead``'s
password, so the figures can be checked through the pages; run again with ``--keep-db`` on the
database it filled, it reuses the data set (migrating it first) and only measures.
``--views rebuild,snapshot`` also times ``rebuild_state()`` and one month-end snapshot's figures. Figures belong in
docs/performance.md; speed targets are never timed tests.
"""

import argparse
import datetime
import os
import resource
import secrets
import sys
import time
import tracemalloc
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

DAY = datetime.timedelta(days=1)
VIEWS = ("summary", "first", "last", "overdue", "drilldown", "charts", "csv", "xlsx", "stored")
#: Also measured when named in --views: the full rebuild of the stored state, and one month-end snapshot.
JOBS = ("rebuild", "snapshot")
BATCH = 5000


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def outcome(officer: int, course: int) -> int:
    """A number 0–99 that spreads the histories evenly over officers and courses."""
    return (officer * 7 + course * 13 + officer // 100) % 100


def build(officers: int, courses: int, password: str):
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from accounts import roles
    from accounts.models import Rank, Unit, UnitMembership, User
    from compliance.models import Assignment, AssignmentSource, DueRule, Exemption, Requirement, RequirementTarget
    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage, CourseCompletion, Enrolment, EnrolmentStatus

    today = timezone.localdate()
    now = timezone.now()
    team_count = max(4, round(officers / 1250))
    force = Unit.add_root(name="Benchmark Police", kind="force", code="BP")
    commands = [
        force.add_child(name=f"Command {n:02d}", kind="command", code=f"C{n}") for n in range((team_count + 7) // 8)
    ]
    teams = []
    for n in range(team_count):
        command = Unit.objects.get(pk=commands[n % len(commands)].pk)
        teams.append(command.add_child(name=f"Team {n:03d}", kind="team", code=f"T{n}"))

    hashed = PBKDF2PasswordHasher().encode("benchmark-officer", PBKDF2PasswordHasher().salt())
    ranks = [Rank.POLICE_CONSTABLE] * 6 + [Rank.SERGEANT, Rank.PCSO, Rank.SPECIAL_CONSTABLE, Rank.POLICE_STAFF]
    people = []
    for batch in batched(range(officers), BATCH):
        people += User.objects.bulk_create(
            User(
                username=f"officer{n}",
                first_name=f"Officer{n % 97}",
                last_name=f"Surname{n:06d}",
                warrant_number=str(100000 + n),
                rank=ranks[n % len(ranks)],
                is_detective=n % 23 == 0,
                unit=teams[n % team_count],
                password=hashed,
            )
            for n in batch
        )
    people_ids = [person.pk for person in people]
    unit_of = {person.pk: person.unit_id for person in people}
    del people
    for batch in batched(people_ids, BATCH):
        UnitMembership.objects.bulk_create(
            UnitMembership(user_id=pk, unit_id=unit_of[pk], started_at=now - 800 * DAY) for pk in batch
        )

    lead = User.objects.create_user(
        "bench-lead", "bench-lead@example.police.uk", password, first_name="Bench", last_name="Lead"
    )
    lead.rank = Rank.CHIEF_INSPECTOR
    lead.unit = force
    lead.password = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt())
    lead.save()
    from django.contrib.auth.models import Group

    lead.groups.set(Group.objects.filter(name__in=[roles.OFFICER, roles.MANAGER]))
    force.managers.add(lead)

    catalogue = CourseCataloguePage.objects.get(slug="courses")
    old = today - 400 * DAY
    for c in range(courses):
        course = CoursePageFactory(parent=catalogue, title=f"Required course {c:02d}", validity_months=12)
        requirement = Requirement(course=course, due_rule=DueRule.DAYS_AFTER, due_days=90, starts_on=old)
        requirement.targets.add(RequirementTarget(kind="unit", unit=force, include_subunits=True))
        requirement.save()

        def assigned_on(k):
            if 52 <= k < 60:
                return today - 10 * DAY  # in progress, not yet due
            if 60 <= k < 65:
                return today - 70 * DAY  # due within 30 days
            if 65 <= k < 70:
                return today - 30 * DAY  # not started, not yet due
            return old

        def completed_days_ago(n, k, c=c):
            if k < 40:
                return 20 + (n * 11 + c) % 300  # valid
            if k < 45:
                return 340 + (n + c) % 20  # expiring within 30 days
            if k < 50:
                return 400 + (n + c) % 100  # expired
            return None

        for batch in batched(enumerate(people_ids), BATCH):
            Assignment.objects.bulk_create(
                Assignment(
                    requirement=requirement,
                    user_id=pk,
                    course=course,
                    source=AssignmentSource.UNIT,
                    assigned_on=assigned_on(outcome(n, c)),
                    due_on=requirement.due_on_for(assigned_on(outcome(n, c))),
                )
                for n, pk in batch
            )
            enrolments = []
            for n, pk in batch:
                k = outcome(n, c)
                ago = completed_days_ago(n, k)
                if ago is not None:
                    at = now - ago * DAY
                    enrolments.append(
                        Enrolment(
                            user_id=pk,
                            course=course,
                            course_title=course.title,
                            status=EnrolmentStatus.COMPLETED,
                            enrolled_at=at - DAY,
                            started_at=at - DAY,
                            completed_at=at,
                        )
                    )
                elif 52 <= k < 60:
                    enrolments.append(
                        Enrolment(
                            user_id=pk,
                            course=course,
                            course_title=course.title,
                            status=EnrolmentStatus.IN_PROGRESS,
                            enrolled_at=now - 5 * DAY,
                            started_at=now - 5 * DAY,
                        )
                    )
            enrolments = Enrolment.objects.bulk_create(enrolments)
            CourseCompletion.objects.bulk_create(
                CourseCompletion(
                    enrolment=e,
                    user_id=e.user_id,
                    course=course,
                    course_title=course.title,
                    completed_at=e.completed_at,
                    valid_until=CourseCompletion.valid_until_for(timezone.localdate(e.completed_at), 12),
                    score=70 + e.user_id % 31,
                )
                for e in enrolments
                if e.completed_at
            )
            Exemption.objects.bulk_create(
                Exemption(
                    requirement=requirement,
                    user_id=pk,
                    reason="Benchmark exemption",
                    starts_on=today - 30 * DAY,
                    ends_on=today + 60 * DAY if n % 2 else None,
                    granted_by=lead,
                )
                for n, pk in batch
                if 50 <= outcome(n, c) < 52
            )

    from compliance import services

    rebuild = getattr(services, "rebuild_state", None)
    if rebuild is not None:
        started = time.perf_counter()
        rebuild()
        print(f"rebuild_state() in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        # Fresh tables have no planner statistics; a live database has them from autovacuum.
        cursor.execute("ANALYZE")
    snapshot = getattr(services, "snapshot_compliance", None)
    if snapshot is not None:
        started = time.perf_counter()
        taken = snapshot()
        print(f"snapshot_compliance() back-filled {len(taken)} month ends in {time.perf_counter() - started:.1f} s")
    return lead, teams[0]


class Queries:
    """Counts the queries and the time spent waiting for the database."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def _fetch(client: Client, url: str) -> tuple[object, int]:
    response = client.get(url)
    if response.status_code not in (200, 302):
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
    return response, size


def measure(client: Client, label: str, url: str):
    """Time one request (untraced), then run it again under tracemalloc for its peak memory."""
    queries = Queries()
    cpu = cpu_seconds()
    started = time.perf_counter()
    with connection.execute_wrapper(queries):
        response, size = _fetch(client, url)
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    tracemalloc.start()
    _fetch(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<38} {elapsed:8.3f} s  {queries.count:4d} queries  "
        f"peak {peak / 2**20:7.1f} MiB (Python)  {size / 1024:9.0f} KiB  "
        f"(SQL {queries.seconds:.3f} s, Python CPU {cpu:.3f} s)"
    )
    return response


def reset_peak_rss() -> bool:
    """Linux lets a process reset its own peak RSS (VmHWM) by writing 5 to clear_refs."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine, wall time alone overstates the cost."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_csv(client: Client, url: str):
    reset = reset_peak_rss()
    queries = Queries()
    cpu = cpu_seconds()
    started = time.perf_counter()
    with connection.execute_wrapper(queries):
        response = client.get(url)
        rows = -1  # the heading
        size = 0
        for chunk in response.streaming_content:
            rows += chunk.count(b"\n")
            size += len(chunk)
    elapsed = time.perf_counter() - started
    print(
        f"{'Officer list CSV (streamed)':<38} {elapsed:8.3f} s  {queries.count:4d} queries  "
        f"peak {peak_rss_mib():7.1f} MiB (RSS{'' if reset else ', whole run'})  {size / 2**20:7.1f} MiB  "
        f"{rows} rows, {rows / elapsed:,.0f} rows/s (CPU {cpu_seconds() - cpu:.1f} s)"
    )


def measure_xlsx_job(client: Client, url: str):
    from django.test.utils import override_settings

    from compliance.models import ExportJob

    reset = reset_peak_rss()
    queries = Queries()
    cpu = cpu_seconds()
    started = time.perf_counter()
    # Every size goes to the background job here; the immediate task backend builds it in the request.
    with connection.execute_wrapper(queries), override_settings(COMPLIANCE_XLSX_SYNC_MAX_ROWS=0):
        response = client.get(url)
    elapsed = time.perf_counter() - started
    job = ExportJob.objects.order_by("-pk").first()
    detail = f"job {job.status}, {job.row_count} rows" if job else f"HTTP {response.status_code}, no job"
    print(
        f"{'Officer list XLSX (job)':<38} {elapsed:8.3f} s  {queries.count:4d} queries  "
        f"peak {peak_rss_mib():7.1f} MiB (RSS{'' if reset else ', whole run'})  {detail}, "
        f"CPU {cpu_seconds() - cpu:.1f} s"
    )


def measure_stored_proxies(per_page: int = 50):
    """
    Until the stored state table exists, what this code costs on stored columns: the keyset
    paginator on ``Assignment(due_on, pk)`` with an index (as the state table's
    ``(sort_due, pk)``), and the CSV pipeline (values_list → rows → chunks) on the assignment
    table joined to person, unit and course with the status columns as constants.
    """
    from django.db.models import DateTimeField, DecimalField, F, Value

    from compliance.models import Assignment
    from compliance.pagination import END, KeysetPaginator
    from compliance.reports import EXPORT_VALUES, csv_chunks, export_rows

    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX bench_assignment_due_pk ON compliance_assignment (due_on, id)")
        cursor.execute("ANALYZE compliance_assignment")
    stored = Assignment.objects.filter(ended_on__isnull=True).select_related("user", "user__unit", "course")
    paginator = KeysetPaginator(stored, ("due_on", "pk"), per_page)
    for label, cursor in (("first", None), ("last", END)):
        queries = Queries()
        started = time.perf_counter()
        with connection.execute_wrapper(queries):
            page = paginator.page(before=cursor) if cursor else paginator.page()
        elapsed = time.perf_counter() - started
        print(
            f"{'Keyset on stored (due_on, pk), ' + label:<38} {elapsed:8.3f} s  {queries.count:4d} queries  "
            f"{len(page.object_list)} rows"
        )
    from compliance import models

    # Once the stored state exists, the real CSV line above measures this pipeline on it.
    if not hasattr(models, "ComplianceState"):
        values = (
            Assignment.objects.filter(ended_on__isnull=True)
            .annotate(
                status=Value("completed"),
                expiring=Value(False),
                next_due=F("due_on"),
                completed_at=Value(None, output_field=DateTimeField()),
                valid_until=F("due_on"),
                score=Value(None, output_field=DecimalField()),
            )
            .order_by("due_on", "pk")
            .values_list(*EXPORT_VALUES)
        )
        reset = reset_peak_rss()
        cpu = cpu_seconds()
        started = time.perf_counter()
        rows = size = 0
        for chunk in csv_chunks(["heading"], export_rows(values.iterator(chunk_size=5000))):
            rows += chunk.count(b"\n")
            size += len(chunk)
        elapsed = time.perf_counter() - started
        rows -= 1
        print(
            f"{'CSV pipeline on stored columns':<38} {elapsed:8.3f} s  {1:4d} queries  "
            f"peak {peak_rss_mib():7.1f} MiB (RSS{'' if reset else ', whole run'})  {size / 2**20:7.1f} MiB  "
            f"{rows} rows, {rows / elapsed:,.0f} rows/s (CPU {cpu_seconds() - cpu:.1f} s)"
        )
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX bench_assignment_due_pk")


def existing(password: str):
    """The force a previous ``--keep-db`` run built: ``bench-lead`` (with a new password) and the first team."""
    from accounts.models import Unit, User

    lead = User.objects.get(username="bench-lead")
    lead.set_password(password)
    lead.save(update_fields=["password"])
    return lead, Unit.objects.get(name="Team 000")


def run(args, password: str, reuse: bool = False):
    started = time.perf_counter()
    if reuse:
        from compliance.models import Assignment

        lead, team = existing(password)
        print(f"{connection.vendor}: reusing the kept force ({Assignment.objects.count()} assignments)\n")
    else:
        lead, team = build(args.officers, args.courses, password)
        print(
            f"{connection.vendor}: {args.officers} officers, {args.courses} force-wide requirements "
            f"({args.officers * args.courses} assignments), built in {time.perf_counter() - started:.1f} s\n"
        )
    views = set(args.views.split(","))
    if "rebuild" in views:
        from compliance import services

        started = time.perf_counter()
        result = services.rebuild_state()
        print(f"{'rebuild_state()':<38} {time.perf_counter() - started:8.3f} s  {result.created} rows")
    if "snapshot" in views:
        from compliance.selectors import GROUPS, figures_at_end_of, month_ends

        day = month_ends(timezone.localdate(), 2)[0]
        started = time.perf_counter()
        rows = figures_at_end_of(day, due_soon_days=30, expiring_days=30, by=GROUPS)
        print(
            f"{'Month-end figures of ' + str(day):<38} {time.perf_counter() - started:8.3f} s  "
            f"{len(rows)} unit × course × rank rows (what take_snapshot computes; it then writes them)"
        )
    from compliance.models import Requirement

    course_id = Requirement.objects.order_by("pk").values_list("course_id", flat=True).first()
    client = Client()
    client.force_login(lead)
    client.get(reverse("compliance_reports:exports"))  # warm per-process caches before timing (a cheap admin page)
    officers = reverse("compliance_reports:officers")
    if "summary" in views:
        measure(client, "Compliance summary", reverse("compliance_reports:summary"))
    if views & {"first", "last"}:
        first = measure(client, "Officer list, first page", officers)
        if "last" in views:
            measure(client, "Officer list, last page", first.context["keyset"]["last_url"])
    if "overdue" in views:
        measure(client, "Overdue list, first page", reverse("compliance_reports:overdue"))
    if "drilldown" in views:
        measure(
            client,
            "Drill-down: team × course, overdue",
            f"{officers}?unit={team.pk}&course={course_id}&status=overdue&status=expired",
        )
    if "charts" in views:
        measure(client, "Charts (by unit, 12 months)", reverse("compliance_reports:charts"))
    if "csv" in views:
        measure_csv(client, f"{officers}?export=csv")
    if "xlsx" in views:
        measure_xlsx_job(client, f"{officers}?export=xlsx")
    if "stored" in views:
        measure_stored_proxies()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=5000)
    parser.add_argument("--courses", type=int, default=10)
    parser.add_argument("--keep-db", action="store_true", help="fill the DATABASE_URL database and leave it")
    parser.add_argument(
        "--views",
        default=",".join(VIEWS),
        help=f"comma-separated, from {','.join(VIEWS + JOBS)} (default: all but {','.join(JOBS)})",
    )
    args = parser.parse_args()

    password = secrets.token_urlsafe(12)
    setup_test_environment()
    if args.keep_db:
        from django.core.management import call_command

        from accounts.models import Unit

        call_command("migrate", verbosity=0, interactive=False)
        from accounts.models import User

        reuse = User.objects.filter(username="bench-lead").exists()
        if Unit.objects.exists() and not reuse:
            raise SystemExit("--keep-db fills an empty database (or reuses one it filled): this one has other units.")
        run(args, password, reuse=reuse)
        print(f"\nKept {connection.settings_dict['NAME']}. Sign in as bench-lead, password {password}")
        return
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run(args, password)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
