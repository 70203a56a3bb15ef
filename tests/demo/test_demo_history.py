"""
The demo's records hold together (issue 12, point 12): every version of a module, course or
question that a completion or attempt rests on existed when the officer read it, in the
database and in what the record of learning and the manager's view show.
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from accounts.models import User
from courses.models import CourseCompletion, ModuleProgress, Provenance
from quizzes.models import AttemptQuestion

pytestmark = pytest.mark.django_db

VERSION_OF = re.compile(r"version of (\d{1,2} \w{3} \d{4})")
REVISION_OF = re.compile(r"revision \d+ of (\d{1,2} \w{3} \d{4})")


def _day(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d %b %Y").date()


def test_every_version_the_demo_records_were_read_in_existed_when_they_were_read(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    completions = list(CourseCompletion.objects.prefetch_related("module_versions"))
    assert len(completions) > 20  # the demo's whole crowd, not a handful

    revisions = dict(Revision.objects.values_list("pk", "created_at"))
    for record in completions:
        versions = list(record.module_versions.all())
        if record.provenance != Provenance.COMPLETED_HERE:
            # Prior certifications (trained elsewhere, or recorded by an administrator) read nothing here.
            assert not versions, record
            continue
        assert versions, record
        for version in versions:
            assert version.revision_created_at <= record.completed_at, (record, version)
            assert version.created_at <= record.completed_at, (record, version)  # archived when first read
        assert revisions[record.course_revision_id] <= record.completed_at, record
    for progress in ModuleProgress.objects.filter(completed_version__isnull=False).select_related("completed_version"):
        assert progress.completed_version.revision_created_at <= progress.completed_at, progress

    asked = AttemptQuestion.objects.select_related("attempt").exclude(question_revision_id=None)
    assert asked.exists()
    for question in asked:
        assert revisions[question.question_revision_id] <= question.attempt.started_at, question

    # What people see: the officer's record of learning, and their sergeant's view of it.
    officer = User.objects.get(username="officer")
    [completed_on] = [timezone.localdate(r.completed_at) for r in completions if r.user_id == officer.pk]
    client.force_login(officer)
    shown = VERSION_OF.findall(client.get(reverse("compliance:my_record")).content.decode())
    assert shown and all(_day(day) <= completed_on for day in shown), (shown, completed_on)

    client.force_login(User.objects.get(username="sergeant"))
    transcript = client.get(reverse("compliance_reports:transcript", args=[officer.pk])).content.decode()
    shown = REVISION_OF.findall(transcript)
    assert shown and all(_day(day) <= completed_on for day in shown), (shown, completed_on)
