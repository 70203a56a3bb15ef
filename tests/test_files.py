"""
Files (issue 11, finding 8): training documents need signing in; exemption evidence and
prepared exports live in the private storage, outside MEDIA_ROOT, served only by the
permission-checked views; `move_private_files` moves older files there.
"""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from compliance.factories import ExemptionFactory, RequirementFactory, unit_target
from compliance.models import Exemption, ExportJob
from core.storage import PrivateFileSystemStorage, private_storage

pytestmark = pytest.mark.django_db

ROLES = ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]


@pytest.fixture
def document(db, on_disk):
    return get_document_model().objects.create(
        title="Custody guidance", file=ContentFile(b"%PDF-1.4 guidance", name="custody-guidance.pdf")
    )


def test_a_document_needs_signing_in_and_comes_back_to_it(client, document):
    response = client.get(document.url)
    assert response.status_code == 302
    assert response.url == f"/account/sign-in/?next={document.url}"
    assert b"guidance" not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_everyone_signed_in_downloads_a_document_and_nothing_keeps_a_copy(client_as, document, role):
    response = client_as(role).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 guidance"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.fixture
def requirement(people, org, hate_crime):
    from django.utils import timezone

    return RequirementFactory(course=hate_crime, starts_on=timezone.localdate(), targets=[unit_target(org.force)])


@pytest.fixture
def hate_crime(db):
    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage

    return CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime")


@pytest.fixture
def on_disk(settings, tmp_path):
    """Real directories, as on a server: the media root and the private root side by side."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": settings.PRIVATE_MEDIA_ROOT},
        },
    }
    return settings


def test_evidence_uploaded_in_the_admin_is_stored_outside_the_media_root(client_as, people, requirement, on_disk):
    client = client_as("manager_of_unit")
    response = client.post(
        reverse("exemptions:add"),
        {
            "user": people["officer"].pk,
            "requirement": requirement.pk,
            "reason": "Long-term sick leave",
            "starts_on": requirement.starts_on.isoformat(),
            # Exemptions end within EXEMPTION_MAX_MONTHS (docs/security.md §1).
            "ends_on": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
            "evidence": SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    exemption = Exemption.objects.get()
    stored = on_disk.PRIVATE_MEDIA_ROOT / exemption.evidence.name
    assert stored.read_bytes() == b"%PDF-1.4 letter"
    assert not on_disk.MEDIA_ROOT.exists() or not list(on_disk.MEDIA_ROOT.rglob("*.pdf"))
    assert on_disk.MEDIA_ROOT not in stored.parents
    # Only the checked view serves it; the file has no address of its own.
    with pytest.raises(ValueError, match="no URL"):
        exemption.evidence.url  # noqa: B018
    download = client.get(reverse("compliance:evidence", args=[exemption.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 letter"
    assert "no-store" in download["Cache-Control"]


def test_prepared_exports_are_in_the_private_storage():
    assert Exemption._meta.get_field("evidence").storage is private_storage
    assert ExportJob._meta.get_field("file").storage is private_storage


def test_the_private_root_is_not_inside_the_media_root():
    from django.conf import settings

    from config.settings import base

    assert base.MEDIA_ROOT.resolve() not in base.PRIVATE_MEDIA_ROOT.resolve().parents
    assert base.STORAGES["private"]["BACKEND"] == "core.storage.PrivateFileSystemStorage"
    assert settings.STORAGES["private"]  # the test settings keep it separate too


def test_private_file_system_storage_gives_no_url(tmp_path):
    with pytest.raises(ValueError, match="no URL"):
        PrivateFileSystemStorage(location=tmp_path).url("exemption-evidence/x.pdf")


def test_move_private_files_moves_old_evidence_and_exports_once(people, requirement, on_disk):
    default_storage.save("exemption-evidence/old.pdf", ContentFile(b"%PDF-1.4 old note"))
    default_storage.save("compliance-exports/old.xlsx", ContentFile(b"PK old export"))
    exemption = ExemptionFactory(user=people["officer"], requirement=requirement, granted_by=people["manager_of_unit"])
    Exemption.objects.filter(pk=exemption.pk).update(evidence="exemption-evidence/old.pdf")
    ExportJob.objects.create(
        requested_by=people["manager_of_unit"],
        report="officers",
        filename="x.xlsx",
        file="compliance-exports/old.xlsx",
    )

    dry = io.StringIO()
    call_command("move_private_files", "--dry-run", stdout=dry)
    assert "Would move 2 file(s)" in dry.getvalue()
    assert default_storage.exists("exemption-evidence/old.pdf")

    out = io.StringIO()
    call_command("move_private_files", stdout=out)
    assert "Moved 2 file(s); 0 already private; 0 missing." in out.getvalue()
    assert not default_storage.exists("exemption-evidence/old.pdf")
    assert not default_storage.exists("compliance-exports/old.xlsx")
    assert (on_disk.PRIVATE_MEDIA_ROOT / "exemption-evidence/old.pdf").read_bytes() == b"%PDF-1.4 old note"
    exemption.refresh_from_db()
    assert exemption.evidence.read() == b"%PDF-1.4 old note"  # the record still finds it

    again = io.StringIO()
    call_command("move_private_files", stdout=again)
    assert "Moved 0 file(s); 2 already private; 0 missing." in again.getvalue()


PRINT_STORAGE = """
import json, importlib, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({
    "STORAGES": module.STORAGES,
    "IMG_SRC": module.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "PRIVATE_MEDIA_ROOT": module.PRIVATE_MEDIA_ROOT,
    "MEDIA_ROOT": module.MEDIA_ROOT,
}, default=str))
"""


def production_settings(**env):
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    clean = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "PRIVATE_", "MEDIA_"))}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT_STORAGE, "config.settings.production"],
        cwd=settings.BASE_DIR,
        env=clean | {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "training.example.police.uk"} | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_keeps_private_files_under_a_private_prefix_of_the_bucket_with_no_cdn():
    loaded = production_settings(
        AWS_STORAGE_BUCKET_NAME="training-media", AWS_S3_REGION_NAME="eu-west-2", AWS_S3_CUSTOM_DOMAIN="cdn.example"
    )
    private = loaded["STORAGES"]["private"]
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert private["OPTIONS"]["bucket_name"] == "training-media"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private" and private["OPTIONS"]["querystring_auth"] is True
    assert "custom_domain" not in private["OPTIONS"]
    assert loaded["IMG_SRC"] == [
        "'self'",
        "data:",
        "https://training-media.s3.amazonaws.com",
        "https://training-media.s3.eu-west-2.amazonaws.com",
        "https://cdn.example",
    ]
    separate = production_settings(AWS_STORAGE_BUCKET_NAME="media", AWS_PRIVATE_STORAGE_BUCKET_NAME="evidence")
    assert separate["STORAGES"]["private"]["OPTIONS"]["bucket_name"] == "evidence"


def test_production_on_disk_keeps_private_files_outside_the_media_root(tmp_path):
    loaded = production_settings(MEDIA_ROOT=str(tmp_path / "media"), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    assert loaded["STORAGES"]["private"] == {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private")},
    }


def test_a_private_root_inside_the_media_root_is_refused(tmp_path):
    import subprocess

    with pytest.raises(subprocess.CalledProcessError) as refused:
        production_settings(MEDIA_ROOT=str(tmp_path), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    assert "PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT" in refused.value.stderr
