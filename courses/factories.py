"""Factories for course pages and learner records, used by the tests (never by the demo)."""

import json

import factory
import wagtail_factories

from .models import CourseCataloguePage, CoursePage, ModulePage, Topic


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Pages created through a published revision, as the admin would leave them."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class CourseCataloguePageFactory(PublishedPageFactory):
    class Meta:
        model = CourseCataloguePage

    title = "Courses"


class CoursePageFactory(PublishedPageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A short course about policing."
    topic = Topic.HATE_CRIME
    validity_months = 12
    learning_outcomes = factory.LazyFunction(lambda: json.dumps([{"type": "outcome", "value": "Recognise it"}]))


class ModulePageFactory(PublishedPageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    estimated_minutes = 5
    body = factory.LazyAttribute(
        lambda module: json.dumps([{"type": "paragraph", "value": f"<p>What officers read in {module.title}.</p>"}])
    )
