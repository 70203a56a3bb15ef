"""
Benchmark: the reminder run (``manage.py queue_reminders``'s work) on a force-sized data set.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_2m .venv/bin/python benchmarks/reminders_run.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/empty_db .venv/bin/python benchmarks/reminders_run.py \\
        --officers 2000 --courses 10

On a database that already holds a force (the one ``benchmarks/compliance_reports.py --keep-db``
builds, with its stored compliance state), it only adds this app's tables (``migrate
notifications``, nothing else) and measures. On an empty database it migrates it and builds a
force first with ``compliance_reports.build``. It never touches other apps' rows: at the end
it deletes the reminder log rows it made (``--keep-log`` keeps them).

Measured, each with its SQL query count: the plan of one run (``notifications.selectors``,
three queries), the first run (``services.queue_due``: every due reminder and digest logged
with one INSERT … SELECT per kind), a second run on the same day (nothing new: idempotent), and
the sending of one batch of ``--send`` reminders (rendering both parts, Django's locmem mail
backend: no mail leaves the machine), from which the sending of all is extrapolated. Figures
belong in docs/performance.md; speed targets are never timed tests.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

#: The generated force has no email addresses: its reminders go (to locmem) at this one.
BENCH_ADDRESS = "bench-officer@example.invalid"


def timed(label: str, function):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - started
    print(f"{label:<44} {seconds:8.3f} s  {len(queries):4d} queries")
    return result, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officers", type=int, default=2000, help="when building a force on an empty database")
    parser.add_argument("--courses", type=int, default=10, help="when building a force on an empty database")
    parser.add_argument("--send", type=int, default=1000, help="how many reminders to send in the sending sample")
    parser.add_argument("--keep-log", action="store_true", help="leave the reminder log rows in place")
    args = parser.parse_args()
    if settings.EMAIL_BACKEND != "django.core.mail.backends.locmem.EmailBackend":
        raise SystemExit("The benchmark sends mail only to Django's locmem backend (config.settings.test).")
    setup_test_environment()

    tables = connection.introspection.table_names()
    if "accounts_unit" not in tables:
        call_command("migrate", verbosity=0, interactive=False)
        import compliance_reports

        print(f"building {args.officers} officers × {args.courses} requirements…")
        compliance_reports.build(args.officers, args.courses, secrets.token_urlsafe(12))
    elif "notifications_reminder" not in tables:
        call_command("migrate", "notifications", verbosity=0, interactive=False)

    from compliance.models import ComplianceState, Requirement
    from notifications import selectors, services
    from notifications.models import NotificationSettings, Reminder

    if Reminder.objects.exists():
        raise SystemExit("The reminder log is not empty: run with an empty log (a previous --keep-log run?).")
    states = ComplianceState.objects.count()
    requirements = Requirement.objects.filter(active=True).count()
    print(
        f"{connection.vendor}: {states} stored states, {requirements} requirements, "
        f"{connection.settings_dict['NAME']}, {timezone.localdate()}"
    )
    NotificationSettings.current()  # the settings row, made on first use
    today = timezone.localdate()

    def plan():
        return {
            kind.value: queryset.count()
            for kind, queryset in selectors.due_reminders(today, need_address=False).items()
        }

    planned, _ = timed("plan (count per kind)", plan)
    print(f"{'':<44} {planned}")
    try:
        result, first = timed(
            "first run: queue_due (log everything due)",
            lambda: services.queue_due(today=today, missing_address=BENCH_ADDRESS),
        )
        print(f"{'':<44} {result.logged}")
        result, _ = timed(
            "second run, same day (nothing new)",
            lambda: services.queue_due(today=today, missing_address=BENCH_ADDRESS),
        )
        if any(result.logged.values()):
            raise SystemExit(f"The second run logged more: {result.logged}")
        total = services.due_count()
        sent, seconds = timed(f"send one batch of {args.send}", lambda: services.send_batch(limit=args.send))
        if sent["sent"]:
            print(
                f"{'':<44} {sent}; all {total}: about {seconds / sent['sent'] * total:.0f} s "
                f"at this rate in one worker"
            )
    finally:
        if not args.keep_log:
            Reminder.objects.all().delete()


if __name__ == "__main__":
    main()
