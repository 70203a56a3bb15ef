"""
``Authorization: Bearer <token>`` for the REST API, checked by ``accounts.tokens.authenticate``
(hashed, scoped, revocable, use recorded). The view says which scope it needs
(``required_scope``); a token without it is refused like an unknown one, with the same answer,
so a caller learns nothing about tokens it does not hold.

The request's user stays anonymous: a token never acts with a person's powers. Views read the
token (``request.auth``) and scope their querysets by it (``api.scoping``).
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from accounts.throttling import client_address
from accounts.tokens import authenticate

KEYWORD = "Bearer"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as “Authorization: Bearer <token>”."))
        try:
            raw = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        view = request.parser_context.get("view") if request.parser_context else None
        scope = getattr(view, "required_scope", "read")
        token = authenticate(raw, scope=scope, address=client_address(request))
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("The token is not valid, has expired or been revoked, or does not carry the “%(scope)s” scope.")
                % {"scope": scope}
            )
        return AnonymousUser(), token

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An API token made under Settings → API tokens."}
