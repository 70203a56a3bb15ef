"""
Retention (finding 11): ``anonymise_leavers`` anonymises people who left more than
``RETENTION_YEARS`` ago, after a dry run that changes nothing; their records stay, so
completions per course and compliance figures are unchanged; it is all or nothing; and each
anonymisation is an audit event, while earlier events are not rewritten.
"""

import datetime

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Rank, User
from audit.models import Action, AuditEvent
from audit.selectors import verify_trail
from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from compliance.models import Exemption
from compliance.selectors import Window, compliance_by_unit, totals
from courses.models import CourseCompletion
from quizzes.models import Adjustment, Attempt

from .conftest import completed, failed_attempt

pytestmark = pytest.mark.django_db


def years_ago(years: int, days: int = 0) -> datetime.datetime:
    """``years`` calendar years before now (28 February for a 29 February), less ``days``."""
    now = timezone.now()
    try:
        then = now.replace(year=now.year - years)
    except ValueError:  # CI runs the suite on a leap day
        then = now.replace(year=now.year - years, day=28)
    return then - datetime.timedelta(days=days)


def leave(*, when: datetime.datetime, org, course, username: str, warrant: str) -> User:
    """Someone who joined, trained and left (deactivated, unit cleared) at ``when``."""
    with time_machine.travel(when - datetime.timedelta(days=400), tick=False):
        person = UserFactory(
            username=username,
            first_name="Former",
            last_name=username.title(),
            email=f"{username}@example.police.uk",
            warrant_number=warrant,
            staff_number=f"S{warrant}",
            rank=Rank.POLICE_CONSTABLE,
            unit=org.team_a,
        )
    with time_machine.travel(when - datetime.timedelta(days=30), tick=False):
        completed(person, course, when=timezone.now())
        failed_attempt(person, answer="an answer", when=timezone.now())
    with time_machine.travel(when, tick=False):
        person.unit = None
        person.is_active = False
        person.save()
    return person


@pytest.fixture
def force(people, org, course):
    RequirementFactory(
        course=course, name="Hate crime", starts_on=datetime.date(2000, 1, 1), targets=[unit_target(org.force)]
    )
    old = leave(when=years_ago(7), org=org, course=course, username="oldleaver", warrant="LV-7001")
    older = leave(when=years_ago(9), org=org, course=course, username="olderleaver", warrant="LV-9001")
    recent = leave(when=years_ago(2), org=org, course=course, username="recentleaver", warrant="LV-2001")
    ExemptionFactory(
        user=old,
        requirement=course.requirements.first(),
        reason="Long-term sick leave (named condition)",
        granted_by=people["administrator"],
        evidence=SimpleUploadedFile("note.pdf", b"%PDF-1.4 note", content_type="application/pdf"),
    )
    Adjustment.objects.create(user=old, extra_time_percent=25, reason="Dyslexia", granted_by=people["administrator"])
    with time_machine.travel(years_ago(20), tick=False):
        stayer = UserFactory(username="longserving", unit=org.team_a)  # joined long ago, still serving
    return {"old": old, "older": older, "recent": recent, "stayer": stayer, "people": people}


def figures(viewer) -> dict:
    """The aggregates that must not change: completions per course, attempts, compliance counts."""
    window = Window.now()
    return {
        "completions": list(
            CourseCompletion.objects.values("course_id").annotate(n=Count("id")).order_by("course_id")
        ),
        "attempts": list(Attempt.objects.values("passed").annotate(n=Count("id")).order_by("passed")),
        "by_rank": list(User.objects.values("rank").annotate(n=Count("id")).order_by("rank")),
        "totals": totals(viewer, window).__dict__,
        "by_unit": [bar.__dict__ for bar in compliance_by_unit(viewer, window)],
    }


def identity(person) -> tuple:
    person.refresh_from_db()
    return (person.username, person.first_name, person.last_name, person.email, person.warrant_number)


def test_the_dry_run_lists_who_would_be_anonymised_and_changes_nothing(force, capsys):
    before = {key: identity(person) for key, person in force.items() if key != "people"}
    events = AuditEvent.objects.count()

    call_command("anonymise_leavers", "--dry-run")

    out = capsys.readouterr().out
    assert f"would anonymise user {force['older'].pk} (olderleaver)" in out
    assert f"would anonymise user {force['old'].pk} (oldleaver)" in out
    assert out.index("olderleaver") < out.index("(oldleaver)")  # longest gone first
    assert "recentleaver" not in out and "longserving" not in out
    assert "Dry run: 2 people left more than 6 years ago and would be anonymised. Nothing was changed." in out
    assert {key: identity(person) for key, person in force.items() if key != "people"} == before
    assert AuditEvent.objects.count() == events


def test_leavers_are_anonymised_and_their_records_kept(force, capsys, django_capture_on_commit_callbacks):
    old = force["old"]
    evidence = Exemption.objects.get(user=old).evidence.name
    viewer = force["people"]["administrator"]
    before = figures(viewer)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_leavers")

    assert "Anonymised 2 people who left more than 6 years ago." in capsys.readouterr().out
    assert identity(old) == (f"anonymised-{old.pk}", "Anonymised", f"person {old.pk}", "", None)
    old.refresh_from_db()
    assert old.staff_number is None and not old.has_usable_password()
    assert identity(force["recent"])[0] == "recentleaver"
    assert identity(force["stayer"])[0] == "longserving"
    assert CourseCompletion.objects.filter(user=old).count() == 1
    assert Attempt.objects.filter(user=old).count() == 1
    assert old.unit_memberships.count() == 1
    assert figures(viewer) == before
    exemption = Exemption.objects.get(user=old)
    assert (exemption.reason, exemption.evidence.name) == ("(removed under the retention policy)", "")
    assert not default_storage.exists(evidence)
    assert Adjustment.objects.get(user=old).reason == "(removed under the retention policy)"


def test_each_anonymisation_is_an_audit_event_and_earlier_events_are_kept(force):
    old = force["old"]
    deactivated = AuditEvent.objects.get(subject=old, action=Action.PERSON_DEACTIVATED)

    call_command("anonymise_leavers")

    event = AuditEvent.objects.get(subject=old, action=Action.PERSON_ANONYMISED)
    assert event.subject_label == f"Anonymised person {old.pk}"
    assert "Oldleaver" not in str(event.data) and "LV-7001" not in str(event.data)
    assert event.data["retention_years"] == 6
    assert AuditEvent.objects.get(pk=deactivated.pk).subject_label == "Former Oldleaver"  # not rewritten
    assert verify_trail().ok


def test_a_second_run_finds_nobody(force, capsys):
    call_command("anonymise_leavers")
    call_command("anonymise_leavers", "--dry-run")
    assert "Dry run: 0 people" in capsys.readouterr().out


def test_the_retention_period_comes_from_the_setting_or_the_option(force, settings, capsys):
    settings.RETENTION_YEARS = 8
    call_command("anonymise_leavers", "--dry-run")
    assert "Dry run: 1 people left more than 8 years ago" in capsys.readouterr().out
    call_command("anonymise_leavers", "--dry-run", "--years", "1")
    assert "Dry run: 3 people left more than 1 years ago" in capsys.readouterr().out
    with pytest.raises(CommandError, match="at least one year"):
        call_command("anonymise_leavers", "--years", "0")


def test_a_failure_part_way_changes_nobody(force, monkeypatch):
    from privacy import retention

    calls = []

    def fail_on_second(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return record_event(**kwargs)

    from audit.services import record_event

    monkeypatch.setattr(retention, "record_event", fail_on_second)
    with pytest.raises(RuntimeError):
        call_command("anonymise_leavers")
    assert identity(force["older"])[0] == "olderleaver"
    assert identity(force["old"])[0] == "oldleaver"
    assert not AuditEvent.objects.filter(action=Action.PERSON_ANONYMISED).exists()


def test_the_cutoff_on_a_leap_day_is_the_28th_of_february():
    from privacy.retention import cutoff

    leap_day = datetime.datetime(2028, 2, 29, 12, 0, tzinfo=datetime.UTC)
    assert cutoff(6, now=leap_day) == datetime.datetime(2022, 2, 28, 12, 0, tzinfo=datetime.UTC)
    assert cutoff(4, now=leap_day) == datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.UTC)
