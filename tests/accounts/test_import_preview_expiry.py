"""
An HR import preview never confirmed does not live for ever: after ``HR_IMPORT_PREVIEW_HOURS``
it cannot be confirmed (a clear message to upload again, nothing applied), and
``purge_import_previews`` (also run by ``purge_exports``) deletes its stored file, the
personal data it held, keeping the run's record, marked expired. The clock is moved with
time-machine, from ``timezone.now()``.
"""

import datetime
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import importing
from accounts.models import ImportRun, User
from core.storage import private_storage
from tests.conftest import ROLE_NAMES

FIXTURES = Path(__file__).parent.parent / "fixtures" / "hr"
Outcome = ImportRun.Outcome


@pytest.fixture
def previewed(people, org):
    return importing.preview(
        content=(FIXTURES / "good.csv").read_bytes(), file_name="good.csv", full=False, run_by=people["administrator"]
    ).run


def later(hours: float):
    return time_machine.travel(timezone.now() + datetime.timedelta(hours=hours), tick=False)


def test_a_preview_within_its_hours_is_confirmed(previewed, people):
    with later(23.9):
        # Not expired (it may be stale if the day changed meanwhile: the plan depends on the day).
        assert not importing.is_expired(ImportRun.objects.get(pk=previewed.pk))
        result = importing.confirm(run_id=previewed.pk, run_by=people["administrator"])
        assert result.run.outcome != Outcome.EXPIRED
    with later(0.01):
        fresh = importing.preview(
            content=(FIXTURES / "good.csv").read_bytes(),
            file_name="good.csv",
            full=False,
            run_by=people["administrator"],
        ).run
        assert importing.confirm(run_id=fresh.pk, run_by=people["administrator"]).applied
    assert User.objects.filter(warrant_number="9001").exists()


def test_an_expired_preview_is_refused_with_a_message_and_nothing_applied(
    previewed, people, django_capture_on_commit_callbacks
):
    assert private_storage.exists(previewed.stored_file)
    with later(24.01), django_capture_on_commit_callbacks(execute=True):
        result = importing.confirm(run_id=previewed.pk, run_by=people["administrator"])
    assert not result.applied
    assert "expired" in result.file_error and "Upload the file again" in result.file_error
    assert not User.objects.filter(warrant_number="9001").exists()
    run = ImportRun.objects.get(pk=previewed.pk)
    assert run.outcome == Outcome.EXPIRED and run.stored_file == ""
    assert not private_storage.exists(previewed.stored_file)


@override_settings(HR_IMPORT_PREVIEW_HOURS=2)
def test_the_hours_are_a_setting(previewed, people):
    with later(2.01):
        assert not importing.confirm(run_id=previewed.pk, run_by=people["administrator"]).applied


def test_the_purge_expires_old_previews_and_deletes_their_files_only(
    previewed, people, django_capture_on_commit_callbacks
):
    admin = people["administrator"]
    # A preview of another file, made 20 hours later: still live when the first expires.
    with later(20):
        fresh = importing.preview(
            content=(FIXTURES / "good-bom.csv").read_bytes(), file_name="good-bom.csv", full=False, run_by=admin
        ).run
    with later(24.5), django_capture_on_commit_callbacks(execute=True):
        out = StringIO()
        call_command("purge_import_previews", stdout=out)
    assert "HR import previews expired: 1 (kept for 24 hours)." in out.getvalue()
    assert ImportRun.objects.get(pk=previewed.pk).outcome == Outcome.EXPIRED
    assert not private_storage.exists(previewed.stored_file)
    assert ImportRun.objects.get(pk=fresh.pk).outcome == Outcome.PREVIEWED
    assert private_storage.exists(fresh.stored_file)
    # Applied runs and refused runs are records, never purged.
    assert ImportRun.objects.count() == 2


def test_a_file_previewed_twice_is_kept_while_one_preview_lives(previewed, people, django_capture_on_commit_callbacks):
    admin = people["administrator"]
    with later(10):
        again = importing.preview(
            content=(FIXTURES / "good.csv").read_bytes(), file_name="good.csv", full=False, run_by=admin
        ).run
    assert again.stored_file == previewed.stored_file
    with later(25), django_capture_on_commit_callbacks(execute=True):
        assert importing.expire_previews() == 1
    assert private_storage.exists(again.stored_file)
    with later(35), django_capture_on_commit_callbacks(execute=True):
        assert importing.expire_previews() == 1
    assert not private_storage.exists(again.stored_file)


def test_purge_exports_expires_previews_too(previewed):
    with later(30):
        out = StringIO()
        call_command("purge_exports", stdout=out)
    assert "Exports deleted" in out.getvalue() and "HR import previews expired: 1" in out.getvalue()


# In the admin


def test_opening_or_confirming_an_expired_preview_says_upload_again(client_as, previewed):
    client = client_as("administrator")
    url = reverse("hr_import:confirm", args=[previewed.pk])
    assert "expires at" in client.get(url).content.decode()
    with later(25):
        client = client_as("administrator")  # signed in again: a day-old session has ended
        for response in (client.get(url, follow=True), client.post(url, follow=True)):
            assert response.status_code == 200
            assert response.redirect_chain[-1][0] == reverse("hr_import:index")
            assert "This preview has expired" in response.content.decode()
        importing.expire_previews()
        response = client.get(url, follow=True)
        assert "This preview has expired" in response.content.decode()
    assert not User.objects.filter(warrant_number="9001").exists()


@pytest.mark.parametrize("role", [role for role in ROLE_NAMES if role != "administrator"])
def test_nobody_else_learns_of_an_expired_preview(client_as, previewed, role):
    url = reverse("hr_import:confirm", args=[previewed.pk])
    with later(25):
        importing.expire_previews()
        response = client_as(role).get(url)
    assert response.status_code in {302, 403, 404}
    assert "This preview has expired" not in response.content.decode()
