"""
What the API shows of each record: identifiers and facts a records system keeps, never a
password, a session, an answer or a free-text reason. Ids of related records are plain
integers (``person``, ``course``, ``unit``) so a client can join them to its own copies.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Rank, Unit, UnitKind
from certificates.models import Certificate, CertificateStatus
from compliance.models import ComplianceState
from compliance.status import Status
from courses.models import CourseCompletion, CoursePage, Enrolment, ModuleVersion

User = get_user_model()


class PersonSerializer(serializers.ModelSerializer):
    unit = serializers.IntegerField(source="unit_id", allow_null=True, read_only=True)
    rank = serializers.ChoiceField(choices=[("", "")] + Rank.choices, read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "warrant_number",
            "staff_number",
            "first_name",
            "last_name",
            "email",
            "rank",
            "is_detective",
            "unit",
            "is_active",
            "date_joined",
        ]
        read_only_fields = fields


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.IntegerField(source="parent_id", allow_null=True, read_only=True)
    kind = serializers.ChoiceField(choices=UnitKind.choices, read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "kind", "code", "parent", "depth", "path"]
        read_only_fields = fields


class CourseSerializer(serializers.ModelSerializer):
    revision = serializers.IntegerField(source="live_revision_id", allow_null=True, read_only=True)

    class Meta:
        model = CoursePage
        fields = ["id", "title", "slug", "summary", "topic", "validity_months", "review_by", "revision"]
        read_only_fields = fields


class EnrolmentSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="user_id", read_only=True)
    course = serializers.IntegerField(source="course_id", allow_null=True, read_only=True)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "person",
            "course",
            "course_title",
            "status",
            "source",
            "enrolled_at",
            "started_at",
            "completed_at",
        ]
        read_only_fields = fields


class ModuleVersionSerializer(serializers.ModelSerializer):
    """One module as the officer read it: the archived revision and the digest of its content."""

    revision = serializers.IntegerField(source="source_revision_id", read_only=True)
    module = serializers.IntegerField(source="module_page_id", read_only=True)

    class Meta:
        model = ModuleVersion
        fields = ["module", "revision", "title", "digest", "revision_created_at"]
        read_only_fields = fields


class CompletionSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="user_id", read_only=True)
    course = serializers.IntegerField(source="course_id", allow_null=True, read_only=True)
    course_revision = serializers.IntegerField(source="course_revision_id", allow_null=True, read_only=True)
    enrolment = serializers.IntegerField(source="enrolment_id", read_only=True)
    modules = ModuleVersionSerializer(source="module_versions", many=True, read_only=True)

    class Meta:
        model = CourseCompletion
        fields = [
            "id",
            "person",
            "course",
            "course_title",
            "course_revision",
            "enrolment",
            "completed_at",
            "valid_from",
            "valid_until",
            "provenance",
            "score",
            "modules",
        ]
        read_only_fields = fields


class AssignmentSerializer(serializers.ModelSerializer):
    """A current assignment and its compliance status today (``compliance.status``)."""

    id = serializers.IntegerField(source="assignment_id", read_only=True)
    person = serializers.IntegerField(source="user_id", read_only=True)
    course = serializers.IntegerField(source="course_id", read_only=True)
    requirement = serializers.IntegerField(source="requirement_id", read_only=True)
    unit = serializers.IntegerField(source="unit_id", allow_null=True, read_only=True)
    completion = serializers.IntegerField(source="completion_id", allow_null=True, read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    expiring = serializers.BooleanField(read_only=True)

    class Meta:
        model = ComplianceState
        fields = [
            "id",
            "person",
            "course",
            "requirement",
            "unit",
            "assigned_on",
            "due_on",
            "status",
            "expiring",
            "next_due",
            "completion",
            "completed_at",
            "valid_until",
            "provenance",
            "exempt_from",
            "exempt_until",
        ]
        read_only_fields = fields


class CertificateSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="user_id", read_only=True)
    completion = serializers.IntegerField(source="completion_id", read_only=True)
    status = serializers.ChoiceField(choices=CertificateStatus.choices, source="api_status", read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "code",
            "person",
            "completion",
            "course_title",
            "version_label",
            "completed_on",
            "valid_until",
            "issued_at",
            "revoked_at",
            "status",
        ]
        read_only_fields = fields


class ExternalCompletionSerializer(serializers.Serializer):
    """
    A completion done elsewhere, recorded as *imported* (``compliance.prior``). The person is
    named by exactly one of ``person``, ``staff_number`` or ``warrant_number``.
    """

    external_id = serializers.CharField(
        max_length=100, help_text=_("Your system's id for this record: sending it again records nothing new.")
    )
    person = serializers.IntegerField(required=False, min_value=1)
    staff_number = serializers.CharField(required=False, max_length=20)
    warrant_number = serializers.CharField(required=False, max_length=20)
    course = serializers.IntegerField(min_value=1)
    completed_on = serializers.DateField()
    evidence_reference = serializers.CharField(
        max_length=500, help_text=_("Where the evidence is kept, for example a record number in your system.")
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")

    def validate(self, attrs):
        named = [key for key in ("person", "staff_number", "warrant_number") if attrs.get(key) not in (None, "")]
        if len(named) != 1:
            raise serializers.ValidationError(
                {"person": _("Name the person by exactly one of person, staff_number or warrant_number.")}
            )
        return attrs


class ExternalCompletionResultSerializer(serializers.Serializer):
    external_id = serializers.CharField()
    created = serializers.BooleanField(help_text=_("False when this external id was already recorded."))
    completion = CompletionSerializer()
