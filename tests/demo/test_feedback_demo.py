import pytest
from django.core.management import call_command

from courses.models import CoursePage
from feedback import selectors
from feedback.models import FeedbackResponse

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_one_courses_rate_and_keeps_one_below_the_threshold(settings):
    settings.DEBUG = True
    call_command("load_demo")
    rates = {rate.course.slug: rate for rate in selectors.published_rates()}
    assert rates["hate-crime-recognise-record-support"].published
    assert not rates["guide-to-judaism"].published
    assert rates["guide-to-judaism"].responses > 0
    assert not FeedbackResponse.objects.filter(user__username="officer").exists()
    count = FeedbackResponse.objects.count()
    call_command("load_demo")
    assert FeedbackResponse.objects.count() == count
    assert CoursePage.objects.filter(slug="hate-crime-recognise-record-support").exists()
