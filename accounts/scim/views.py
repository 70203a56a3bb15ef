"""
The SCIM endpoints (RFC 7644): Users, and the discovery documents a client reads first
(ServiceProviderConfig, Schemas, ResourceTypes). Every request carries a Bearer token with
the ``provision`` scope; every refusal is a SCIM error body (``errors``), never a page or a 500.
"""

import json
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from scim2_filter_parser.lexer import SCIMLexer
from scim2_filter_parser.parser import SCIMParser
from scim2_filter_parser.transpilers.django_q_object import Transpiler
from scim2_models import Context, EnterpriseUser, ResourceType, User

from accounts.models import User as Person
from core.middleware import has_control_characters

from . import services
from .auth import Scope, token_for
from .errors import ScimError, error_response, scim_response
from .mapping import ScimUser, filter_attributes, to_document, unit_labels

LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
WORK_EMAIL = re.compile(r'emails\[\s*type\s+eq\s+"work"\s*\]\.value', re.IGNORECASE)


class _UnknownAttribute(Exception):
    pass


class _StrictTranspiler(Transpiler):
    """``scim2-filter-parser``'s Django transpiler, refusing attributes it cannot map (it would drop them)."""

    def visit_AttrPath(self, node):
        field = super().visit_AttrPath(node)
        if field is None:
            raise _UnknownAttribute(node.attr_name)
        return field


def people_filter(expression: str):
    """A SCIM filter as a ``Q`` on people; 400 invalidFilter when it cannot be read or names an unknown attribute."""
    # Every address is the work address: emails[type eq "work"].value reads as emails.value.
    expression = WORK_EMAIL.sub("emails.value", expression)
    try:
        tree = SCIMParser().parse(SCIMLexer().tokenize(expression))
        query = _StrictTranspiler(filter_attributes()).transpile(tree)
    except _UnknownAttribute as error:
        raise ScimError(400, f"Filtering on {error} is not supported.", "invalidFilter") from error
    except Exception as error:  # noqa: BLE001 - the parser raises bare Exceptions and sly's own errors
        raise ScimError(400, "The filter cannot be read.", "invalidFilter") from error
    return query


def _whole_number(request, name: str, default: int) -> int:
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ScimError(400, f"{name} must be a whole number.", "invalidValue") from error


def _body(request):
    try:
        raw = request.body
    except RequestDataTooBig as error:
        raise ScimError(413, "The request body is too large.") from error
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise ScimError(400, "The request body is not JSON.", "invalidSyntax") from error
    if has_control_characters(document):  # NUL and the like: PostgreSQL cannot store them
        raise ScimError(400, "The request body holds a control character.", "invalidValue")
    return document


@method_decorator(csrf_exempt, name="dispatch")
class ScimView(View):
    """Authenticates the token, then answers; a ``ScimError`` anywhere becomes its error response."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.scope = Scope(token_for(request))
            return super().dispatch(request, *args, **kwargs)
        except ScimError as error:
            return error_response(error)

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise ScimError(405, f"{request.method} is not supported here.")

    def location(self, person: Person) -> str:
        return self.request.build_absolute_uri(reverse("scim:user", args=[person.pk]))

    def document(self, person: Person) -> dict:
        return to_document(person, labels=unit_labels([person.unit]), location=self.location(person))


class UsersView(ScimView):
    """``/Users``: list and filter (GET), create a joiner (POST)."""

    def get(self, request):
        people = Person.objects.filter(self.scope.people()).select_related("unit").order_by("pk")
        expression = request.GET.get("filter", "").strip()
        if expression:
            try:
                people = people.filter(people_filter(expression))
            except (ValidationError, ValueError, TypeError) as error:
                raise ScimError(400, "A value in the filter does not suit its attribute.", "invalidFilter") from error
        start = max(_whole_number(request, "startIndex", 1), 1)
        count = min(max(_whole_number(request, "count", settings.SCIM_MAX_RESULTS), 0), settings.SCIM_MAX_RESULTS)
        total = people.count()
        page = list(people[start - 1 : start - 1 + count]) if count else []
        labels = unit_labels([person.unit for person in page])
        return scim_response(
            {
                "schemas": [LIST_SCHEMA],
                "totalResults": total,
                "startIndex": start,
                "itemsPerPage": len(page),
                "Resources": [to_document(p, labels=labels, location=self.location(p)) for p in page],
            }
        )

    def post(self, request):
        resource = services.parse(_body(request), context=Context.RESOURCE_CREATION_REQUEST)
        person = services.create_person(resource=resource, scope=self.scope)
        return scim_response(self.document(person), status=201, headers={"Location": self.location(person)})


class UserView(ScimView):
    """``/Users/<id>``: read (GET), replace (PUT), patch (PATCH), deactivate (DELETE: never deleted)."""

    def person(self, user_id: str) -> Person:
        person = None
        if user_id.isdigit() and len(user_id) < 19:
            person = Person.objects.filter(self.scope.people(), pk=int(user_id)).select_related("unit").first()
        if person is None:
            raise ScimError(404, f"No person with id {user_id[:40]!r} is within this token's reach.")
        return person

    def get(self, request, user_id):
        return scim_response(self.document(self.person(user_id)))

    def put(self, request, user_id):
        person = self.person(user_id)
        resource = services.parse(_body(request), context=Context.RESOURCE_REPLACEMENT_REQUEST)
        person = services.replace_person(person=person, resource=resource, scope=self.scope)
        return scim_response(self.document(person))

    def patch(self, request, user_id):
        person = self.person(user_id)
        person = services.patch_person(
            person=person, document=self.document(person), payload=_body(request), scope=self.scope
        )
        return scim_response(self.document(person))

    def delete(self, request, user_id):
        services.deactivate_person(person=self.person(user_id), scope=self.scope)
        return scim_response(None, status=204)


# Discovery (RFC 7644 §4).


def _service_provider_config(request) -> dict:
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "documentationUri": request.build_absolute_uri("/") + "docs/integration#scim-provisioning",
        "patch": {"supported": True},
        "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": True, "maxResults": settings.SCIM_MAX_RESULTS},
        "changePassword": {"supported": False},
        "sort": {"supported": False},
        "etag": {"supported": False},
        "authenticationSchemes": [
            {
                "type": "oauthbearertoken",
                "name": "Bearer token",
                "description": "An API token with the provision scope, issued by an administrator.",
                "primary": True,
            }
        ],
        "meta": {"resourceType": "ServiceProviderConfig", "location": request.build_absolute_uri()},
    }


def _schemas() -> list[dict]:
    return [model.to_schema().model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE) for model in (User, EnterpriseUser)]


def _resource_types() -> list[dict]:
    return [ResourceType.from_resource(ScimUser).model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)]


def _listed(resources: list[dict]) -> dict:
    return {
        "schemas": [LIST_SCHEMA],
        "totalResults": len(resources),
        "startIndex": 1,
        "itemsPerPage": len(resources),
        "Resources": resources,
    }


class ServiceProviderConfigView(ScimView):
    def get(self, request):
        return scim_response(_service_provider_config(request))


class SchemasView(ScimView):
    def get(self, request, schema_id=None):
        schemas = _schemas()
        if schema_id is None:
            return scim_response(_listed(schemas))
        for schema in schemas:
            if schema["id"] == schema_id:
                return scim_response(schema)
        raise ScimError(404, "No such schema.")


class ResourceTypesView(ScimView):
    def get(self, request, type_id=None):
        types = _resource_types()
        if type_id is None:
            return scim_response(_listed(types))
        for resource_type in types:
            if resource_type["id"] == type_id:
                return scim_response(resource_type)
        raise ScimError(404, "No such resource type.")
