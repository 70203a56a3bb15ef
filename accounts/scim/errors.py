"""SCIM error responses (RFC 7644 §3.12): every refusal is one of these, never an HTML page or a 500."""

import json

from django.http import HttpResponse

ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
CONTENT_TYPE = "application/scim+json"


class ScimError(Exception):
    """Raised anywhere under a SCIM view; the view answers with its status, type and detail."""

    def __init__(self, status: int, detail: str, scim_type: str | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.scim_type = scim_type


def scim_response(document, *, status: int = 200, headers: dict | None = None) -> HttpResponse:
    body = "" if document is None else json.dumps(document, ensure_ascii=False, default=str)
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE if document is not None else None)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error: ScimError) -> HttpResponse:
    document = {"schemas": [ERROR_SCHEMA], "status": str(error.status), "detail": error.detail}
    if error.scim_type:
        document["scimType"] = error.scim_type
    headers = {"WWW-Authenticate": 'Bearer realm="scim"'} if error.status == 401 else None
    return scim_response(document, status=error.status, headers=headers)
