"""
Who is calling: a Bearer token with the ``provision`` scope (``accounts.tokens``), and the
units it may provision (its own and those below, or the whole force).
"""

from django.db.models import Q

from accounts.models import ApiToken, Unit
from accounts.throttling import client_address
from accounts.tokens import authenticate

from .errors import ScimError


def token_for(request) -> ApiToken:
    """The live ``provision`` token in the Authorization header, or a 401."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        raise ScimError(401, "A Bearer token with the provision scope is required.")
    token = authenticate(raw.strip(), scope=ApiToken.Scope.PROVISION, address=client_address(request))
    if token is None:
        raise ScimError(401, "The token is unknown, revoked, expired or not allowed to provision people.")
    return token


class Scope:
    """The units a token covers, loaded once per request."""

    def __init__(self, token: ApiToken):
        self.token = token
        self.whole_force = token.whole_force
        self.paths = [] if self.whole_force else list(token.units.values_list("path", flat=True))

    def people(self) -> Q:
        """People this token may see and change: those serving in its units."""
        if self.whole_force:
            return Q()
        if not self.paths:
            return Q(pk__in=[])
        query = Q()
        for path in self.paths:
            query |= Q(unit__path__startswith=path)
        return query

    def covers(self, unit: Unit | None) -> bool:
        if self.whole_force:
            return True
        return unit is not None and any(unit.path.startswith(path) for path in self.paths)
