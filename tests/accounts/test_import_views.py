"""
The HR import in the Wagtail admin: who may open it (per role), the dry run shown before
anything changes, the confirmation that applies it, and bad files answered with a clear
message (never a 500).
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import importing
from accounts.models import ImportRun, User
from tests.conftest import ROLE_NAMES

FIXTURES = Path(__file__).parent.parent / "fixtures" / "hr"
ADMIN = {"administrator"}


def upload(name: str, content: bytes | None = None):
    return SimpleUploadedFile(name, content if content is not None else (FIXTURES / name).read_bytes())


@pytest.fixture
def previewed(people, org):
    return importing.preview(
        content=(FIXTURES / "good.csv").read_bytes(), file_name="good.csv", full=False, run_by=people["administrator"]
    ).run


@pytest.mark.parametrize(
    "url_name", ["hr_import:index", "hr_import:confirm", "hr_imports:index", "hr_imports:inspect"]
)
def test_only_administrators_open_the_import_views(client_as, previewed, url_name):
    args = [previewed.pk] if url_name.endswith(("confirm", "inspect")) else []
    url = reverse(url_name, args=args)
    statuses = {role: client_as(role).get(url).status_code for role in ROLE_NAMES}
    assert {role for role, status in statuses.items() if status == 200} == ADMIN, statuses
    assert {status for role, status in statuses.items() if role not in ADMIN} <= {302, 403, 404}, statuses
    assert statuses["anonymous"] == 302


@pytest.mark.parametrize("role", [role for role in ROLE_NAMES if role != "administrator"])
def test_nobody_else_can_upload_or_confirm(client_as, previewed, role):
    client = client_as(role)
    response = client.post(reverse("hr_import:index"), {"file": upload("good.csv")})
    assert response.status_code in {302, 403}
    response = client.post(reverse("hr_import:confirm", args=[previewed.pk]))
    assert response.status_code in {302, 403, 404}
    assert not User.objects.filter(warrant_number="9001").exists()
    assert ImportRun.objects.count() == 1


def test_the_menu_shows_the_import_to_administrators_only(client_as):
    admin_home = reverse("wagtailadmin_home")
    assert reverse("hr_import:index") in client_as("administrator").get(admin_home).content.decode()
    assert reverse("hr_import:index") not in client_as("manager_of_unit").get(admin_home).content.decode()


def test_an_administrator_previews_then_confirms(client_as, org):
    client = client_as("administrator")
    response = client.post(reverse("hr_import:index"), {"file": upload("good.csv")})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("hr_import:confirm", args=[run.pk])
    page = client.get(response.url).content.decode()
    assert "People to create: 3" in page
    assert "Test Constabulary/North Command/CID" in page  # the unit to create
    assert not User.objects.filter(warrant_number="9001").exists()
    response = client.post(reverse("hr_import:confirm", args=[run.pk]))
    assert response.status_code == 302 and response.url == reverse("hr_imports:inspect", args=[run.pk])
    assert User.objects.filter(warrant_number__in=["9001", "9002", "9003"]).count() == 3
    run.refresh_from_db()
    assert run.outcome == ImportRun.Outcome.APPLIED
    assert client.post(reverse("hr_import:confirm", args=[run.pk])).status_code == 404  # once only


def test_updates_are_previewed_field_by_field(client_as, org):
    importing.run(content=(FIXTURES / "good.csv").read_bytes(), file_name="good.csv", full=False, dry_run=False)
    changed = (FIXTURES / "good.csv").read_bytes().replace(b"Priya,Shah", b"Priya,Shah-Jones")
    client = client_as("administrator")
    response = client.post(reverse("hr_import:index"), {"file": upload("changed.csv", changed)}, follow=True)
    page = response.content.decode()
    assert "People to update: 1" in page
    assert "last name: Shah → Shah-Jones" in page


def test_a_file_with_a_bad_row_shows_the_row_and_applies_nothing(client_as, org):
    response = client_as("administrator").post(reverse("hr_import:index"), {"file": upload("one-bad-row.csv")})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Row errors: 1" in page
    assert "Unknown rank “Constable-ish”" in page
    assert "Apply the import" not in page
    assert ImportRun.objects.get().outcome == ImportRun.Outcome.ROW_ERRORS
    assert not User.objects.filter(warrant_number="9001").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-spreadsheet.png", "This is not a spreadsheet"),
        ("broken.xlsx", "This is not a readable XLSX workbook"),
        ("missing-columns.csv", "missing columns"),
        ("bad-encoding.csv", "not UTF-8 or Windows-1252"),
    ],
)
def test_a_bad_file_gets_a_clear_message(client_as, org, name, message):
    response = client_as("administrator").post(reverse("hr_import:index"), {"file": upload(name)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportRun.objects.get().outcome == ImportRun.Outcome.INVALID_FILE


def test_a_50_mb_upload_is_refused_by_the_form(client_as, org, settings):
    settings.HR_IMPORT_MAX_MEGABYTES = 20
    big = b"warrant_number\r\n" + b"1\r\n" * (25 * 1024 * 1024)
    response = client_as("administrator").post(reverse("hr_import:index"), {"file": upload("big.csv", big)})
    assert response.status_code == 200
    assert "the limit is 20 MB" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_stale_preview_is_refused_with_a_message(client_as, previewed):
    User.objects.create(username="someone", warrant_number="9001", first_name="Other")  # changes the plan
    client = client_as("administrator")
    response = client.post(reverse("hr_import:confirm", args=[previewed.pk]), follow=True)
    assert "changed after the preview" in response.content.decode()
    assert User.objects.filter(warrant_number="9002").count() == 0
