"""
Changing a course's validity rule: the one way it changes once officers have completed the
course (the page editor shows it read-only then, ``courses.forms.CoursePageForm``).

``preview_rule_change`` says what a new rule would do ("12 completions would change, 3
people would become expired"); ``change_validity_rule`` applies it, either to new
completions only (every stored period stays as it is) or recomputing the periods of the
existing ones as well, in one transaction that also re-derives the compliance state of
the people affected and records the change (``ValidityRuleChange``, the audit trail and
the page's history). Who may: anyone who may edit the course (trainers, administrators).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts.scoping import granter_name
from audit.models import Action
from audit.services import record_event
from courses.models import CourseCompletion, CoursePage
from courses.periods import ValidityRule

from .models import ComplianceState, RuleChoice, ValidityRuleChange
from .services import refresh_state


def may_change_rule(user, course: CoursePage) -> bool:
    """Whether ``user`` may change ``course``'s validity rule: the people who may edit the course."""
    return bool(user.is_authenticated and course.permissions_for_user(user).can_edit())


@dataclass
class RulePreview:
    """What applying a rule would do today, if existing completions were recomputed."""

    old_rule: ValidityRule
    new_rule: ValidityRule
    #: completion id → (user id, new valid_until), for the completions whose period would change.
    changes: dict[int, tuple[int, datetime.date | None]] = field(default_factory=dict)
    people_expired: int = 0
    people_renewed: int = 0
    completions: int = 0

    @property
    def completions_changed(self) -> int:
        return len(self.changes)

    @property
    def unchanged(self) -> bool:
        return self.old_rule == self.new_rule


def _counts(value: datetime.date | None, today: datetime.date) -> bool:
    return value is None or value >= today


def preview_rule_change(*, course: CoursePage, rule: ValidityRule, today: datetime.date | None = None) -> RulePreview:
    """
    Two queries, whatever the course's size: its completions, and the compliance state of
    the people whose latest completion would change. "Would become expired": not exempt
    today, their latest completion counts today under the old rule and not under the new.
    """
    today = today or timezone.localdate()
    preview = RulePreview(old_rule=course.validity_rule, new_rule=rule)
    for pk, user_id, valid_from, valid_until in CourseCompletion.objects.filter(course=course).values_list(
        "pk", "user_id", "valid_from", "valid_until"
    ):
        preview.completions += 1
        new = rule.valid_until(valid_from)
        if new != valid_until:
            preview.changes[pk] = (user_id, new)
    if not preview.changes:
        return preview
    expired, renewed = set(), set()
    states = ComplianceState.objects.filter(course=course, completion__isnull=False).values_list(
        "user_id", "completion_id", "valid_until", "exempt_from", "exempt_until"
    )
    for user_id, completion_id, valid_until, exempt_from, exempt_until in states:
        if completion_id not in preview.changes:
            continue
        if exempt_from is not None and exempt_from <= today and (exempt_until is None or exempt_until >= today):
            continue
        before, after = _counts(valid_until, today), _counts(preview.changes[completion_id][1], today)
        if before and not after:
            expired.add(user_id)
        elif after and not before:
            renewed.add(user_id)
    preview.people_expired, preview.people_renewed = len(expired), len(renewed)
    return preview


@transaction.atomic
def change_validity_rule(
    *, course: CoursePage, rule: ValidityRule, choice: str, changed_by, request=None
) -> ValidityRuleChange:
    """
    Apply ``rule`` to ``course`` (``choice``: new completions only, or recompute existing),
    atomically: the course row is locked first, so two changes at once run one after the
    other, each previewed against the rule it replaces.
    """
    if not may_change_rule(changed_by, course):
        raise PermissionDenied
    choice = RuleChoice(choice)
    course = CoursePage.objects.select_for_update().get(pk=course.pk)
    today = timezone.localdate()
    preview = preview_rule_change(course=course, rule=rule, today=today)
    old_rule = course.validity_rule
    CoursePage.objects.filter(pk=course.pk).update(
        validity_months=rule.months, renew_month=rule.renew_month, renew_day=rule.renew_day
    )
    changed = people_expired = people_renewed = 0
    if choice == RuleChoice.RECOMPUTE and preview.changes:
        by_until: dict[datetime.date | None, list[int]] = {}
        for pk, (_user_id, valid_until) in preview.changes.items():
            by_until.setdefault(valid_until, []).append(pk)
        for valid_until, pks in by_until.items():
            CourseCompletion.objects.filter(pk__in=pks).update(valid_until=valid_until)
        changed, people_expired, people_renewed = (
            preview.completions_changed,
            preview.people_expired,
            preview.people_renewed,
        )
        refresh_state(user_ids={user_id for user_id, _until in preview.changes.values()}, course_ids=[course.pk])
    record = ValidityRuleChange.objects.create(
        course=course,
        course_title=course.title,
        changed_by=changed_by,
        changed_by_name=granter_name(changed_by),
        old_rule=old_rule.as_dict(),
        new_rule=rule.as_dict(),
        old_rule_text=old_rule.describe(),
        new_rule_text=rule.describe(),
        choice=choice,
        completions_changed=changed,
        people_expired=people_expired,
        people_renewed=people_renewed,
    )
    log(
        instance=course,
        action="wagtail.edit",
        user=changed_by,
        title=course.title,
        data={"validity_rule_change": record.pk},
        content_changed=False,
    )
    record_event(
        action=Action.VALIDITY_RULE_CHANGED,
        actor=changed_by,
        request=request,
        target=f"course:{course.pk}",
        data={
            "change": record.pk,
            "old_rule": record.old_rule,
            "new_rule": record.new_rule,
            "choice": choice.value,
            "completions_changed": changed,
            "people_expired": people_expired,
            "people_renewed": people_renewed,
        },
    )
    return record
