"""
The REST API, version 1: read-only lists and details of people, units, courses, enrolments,
completions, assignments (with their compliance status) and certificates, each filtered to the
token's scope (``api.scoping``) before any query filter applies; and one write, recording a
completion done elsewhere (``external-completions``), through ``compliance.prior``.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from accounts.models import Unit, normalise_identifier
from audit.models import Action
from audit.services import record_event
from certificates.models import Certificate, CertificateStatus
from compliance.models import ComplianceState, PriorCertification
from compliance.prior import record_prior_certification
from compliance.selectors import Window
from compliance.status import with_stored_status
from courses.models import CourseCompletion, CoursePage, Enrolment, ModuleVersion

from . import filters, serializers
from .authentication import BearerTokenAuthentication
from .models import ExternalCompletion
from .pagination import AssignmentCursorPagination, IdCursorPagination
from .permissions import HasTokenScope
from .scoping import path_filter
from .throttling import TokenRateThrottle

User = get_user_model()


class ApiViewMixin:
    """What every view of this API shares (not in REST_FRAMEWORK: Wagtail's admin API is DRF too)."""

    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [HasTokenScope]
    throttle_classes = [TokenRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    filter_backends = [DjangoFilterBackend]
    pagination_class = IdCursorPagination
    required_scope = "read"


class ScopedViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only list and detail of the records the token may read."""

    #: The unit path the token's scope is compared with; None: not personal (courses).
    scope_path: str | None = None
    model = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is built without a token
            return self.model.objects.none()
        queryset = self.base_queryset()
        if self.scope_path is not None:
            queryset = queryset.filter(path_filter(self.request.auth, self.scope_path))
        return queryset

    def base_queryset(self):
        raise NotImplementedError

    def get_object(self):
        # An id the database's integers cannot hold is no record: a 404, not SQLite's OverflowError.
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        try:
            in_range = 0 < int(value) <= filters.MAX_ID
        except (TypeError, ValueError):
            in_range = False
        if not in_range:
            raise exceptions.NotFound
        return super().get_object()


class PersonViewSet(ScopedViewSet):
    """People: officers, PCSOs, specials and staff, active or not (leavers are kept)."""

    model = User
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    scope_path = "unit__path"

    def base_queryset(self):
        return User.objects.only(*[f for f in serializers.PersonSerializer.Meta.fields if f != "unit"], "unit_id")


class UnitViewSet(ScopedViewSet):
    """The force's units (force → command → team); ``parent`` is empty for the force."""

    model = Unit
    serializer_class = serializers.UnitSerializer
    filterset_class = filters.UnitListFilter
    scope_path = "path"

    def base_queryset(self):
        parent = Unit.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Unit.steplen))
        return Unit.objects.annotate(parent_id=Subquery(parent.values("id")[:1]))


class CourseViewSet(ScopedViewSet):
    """The published courses; ``revision`` is the live revision's id."""

    model = CoursePage
    serializer_class = serializers.CourseSerializer
    filterset_class = filters.CourseFilter

    def base_queryset(self):
        return CoursePage.objects.live().defer_streamfields()


class EnrolmentViewSet(ScopedViewSet):
    model = Enrolment
    serializer_class = serializers.EnrolmentSerializer
    filterset_class = filters.EnrolmentFilter
    scope_path = "user__unit__path"

    def base_queryset(self):
        return Enrolment.objects.all()


class CompletionViewSet(ScopedViewSet):
    """
    Course completions with their period (``valid_from``–``valid_until``), provenance
    (completed here, imported, recorded by an administrator) and the revisions of the course
    and of every module the officer read.
    """

    model = CourseCompletion
    serializer_class = serializers.CompletionSerializer
    filterset_class = filters.CompletionFilter
    scope_path = "user__unit__path"

    def base_queryset(self):
        versions = ModuleVersion.objects.only(
            "id", "module_page_id", "source_revision_id", "title", "digest", "revision_created_at"
        ).order_by("module_page_id", "source_revision_id")
        return CourseCompletion.objects.defer("evidence").prefetch_related(Prefetch("module_versions", versions))


class AssignmentViewSet(ScopedViewSet):
    """
    Current assignments of active people, with their compliance status today (not started,
    in progress, due soon, overdue, completed, expired, exempt) from the stored state.
    """

    model = ComplianceState
    serializer_class = serializers.AssignmentSerializer
    filterset_class = filters.AssignmentFilter
    pagination_class = AssignmentCursorPagination
    scope_path = "unit_path"
    lookup_field = "assignment_id"
    lookup_url_kwarg = "pk"

    def base_queryset(self):
        window = Window.for_request(self.request)
        window.state_refreshed  # noqa: B018 (brings lapsed exemptions up to date, once per request)
        return with_stored_status(
            ComplianceState.objects.all(),
            today=window.today,
            due_soon_days=window.due_soon_days,
            expiring_days=window.expiring_days,
        )


class CertificateViewSet(ScopedViewSet):
    """Certificates issued, with their status today (valid, expired, revoked)."""

    model = Certificate
    serializer_class = serializers.CertificateSerializer
    filterset_class = filters.CertificateFilter
    scope_path = "user__unit__path"

    def base_queryset(self):
        today = timezone.localdate()
        return Certificate.objects.annotate(
            api_status=Case(
                When(revoked_at__isnull=False, then=Value(CertificateStatus.REVOKED)),
                When(completion__valid_until__lt=today, then=Value(CertificateStatus.EXPIRED)),
                default=Value(CertificateStatus.VALID),
            ),
        )


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This external id was already used for another record."
    default_code = "conflict"


class ExternalCompletionViewSet(ApiViewMixin, viewsets.GenericViewSet):
    """
    Record a completion done elsewhere (provenance *imported*) with a reference to its
    evidence, through the service administrators use (``compliance.prior``), in one
    transaction, recorded in the audit trail. Idempotent by ``external_id``: sending the same
    record again answers 200 with the first result; the same id with other facts, 409.

    The person must be in the token's scope; the record is made in the name of the
    administrator who created the token, who must still be allowed to record prior
    certifications.
    """

    required_scope = "record_completions"
    serializer_class = serializers.ExternalCompletionSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return ExternalCompletion.objects.none()

    def _person(self, data):
        people = User.objects.filter(path_filter(self.request.auth, "unit__path"))
        if data.get("person"):
            found = people.filter(pk=data["person"])
        elif data.get("staff_number"):
            found = people.filter(staff_number=normalise_identifier(data["staff_number"]))
        else:
            found = people.filter(warrant_number=normalise_identifier(data["warrant_number"]))
        person = found.first()
        if person is None:
            raise exceptions.ValidationError({"person": [_("Nobody with this identifier in the token's units.")]})
        return person

    @staticmethod
    def _same(existing: ExternalCompletion, person, data) -> bool:
        prior = existing.prior
        return (
            prior.user_id == person.pk
            and prior.course_id == data["course"]
            and prior.completed_on == data["completed_on"]
            and existing.evidence_reference == data["evidence_reference"]
        )

    def _answer(self, existing: ExternalCompletion, *, created: bool):
        completion = (
            CourseCompletion.objects.defer("evidence")
            .prefetch_related("module_versions")
            .get(pk=existing.prior.completion_id)
        )
        body = {"external_id": existing.external_id, "created": created, "completion": completion}
        return Response(
            serializers.ExternalCompletionResultSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        responses={
            201: serializers.ExternalCompletionResultSerializer,
            200: OpenApiResponse(serializers.ExternalCompletionResultSerializer, description="Already recorded."),
            400: OpenApiResponse(description="A field is missing or a rule refuses the record."),
            403: OpenApiResponse(description="The token's creator may no longer record completions."),
            409: OpenApiResponse(description="The external id was used for other facts."),
        }
    )
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        token = request.auth
        recorder = token.created_by
        if (
            recorder is None
            or not recorder.is_active
            or not (recorder.is_superuser or recorder.has_perm("compliance.add_priorcertification"))
        ):
            raise exceptions.PermissionDenied(
                _("The administrator who created this token can no longer record completions.")
            )
        person = self._person(data)
        existing = ExternalCompletion.objects.select_related("prior").filter(external_id=data["external_id"]).first()
        if existing is not None:
            if not self._same(existing, person, data):
                raise Conflict()
            return self._answer(existing, created=False)
        course = CoursePage.objects.live().filter(pk=data["course"]).first()
        if course is None:
            raise exceptions.ValidationError({"course": [_("No published course with this id.")]})
        note = data.get("note") or ""
        try:
            with transaction.atomic():
                prior = record_prior_certification(
                    person=person,
                    course=course,
                    completed_on=data["completed_on"],
                    kind=PriorCertification.Kind.IMPORTED,
                    recorded_by=recorder,
                    note=note,
                    evidence_reference=data["evidence_reference"],
                    request=request._request,
                )
                external = ExternalCompletion.objects.create(
                    external_id=data["external_id"],
                    token=token,
                    prior=prior,
                    evidence_reference=data["evidence_reference"],
                )
                record_event(
                    action=Action.API_COMPLETION_RECORDED,
                    actor=recorder,
                    subject=person,
                    request=request._request,
                    target=f"api-token:{token.pk}",
                    data={"external_id": external.external_id, "prior": prior.pk, "course_id": course.pk},
                )
        except DjangoValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
            raise exceptions.ValidationError(detail) from None
        except IntegrityError:
            # The same external id sent twice at once: the other request won.
            existing = (
                ExternalCompletion.objects.select_related("prior").filter(external_id=data["external_id"]).first()
            )
            if existing is None:
                raise
            if not self._same(existing, person, data):
                raise Conflict() from None
            return self._answer(existing, created=False)
        return self._answer(external, created=True)
