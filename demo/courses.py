"""
The demo courses, written in ``demo/content/*.py`` as plain data and published here as
Wagtail pages. Loading again changes nothing unless the source changed, so officers'
records do not show "changed since you completed it" after every `load_demo`.
"""

import json

from core.streamfield import without_ids
from courses.models import CourseCataloguePage, CoursePage, ModulePage

from . import history, media
from .content import hate_crime, judaism, online_hate

SOURCES = [judaism.COURSE, hate_crime.COURSE, online_hate.COURSE]

COURSE_FIELDS = [
    "title",
    "summary",
    "intended_audience",
    "topic",
    "developed_with",
    "validity_months",
    "review_by",
]
MODULE_FIELDS = ["title", "summary", "estimated_minutes", "review_by"]


def _table(value: dict) -> dict:
    return {
        "data": value["data"],
        "table_caption": value["table_caption"],
        "first_row_is_table_header": value.get("first_row_is_table_header", True),
        "first_col_is_header": value.get("first_col_is_header", False),
        "table_header_choice": "row" if value.get("first_row_is_table_header", True) else "",
        "cell": [],
        "mergedCells": [],
    }


def _body(blocks: list[dict]) -> str:
    raw = []
    for block in blocks:
        value = _table(block["value"]) if block["type"] == "table" else block["value"]
        if block["type"] in {"image", "document"}:
            value = {**value, block["type"]: media.resolve(value[block["type"]])}
        raw.append({"type": block["type"], "value": value})
    return json.dumps(raw)


def _stream_data(page, field_name: str):
    field = page._meta.get_field(field_name)
    prepared = field.get_prep_value(getattr(page, field_name))
    return without_ids(json.loads(prepared) if isinstance(prepared, str) else prepared)


def _publish_if_changed(page, fields: dict, stream_fields: dict) -> bool:
    """Set the fields; save and publish a new revision only if something differs."""
    changed = page.pk is None
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    for name, raw in stream_fields.items():
        before = _stream_data(page, name) if page.pk else None
        setattr(page, name, raw)
        if before != _stream_data(page, name):
            changed = True
    if changed and page.pk:
        page.save_revision().publish()
    return changed


def load_course(catalogue: CourseCataloguePage, source: dict) -> CoursePage:
    fields = {name: source[name] for name in COURSE_FIELDS}
    outcomes = json.dumps([{"type": "outcome", "value": text} for text in source["learning_outcomes"]])
    course = CoursePage.objects.child_of(catalogue).filter(slug=source["slug"]).first()
    if course is None:
        course = CoursePage(slug=source["slug"], **fields)
        course.learning_outcomes = outcomes
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        history.date_first_version(course)
    else:
        _publish_if_changed(course, fields, {"learning_outcomes": outcomes})

    for module_source in source["modules"]:
        fields = {name: module_source[name] for name in MODULE_FIELDS}
        module = ModulePage.objects.child_of(course).filter(slug=module_source["slug"]).first()
        body = _body(module_source["body"])
        if module is None:
            module = ModulePage(slug=module_source["slug"], **fields)
            module.body = body
            course.add_child(instance=module)
            module.save_revision().publish()
            history.date_first_version(module)
        else:
            _publish_if_changed(module, fields, {"body": body})
    return course


def load_courses() -> list[CoursePage]:
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    return [load_course(catalogue, source) for source in SOURCES]
