"""
Query filters of the list endpoints. ``unit`` includes the units below it; ``updated_since``
(an ISO 8601 date-time) keeps the records created or changed since then, by the timestamps
each record carries (see docs/integration.md).
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import Unit
from certificates.models import CertificateStatus
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


class UnitListFilter(filters.FilterSet):
    within = UnitFilter(path_field="path", help_text=_("A unit id: that unit and the units below it."))


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
