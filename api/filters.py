"""
Query filters of the list endpoints. ``unit`` includes the units below it; ``updated_since``
(an ISO 8601 date-time) keeps the records created or changed since then, by the timestamps
each record carries (see docs/integration.md): people and units by ``updated_at``;
assignments by their stored state's ``updated_at`` and, because a status also changes with
the calendar alone (due soon, then overdue), by the stored dates the calendar crossed since.
"""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import Unit
from certificates.models import CertificateStatus
from compliance.selectors import Window
from compliance.status import Status
from courses.models import EnrolmentStatus, Provenance

#: The largest id a 64-bit integer column holds (SQLite raises OverflowError beyond it).
MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """A record's id: a whole number from 1 to ``MAX_ID`` (anything else is a 400 naming the filter)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


@extend_schema_field(OpenApiTypes.INT)
class UnitFilter(filters.ModelChoiceFilter):
    def __init__(self, *, path_field: str, **kwargs):
        kwargs.setdefault("queryset", Unit.objects.all())
        kwargs.setdefault("help_text", _("A unit id: records of people in it and in the units below it."))
        super().__init__(method=lambda qs, name, unit: qs.filter(**{f"{path_field}__startswith": unit.path}), **kwargs)


class PersonFilter(filters.FilterSet):
    unit = UnitFilter(path_field="unit__path")
    is_active = filters.BooleanFilter()
    warrant_number = filters.CharFilter()
    staff_number = filters.CharFilter()
    updated_since = filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_("Created or changed at or after this date-time (moves and deactivations included)."),
    )


class UnitListFilter(filters.FilterSet):
    within = UnitFilter(path_field="path", help_text=_("A unit id: that unit and the units below it."))
    updated_since = filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_("Created, renamed or moved in the tree at or after this date-time."),
    )


class CourseFilter(filters.FilterSet):
    topic = filters.CharFilter()


class EnrolmentFilter(filters.FilterSet):
    unit = UnitFilter(path_field="user__unit__path")
    course = IdFilter(field_name="course_id")
    person = IdFilter(field_name="user_id")
    status = filters.ChoiceFilter(choices=EnrolmentStatus.choices)
    updated_since = filters.IsoDateTimeFilter(
        method="since", help_text=_("Enrolled, started or completed at or after this date-time.")
    )

    def since(self, queryset, name, value):
        return queryset.filter(Q(enrolled_at__gte=value) | Q(started_at__gte=value) | Q(completed_at__gte=value))


class CompletionFilter(filters.FilterSet):
    unit = UnitFilter(path_field="user__unit__path")
    course = IdFilter(field_name="course_id")
    person = IdFilter(field_name="user_id")
    provenance = filters.ChoiceFilter(choices=Provenance.choices)
    updated_since = filters.IsoDateTimeFilter(
        field_name="completed_at", lookup_expr="gte", help_text=_("Completed at or after this date-time.")
    )


class AssignmentFilter(filters.FilterSet):
    unit = UnitFilter(path_field="unit_path")
    course = IdFilter(field_name="course_id")
    person = IdFilter(field_name="user_id")
    status = filters.ChoiceFilter(choices=Status.choices, help_text=_("The compliance status today."))
    updated_since = filters.IsoDateTimeFilter(
        method="since",
        help_text=_(
            "Changed at or after this date-time: a new assignment, a completion, an exemption, a move, "
            "or a status changed by the calendar alone (due soon, overdue, expiring, expired, an exemption "
            "beginning or ending) since then. Ended assignments leave the list."
        ),
    )

    def since(self, queryset, name, value):
        return queryset.filter(changed_since(value, Window.for_request(self.request)))


def _shift(day: datetime.date, days: int) -> datetime.date:
    """``day`` plus ``days``, held within the dates Python can represent (a fuzzed year 9999)."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


def changed_since(value: datetime.datetime, window: Window) -> Q:
    """
    The stored compliance states whose row was written at or after ``value``, or whose status
    (or "expiring" flag) the calendar changed since: a day ``d`` with ``value``'s day < d ≤ today
    on which one of the rules of ``compliance.status.with_stored_status`` flips. Each arm is a
    range on one indexed column, so the OR stays index scans.
    """
    try:
        since = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    except OverflowError:  # the first or last moment Python can represent, in another time zone
        since = value.date()
    today = window.today
    after, before = _shift(since, 1), _shift(today, -1)
    return (
        Q(updated_at__gte=value)
        # Overdue from the day after due_on; due soon from due_on - due_soon_days.
        | Q(due_on__range=(since, before))
        | Q(due_on__range=(_shift(after, window.due_soon_days), _shift(today, window.due_soon_days)))
        # Expired from the day after valid_until; expiring from valid_until - expiring_days.
        | Q(valid_until__range=(since, before))
        | Q(valid_until__range=(_shift(after, window.expiring_days), _shift(today, window.expiring_days)))
        # Exempt from exempt_from; no longer from the day after exempt_until.
        | Q(exempt_from__range=(after, today))
        | Q(exempt_until__range=(since, before))
    )


class CertificateFilter(filters.FilterSet):
    unit = UnitFilter(path_field="user__unit__path")
    course = IdFilter(field_name="completion__course_id")
    person = IdFilter(field_name="user_id")
    status = filters.ChoiceFilter(field_name="api_status", choices=CertificateStatus.choices)
    updated_since = filters.IsoDateTimeFilter(
        method="since", help_text=_("Issued or revoked at or after this date-time.")
    )

    def since(self, queryset, name, value):
        return queryset.filter(Q(issued_at__gte=value) | Q(revoked_at__gte=value))
