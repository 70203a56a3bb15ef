"""
Benchmark: rendering certificate PDFs, as a download does (WeasyPrint, tagged PDF/UA-1, QR code,
a logo), from the stored facts.

    .venv/bin/python benchmarks/certificate_pdf.py [--count 50]

Prints the median and 95th percentile per PDF in milliseconds (wall clock), and the median CPU
time. The goal is ≤ 300 ms per PDF.
The first render (loading fonts) is timed apart and left out of the figures. No database: the
certificate and the settings are built in memory, so the figure is the rendering's alone.
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from PIL import Image  # noqa: E402

from certificates.models import Certificate, new_code  # noqa: E402
from certificates.pdf import render_pdf  # noqa: E402


def logo() -> SimpleNamespace:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 200), "#1d70b8").save(buffer, format="PNG")
    return SimpleNamespace(file=ContentFile(buffer.getvalue(), name="logo.png"), title="Example Police Service")


def certificate(number: int) -> Certificate:
    return Certificate(
        code=new_code(),
        full_name=f"Alex Morgan-{number}",
        warrant_number=f"EP{4000 + number}",
        course_title="Judaism: a guide for officers",
        version_label="Content of 3 March 2026 (revision 412)",
        completed_on=datetime.date(2026, 3, 14),
        valid_until=datetime.date(2028, 3, 14),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50, help="PDFs to render")
    args = parser.parse_args()
    options = SimpleNamespace(
        force_name="Example Police Service",
        signatory_name="Pat Okafor",
        signatory_role="Head of Learning and Development",
        logo=logo(),
    )
    started = time.perf_counter()
    size = len(render_pdf(certificate(0), options=options))
    first = (time.perf_counter() - started) * 1000
    timings, cpu = [], []
    for number in range(1, args.count + 1):
        started, cpu_started = time.perf_counter(), time.process_time()
        render_pdf(certificate(number), options=options)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    print(f"{args.count} certificate PDFs ({size / 1024:.0f} KB each): first {first:.0f} ms (fonts loaded)")
    print(f"p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms per PDF (goal ≤ 300 ms)")
    # CPU time: what one PDF costs this process, less sensitive than the wall clock to a shared machine.
    print(f"CPU time per PDF: p50 {statistics.median(cpu):.0f} ms")


if __name__ == "__main__":
    main()
