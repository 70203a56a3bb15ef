"""
Changing a course's validity rule (compliance.periods): a preview of what it would do, a
choice between new completions only and recomputing existing ones, applied atomically,
re-deriving the compliance state, and recorded (who, when, old and new rule, choice,
counts) in ``ValidityRuleChange`` and the audit trail. Only those who may edit the course.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, AuditEvent
from compliance import periods
from compliance.models import ComplianceState, RuleChoice, ValidityRuleChange
from courses.models import CourseCompletion, CoursePage
from courses.periods import ValidityRule

from .conftest import record_completion

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)
SIX_MONTHS = ValidityRule(months=6)


def state_of(user, course):
    return ComplianceState.objects.get(user=user, course=course)


def test_the_preview_counts_completions_and_people_who_would_expire(people, required, hate_crime):
    # The officer completed 350 days ago (valid 12 months): 6 months would have run out.
    preview = periods.preview_rule_change(course=hate_crime, rule=SIX_MONTHS)
    assert (preview.completions, preview.completions_changed, preview.people_expired) == (1, 1, 1)
    assert preview.people_renewed == 0
    # Nothing changed by previewing.
    assert CourseCompletion.objects.get().valid_until > timezone.localdate()


def test_an_exempt_person_is_not_counted_as_becoming_expired(people, required, hate_crime):
    record_completion(people["manager_of_unit"], hate_crime, on=timezone.localdate() - 350 * day)
    preview = periods.preview_rule_change(course=hate_crime, rule=SIX_MONTHS)
    assert preview.completions_changed == 2
    assert preview.people_expired == 1  # the manager is exempt: their status does not change


def test_a_longer_rule_renews_expired_people(people, required, hate_crime):
    record_completion(people["other_officer"], hate_crime, on=timezone.localdate() - 400 * day)
    preview = periods.preview_rule_change(course=hate_crime, rule=ValidityRule(months=24))
    assert (preview.completions_changed, preview.people_expired, preview.people_renewed) == (2, 0, 1)


def test_new_completions_only_keeps_every_period_issued(people, required, hate_crime):
    before = CourseCompletion.objects.get()
    state_before = state_of(people["officer"], hate_crime)
    record = periods.change_validity_rule(
        course=hate_crime, rule=SIX_MONTHS, choice=RuleChoice.NEW_ONLY, changed_by=people["trainer"]
    )
    after = CourseCompletion.objects.get()
    assert (after.valid_from, after.valid_until) == (before.valid_from, before.valid_until)
    assert state_of(people["officer"], hate_crime).valid_until == state_before.valid_until
    assert CoursePage.objects.get(pk=hate_crime.pk).validity_months == 6
    assert record.choice == RuleChoice.NEW_ONLY
    assert (record.completions_changed, record.people_expired) == (0, 0)
    assert record.old_rule == {"months": 12, "renew_month": None, "renew_day": None}
    assert record.new_rule == {"months": 6, "renew_month": None, "renew_day": None}
    assert record.changed_by == people["trainer"] and record.changed_by_name == people["trainer"].display_name
    # The next completion gets the new rule.
    later = record_completion(
        people["other_officer"], CoursePage.objects.get(pk=hate_crime.pk), on=timezone.localdate()
    )
    assert later.valid_until == CourseCompletion.valid_until_for(timezone.localdate(), 6)


def test_recompute_existing_rewrites_the_periods_and_the_state(people, required, hate_crime):
    record = periods.change_validity_rule(
        course=hate_crime, rule=SIX_MONTHS, choice=RuleChoice.RECOMPUTE, changed_by=people["administrator"]
    )
    completion = CourseCompletion.objects.get()
    assert completion.valid_until == CourseCompletion.valid_until_for(completion.valid_from, 6)
    assert state_of(people["officer"], hate_crime).valid_until == completion.valid_until
    assert (record.completions_changed, record.people_expired) == (1, 1)
    event = AuditEvent.objects.get(action=Action.VALIDITY_RULE_CHANGED)
    assert event.actor == people["administrator"]
    assert event.data["choice"] == "recompute" and event.data["completions_changed"] == 1
    assert event.data["old_rule"]["months"] == 12 and event.data["new_rule"]["months"] == 6
    call_command("check_compliance_state")  # raises CommandError on any drift


def test_recompute_to_a_fixed_date(people, required, hate_crime):
    rule = ValidityRule(months=12, renew_month=3, renew_day=31)
    periods.change_validity_rule(
        course=hate_crime, rule=rule, choice=RuleChoice.RECOMPUTE, changed_by=people["trainer"]
    )
    completion = CourseCompletion.objects.get()
    assert completion.valid_until == rule.valid_until(completion.valid_from)
    assert (completion.valid_until.month, completion.valid_until.day) == (3, 31)
    call_command("check_compliance_state")


def test_only_those_who_may_edit_the_course_change_its_rule(people, required, hate_crime):
    for role in ("officer", "other_officer", "manager_of_unit", "manager_of_other_unit"):
        with pytest.raises(PermissionDenied):
            periods.change_validity_rule(
                course=hate_crime, rule=SIX_MONTHS, choice=RuleChoice.RECOMPUTE, changed_by=people[role]
            )
    assert not ValidityRuleChange.objects.exists()
    assert CoursePage.objects.get(pk=hate_crime.pk).validity_months == 12


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("officer", False),
        ("other_officer", False),
        ("trainer", True),
        ("manager_of_other_unit", False),
        ("manager_of_unit", False),
        ("administrator", True),
    ],
)
def test_the_change_view_for_every_role(client_as, people, required, hate_crime, role, allowed):
    url = reverse("compliance_reports:validity_rule", args=[hate_crime.pk])
    client = client_as(role)
    response = client.get(url)
    assert (response.status_code == 200) == allowed
    response = client.post(
        url, {"validity_months": "6", "renew_month": "", "renew_day": "", "choice": "recompute", "apply": "1"}
    )
    assert ValidityRuleChange.objects.exists() == allowed
    if allowed:
        assert response.status_code == 302
        assert CourseCompletion.objects.get().valid_until < timezone.localdate()
    else:
        assert response.status_code in (302, 403)
        assert CoursePage.objects.get(pk=hate_crime.pk).validity_months == 12


def test_preview_then_apply_in_the_admin(client_as, people, required, hate_crime):
    client = client_as("trainer")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[hate_crime.pk])).content.decode()
    url = reverse("compliance_reports:validity_rule", args=[hate_crime.pk])
    assert url in edit  # "Change validity rule" in the course's header menu
    form = {"validity_months": "6", "renew_month": "", "renew_day": "", "choice": "new_only"}
    page = client.post(url, form | {"preview": "1"}).content.decode()
    assert "1 of 1 completion would change." in page
    assert "1 person would become expired." in page
    assert "Apply the new rule" in page
    assert not ValidityRuleChange.objects.exists()
    response = client.post(url, form | {"apply": "1"})
    assert response.status_code == 302
    change = ValidityRuleChange.objects.get()
    assert change.choice == "new_only"
    assert CourseCompletion.objects.get().valid_until > timezone.localdate()
    listing = client.get(reverse("validity_rule_changes:index")).content.decode()
    assert "6 months after completion" in listing


def test_a_bad_rule_is_refused_with_a_message_and_nothing_changes(client_as, required, hate_crime):
    url = reverse("compliance_reports:validity_rule", args=[hate_crime.pk])
    for bad in (
        {"validity_months": "12", "renew_month": "4", "renew_day": "31"},
        {"validity_months": "", "renew_month": "3", "renew_day": "31"},
        {"validity_months": "0", "renew_month": "", "renew_day": ""},
        {"validity_months": "twelve", "renew_month": "13", "renew_day": "x"},
    ):
        response = client_as("administrator").post(url, bad | {"choice": "recompute", "apply": "1"})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not ValidityRuleChange.objects.exists()


def test_an_unknown_course_is_a_404(client_as):
    assert (
        client_as("administrator").get(reverse("compliance_reports:validity_rule", args=[999999])).status_code == 404
    )


@pytest.mark.parametrize(("role", "status"), [("trainer", 200), ("administrator", 200), ("manager_of_unit", 302)])
def test_the_record_of_changes_is_listed_read_only(client_as, people, required, hate_crime, role, status):
    change = periods.change_validity_rule(
        course=hate_crime, rule=SIX_MONTHS, choice=RuleChoice.NEW_ONLY, changed_by=people["trainer"]
    )
    client = client_as(role)
    assert client.get(reverse("validity_rule_changes:index")).status_code == status
    assert client.get(reverse("validity_rule_changes:edit", args=[change.pk])).status_code in (302, 403, 404)
    assert client.post(reverse("validity_rule_changes:delete", args=[change.pk])).status_code in (302, 403, 404, 405)
    assert ValidityRuleChange.objects.filter(pk=change.pk).exists()
