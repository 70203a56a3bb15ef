"""
Finding 11: an officer's own record download held completions and exemptions only, so an
officer with just a failed attempt downloaded a header and nothing else. It now lists every
quiz attempt too.
"""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import completed, failed_attempt

pytestmark = pytest.mark.django_db


def download(client) -> list[list[str]]:
    response = client.get(reverse("compliance:my_record"), {"export": "csv"})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_an_officer_with_only_a_failed_attempt_downloads_that_attempt(client_as, people):
    when = timezone.now()
    failed_attempt(people["officer"], answer="x", when=when)
    rows = download(client_as("officer"))
    finished = timezone.localtime(when + timezone.timedelta(minutes=9)).strftime("%Y-%m-%d %H:%M")
    assert rows == [
        ["Date", "What", "Course", "Score (%)", "Valid until", "Evidence", "Valid from", "Provenance"],
        [finished, "Quiz attempt 1: not passed", "Hate crime: Assessment", "25.00", "", "1.00 of 4.00 marks", "", ""],
    ]


def test_attempts_and_completions_are_listed_together_oldest_first(client_as, people, course):
    now = timezone.now()
    completed(people["officer"], course, when=now - timezone.timedelta(days=10))
    failed_attempt(people["officer"], answer="x", when=now - timezone.timedelta(days=20))
    failed_attempt(people["other_officer"], answer="x", when=now)
    rows = download(client_as("officer"))
    assert [row[1] for row in rows[1:]] == ["Quiz attempt 1: not passed", "Completed"]
