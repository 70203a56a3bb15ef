"""
Benchmark: rolling a force's per-team figures up the unit tree for the compliance summary.

    .venv/bin/python benchmarks/summary_rollup.py [--commands 20] [--teams 25] [--courses 10]

The summary asks the database for figures per team and course in one query; the roll-up to
commands and the force happens in Python (``compliance.selectors.rolled_up``). This times that
step alone on a synthetic tree, with no database, so the figure is the roll-up's and nothing
else's.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from accounts.models import Unit  # noqa: E402
from compliance.selectors import Cell, rolled_up  # noqa: E402


def tree(commands: int, teams: int) -> list[SimpleNamespace]:
    step = Unit.steplen
    units = [SimpleNamespace(pk=1, path="1".zfill(step), depth=1)]
    for command in range(1, commands + 1):
        command_path = units[0].path + str(command).zfill(step)
        units.append(SimpleNamespace(pk=len(units) + 1, path=command_path, depth=2))
        for team in range(1, teams + 1):
            units.append(SimpleNamespace(pk=len(units) + 1, path=command_path + str(team).zfill(step), depth=3))
    return units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commands", type=int, default=20)
    parser.add_argument("--teams", type=int, default=25, help="teams per command")
    parser.add_argument("--courses", type=int, default=10)
    args = parser.parse_args()

    units = tree(args.commands, args.teams)
    direct = {
        (unit.pk, course): Cell(total=10, compliant=7, overdue=2, expiring=1)
        for unit in units
        if unit.depth == 3
        for course in range(args.courses)
    }
    started = time.perf_counter()
    totals = rolled_up(direct, units)
    elapsed = time.perf_counter() - started
    force_total = sum(totals[(1, course)].total for course in range(args.courses))
    if force_total != 10 * len(direct):
        sys.exit("The roll-up lost figures: every team's should reach the force.")
    print(f"{len(units)} units x {args.courses} courses: roll-up in {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    main()
