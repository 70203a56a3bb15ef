"""
Certification periods: each completion stores its own ``valid_from``/``valid_until``,
computed from the course's validity rule when it is issued ("N months after completion",
optionally aligned to a fixed renewal date), and the page editor never rewrites the rule
once officers have completed the course.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import CourseCompletion, CoursePage, Provenance
from courses.models.pages import validity_rule_errors
from courses.periods import ValidityRule, months_after

D = datetime.date


@pytest.mark.parametrize(
    ("completed", "months", "expected"),
    [
        (D(2026, 1, 15), 12, D(2027, 1, 15)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # month end: the last day of a shorter month
        (D(2027, 12, 31), 2, D(2028, 2, 29)),  # into a leap February
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # a leap day, a year on
        (D(2028, 2, 29), 48, D(2032, 2, 29)),  # a leap day, four years on
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 3, 31), 24, D(2028, 3, 31)),
    ],
)
def test_n_months_after_completion(completed, months, expected):
    assert ValidityRule(months=months).valid_until(completed) == expected
    assert months_after(completed, months) == expected
    assert CourseCompletion.valid_until_for(completed, months) == expected


def test_no_months_means_it_never_expires():
    assert ValidityRule().valid_until(D(2026, 5, 1)) is None
    assert ValidityRule().period(D(2026, 5, 1)) == (D(2026, 5, 1), None)


@pytest.mark.parametrize(
    ("completed", "expected"),
    [
        # Every 31 March, at least 12 months: the first 31 March on or after a year later.
        (D(2026, 4, 1), D(2028, 3, 31)),
        (D(2026, 3, 31), D(2027, 3, 31)),  # exactly 12 months lands on the renewal date
        (D(2026, 3, 30), D(2027, 3, 31)),
        (D(2027, 1, 15), D(2028, 3, 31)),
        (D(2026, 12, 31), D(2028, 3, 31)),
    ],
)
def test_aligned_to_a_fixed_date_never_counts_for_less_than_n_months(completed, expected):
    rule = ValidityRule(months=12, renew_month=3, renew_day=31)
    until = rule.valid_until(completed)
    assert until == expected
    assert until >= months_after(completed, 12)
    assert rule.period(completed) == (completed, expected)


def test_a_29_february_renewal_date_is_the_28th_in_a_common_year():
    rule = ValidityRule(months=12, renew_month=2, renew_day=29)
    assert rule.valid_until(D(2026, 1, 10)) == D(2027, 2, 28)
    assert rule.valid_until(D(2027, 1, 10)) == D(2028, 2, 29)
    assert rule.valid_until(D(2027, 3, 1)) == D(2029, 2, 28)


def test_a_30_june_rule_with_6_months():
    rule = ValidityRule(months=6, renew_month=6, renew_day=30)
    assert rule.valid_until(D(2026, 7, 1)) == D(2027, 6, 30)
    assert rule.valid_until(D(2026, 12, 30)) == D(2027, 6, 30)
    assert rule.valid_until(D(2027, 1, 1)) == D(2028, 6, 30)


@pytest.mark.parametrize(
    ("months", "month", "day", "field"),
    [
        (12, 3, None, "renew_day"),
        (12, None, 31, "renew_month"),
        (None, 3, 31, "validity_months"),
        (12, 4, 31, "renew_day"),
        (12, 2, 30, "renew_day"),
    ],
)
def test_bad_rules_are_refused_on_the_right_field(months, month, day, field):
    assert field in validity_rule_errors(months, month, day)


def test_good_rules_pass():
    assert validity_rule_errors(12, 2, 29) == {}
    assert validity_rule_errors(12, None, None) == {}
    assert validity_rule_errors(None, None, None) == {}


def test_the_page_refuses_a_bad_rule(course):
    course.renew_month = 3
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "renew_day" in error.value.message_dict


def complete_all(user, modules):
    for module in modules:
        services.complete_module(user=user, module=module)


def test_a_completion_stores_its_period_when_issued(people, course, modules):
    CoursePage.objects.filter(pk=course.pk).update(validity_months=12, renew_month=3, renew_day=31)
    officer = people["officer"]
    services.enrol(user=officer, course=CoursePage.objects.get(pk=course.pk))
    complete_all(officer, modules)
    record = CourseCompletion.objects.get()
    completed_on = timezone.localdate(record.completed_at)
    assert record.valid_from == completed_on
    assert record.valid_until == ValidityRule(months=12, renew_month=3, renew_day=31).valid_until(completed_on)
    assert record.valid_until.month == 3 and record.valid_until.day == 31
    assert record.provenance == Provenance.COMPLETED_HERE
    assert record.evidence["how"] == "module_read"


def course_form(course, **overrides) -> dict:
    data = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "learning_outcomes-count": "0",
        "intended_audience": "",
        "topic": course.topic,
        "validity_months": "12",
        "renewal_window_days": "60",
        "renew_month": "",
        "renew_day": "",
        "developed_with": "",
        "review_by": "",
        "action-submit": "submit",
    }
    return data | overrides


def test_the_editor_changes_the_rule_while_nobody_has_completed(client_as, course):
    client = client_as("administrator")
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    form = client.get(url).context["form"]
    assert not form.fields["validity_months"].disabled
    response = client.post(url, course_form(course, validity_months="24", **{"action-publish": "publish"}))
    assert response.status_code == 302, response.context["form"].errors
    assert CoursePage.objects.get(pk=course.pk).validity_months == 24


def test_the_editor_cannot_change_the_rule_once_officers_completed(client_as, people, course, modules):
    complete_officer(people, course, modules)
    client = client_as("administrator")
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    form = client.get(url).context["form"]
    assert all(form.fields[name].disabled for name in CoursePage.VALIDITY_FIELDS)
    response = client.post(
        url,
        course_form(course, validity_months="1", renew_month="3", renew_day="31", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    course = CoursePage.objects.get(pk=course.pk)
    assert (course.validity_months, course.renew_month, course.renew_day) == (12, None, None)
    assert course.get_latest_revision_as_object().validity_months == 12


def test_publishing_an_old_draft_keeps_the_live_rule(people, course, modules):
    course.validity_months = 3
    revision = course.save_revision()  # a draft from before anyone completed the course
    complete_officer(people, course, modules)
    CoursePage.objects.filter(pk=course.pk).update(validity_months=24)  # changed by the recorded action
    revision.publish()
    assert CoursePage.objects.get(pk=course.pk).validity_months == 24
    assert CourseCompletion.objects.get().valid_until is not None


def complete_officer(people, course, modules):
    services.enrol(user=people["officer"], course=course)
    complete_all(people["officer"], modules)
    return CourseCompletion.objects.get(user=people["officer"])
