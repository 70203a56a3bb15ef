"""
Fail CI unless every JUnit report ran tests and skipped none, and the browser reports
actually ran browser tests.

    python .ci/check_junit.py --browser e2e.xml ... --unit unit.xml ...
"""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own pytest output


def summarise(path: str) -> tuple[int, int, int]:
    total = browser = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):  # noqa: S314
        total += 1
        if "e2e" in case.get("classname", "").split("."):
            browser += 1
        if case.find("skipped") is not None:
            skipped += 1
            print(f"{path}: skipped {case.get('classname')}::{case.get('name')}")
    return total, browser, skipped


def main(argv: list[str]) -> int:
    ok, kind = True, "unit"
    for arg in argv:
        if arg in {"--browser", "--unit"}:
            kind = arg[2:]
            continue
        total, browser, skipped = summarise(arg)
        print(f"{arg}: {total} tests, {browser} browser tests, {skipped} skipped")
        if total == 0 or skipped or (kind == "browser" and browser != total):
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
