"""
The demo's SCORM course: a SCORM 1.2 and a SCORM 2004 module, played from packages the project
writes itself (``scorm.samples``), so the demo shows bought-in e-learning beside our own.
Idempotent: a package is uploaded once; loading again changes nothing.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import CourseCataloguePage, CoursePage, Topic
from scorm import samples
from scorm.models import ScormModulePage, ScormPackage
from scorm.services import add_version

COURSE_SLUG = "hate-crime-e-learning"

MODULES = [
    {
        "slug": "recognising-hate-crime-scorm-1-2",
        "title": "Recognising hate crime (SCORM 1.2)",
        "summary": "A bought-in e-learning module in SCORM 1.2: the shared definition, and who decides.",
        "package": "Recognising hate crime (SCORM 1.2 demo package)",
        "build": samples.scorm12,
    },
    {
        "slug": "recording-hate-crime-scorm-2004",
        "title": "Recording hate crime (SCORM 2004)",
        "summary": "The same kind of module in SCORM 2004, with a mastery score of 80% in its manifest.",
        "package": "Recording hate crime (SCORM 2004 demo package)",
        "build": samples.scorm2004,
    },
]


def _package(title: str, build) -> ScormPackage:
    package, _created = ScormPackage.objects.get_or_create(
        title=title, defaults={"description": "Written by the project to show SCORM playback."}
    )
    if package.current_version_id is None:
        add_version(package=package, upload=SimpleUploadedFile(f"{package.pk}.zip", build()))
        package.refresh_from_db()
    return package


def load_scorm() -> CoursePage:
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePage.objects.child_of(catalogue).filter(slug=COURSE_SLUG).first()
    if course is None:
        course = CoursePage(
            slug=COURSE_SLUG,
            title="Hate crime e-learning (SCORM)",
            summary="Two short bought-in e-learning modules, played here from their SCORM packages.",
            intended_audience="All officers and staff",
            topic=Topic.HATE_CRIME,
            validity_months=24,
            review_by=datetime.date(2027, 6, 30),
        )
        course.learning_outcomes = (
            '[{"type": "outcome", "value": "Recognise a hate crime from the shared definition"}]'
        )
        catalogue.add_child(instance=course)
        course.save_revision().publish()
    for source in MODULES:
        if ScormModulePage.objects.child_of(course).filter(slug=source["slug"]).exists():
            continue
        page = ScormModulePage(
            slug=source["slug"],
            title=source["title"],
            summary=source["summary"],
            estimated_minutes=5,
            package=_package(source["package"], source["build"]),
        )
        course.add_child(instance=page)
        page.save_revision().publish()
    load_multi_sco(catalogue)
    return course


MULTI_SCO_COURSE_SLUG = "stop-and-search-e-learning"


def load_multi_sco(catalogue) -> CoursePage:
    """A course whose one module is a SCORM 2004 package in parts (two SCOs, an asset, an untracked SCO)."""
    course = CoursePage.objects.child_of(catalogue).filter(slug=MULTI_SCO_COURSE_SLUG).first()
    if course is None:
        course = CoursePage(
            slug=MULTI_SCO_COURSE_SLUG,
            title="Stop and search e-learning (SCORM, in parts)",
            summary="A bought-in SCORM 2004 module in several parts, each saved on its own.",
            intended_audience="All officers",
            topic=Topic.EQUALITY,
            validity_months=24,
            review_by=datetime.date(2027, 6, 30),
        )
        catalogue.add_child(instance=course)
        course.save_revision().publish()
    if not ScormModulePage.objects.child_of(course).exists():
        page = ScormModulePage(
            slug="stop-and-search-in-parts",
            title="Stop and search in parts (SCORM 2004)",
            summary="The law, then practice, then a glossary: move between the parts as you like.",
            estimated_minutes=10,
            package=_package("Stop and search (SCORM 2004 demo package, in parts)", samples.multi_scorm2004),
        )
        course.add_child(instance=page)
        page.save_revision().publish()
    return course
