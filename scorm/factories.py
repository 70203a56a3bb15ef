"""Factories for SCORM packages and module pages, used by the tests (never by the demo)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.factories import PublishedPageFactory

from .models import ScormModulePage, ScormPackage
from .services import add_version


def package_from(data: bytes, *, title: str = "A SCORM package", name: str = "package.zip") -> ScormPackage:
    """A package whose first version is the zip ``data`` (checked as an upload would be)."""
    package = ScormPackage.objects.create(title=title)
    add_version(package=package, upload=SimpleUploadedFile(name, data, content_type="application/zip"))
    package.refresh_from_db()
    return package


class ScormModulePageFactory(PublishedPageFactory):
    class Meta:
        model = ScormModulePage

    title = "A SCORM module"
    estimated_minutes = 10
