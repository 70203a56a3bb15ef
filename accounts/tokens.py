"""
API tokens: issued, checked and revoked here, for the REST API (``api``) and SCIM
(``accounts.scim``) alike.

A token reads ``ptp_<prefix>_<secret>``. Only the SHA-256 of the whole string is stored: the
secret has 256 bits of entropy, so a slow password hash would add nothing but latency.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.models import Action
from audit.services import record_event

from .models import ApiToken

PREFIX = "ptp"


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    raw: str  # shown to the administrator once, never stored


@transaction.atomic
def issue_token(
    *, name: str, scopes, created_by=None, whole_force=False, units=(), expires_at=None, request=None
) -> IssuedToken:
    """Create a token; the raw key is in the result and nowhere else."""
    unknown = set(scopes) - set(ApiToken.Scope.values)
    if unknown:
        raise ValueError(f"Unknown scopes: {sorted(unknown)}")
    prefix = secrets.token_hex(4)
    raw = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        name=name,
        prefix=prefix,
        key_hash=_hash(raw),
        scopes=sorted(set(scopes)),
        whole_force=whole_force,
        created_by=created_by,
        expires_at=expires_at,
    )
    if units:
        token.units.set(units)
    record_event(
        action=Action.API_TOKEN_ISSUED,
        actor=created_by,
        request=request,
        target=f"api-token:{token.pk}",
        data={"name": name, "scopes": token.scopes, "whole_force": whole_force, "units": [u.pk for u in units]},
    )
    return IssuedToken(token=token, raw=raw)


def active_tokens():
    now = timezone.now()
    return ApiToken.objects.filter(revoked_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


def authenticate(raw: str | None, *, scope: str, address: str | None = None) -> ApiToken | None:
    """
    The live token for ``raw`` if it carries ``scope``, else ``None``. Records the use (one
    UPDATE, at most once a minute per token so a busy feed does not write on every request).
    """
    if not raw or not raw.startswith(f"{PREFIX}_"):
        return None
    token = active_tokens().filter(key_hash=_hash(raw)).first()
    if token is None or not token.has_scope(scope):
        return None
    now = timezone.now()
    stale = token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60
    if stale or token.last_used_from != address:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_from=address)
        token.last_used_at, token.last_used_from = now, address
    return token


@transaction.atomic
def revoke_token(token: ApiToken, *, by=None, request=None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
        record_event(
            action=Action.API_TOKEN_REVOKED,
            actor=by,
            request=request,
            target=f"api-token:{token.pk}",
            data={"name": token.name},
        )
    return token
