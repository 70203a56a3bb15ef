"""Uploading packages in the admin: accepted when valid, refused with the reason otherwise, new versions on edit."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from scorm.models import ScormPackage
from tests.fixtures.scorm import build


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def test_a_trainer_uploads_a_scorm_2004_package(client_as, people):
    client = client_as("trainer")
    response = client.post(
        reverse("scorm_packages:add"),
        {"title": "Recording", "description": "", "upload": upload("p.zip", build.scorm2004())},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ScormPackage.objects.get(title="Recording")
    version = package.current_version
    assert (version.number, version.scorm_version, version.launch_path) == (1, "2004", "index.html")
    assert version.uploaded_by == people["trainer"]
    assert version.file.name.startswith("scorm/packages/")
    event = AuditEvent.objects.get(action="scorm.package_uploaded")
    assert (event.actor, event.target, event.data["version"]) == (people["trainer"], f"scorm_package:{package.pk}", 1)


def test_a_zip_slip_package_is_refused_with_the_reason(client_as):
    client = client_as("trainer")
    response = client.post(
        reverse("scorm_packages:add"),
        {"title": "Evil", "description": "", "upload": upload("evil.zip", build.zip_slip())},
    )
    assert response.status_code == 200
    assert "climbs out of the package folder (zip-slip)" in response.content.decode()
    assert not ScormPackage.objects.exists()


def test_a_package_needs_a_zip_when_created(client_as):
    response = client_as("trainer").post(reverse("scorm_packages:add"), {"title": "Empty", "description": ""})
    assert response.status_code == 200
    assert not ScormPackage.objects.exists()


def test_editing_with_a_new_zip_adds_a_version(client_as):
    client = client_as("trainer")
    client.post(
        reverse("scorm_packages:add"), {"title": "P", "description": "", "upload": upload("1.zip", build.scorm12())}
    )
    package = ScormPackage.objects.get()
    response = client.post(
        reverse("scorm_packages:edit", args=[package.pk]),
        {"title": "P", "description": "v2", "upload": upload("2.zip", build.scorm12(title="Two"))},
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.current_version.number == 2
    assert package.versions.count() == 2
    # Editing without a zip keeps the version.
    client.post(reverse("scorm_packages:edit", args=[package.pk]), {"title": "P", "description": "v3"})
    package.refresh_from_db()
    assert package.current_version.number == 2
