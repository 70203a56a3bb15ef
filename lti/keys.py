"""
Our signing keys: made with jwcrypto (RSA 2048, ``kid`` = the key's RFC 7638 thumbprint, as
pylti1p3 computes it), published as a JWKS (the active key and the previous one), rotated
from the admin.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from jwcrypto.jwk import JWK

from audit.models import Action
from audit.services import record_event

from .models import KeyState, ToolKey


def _new_key(state: str) -> ToolKey:
    jwk = JWK.generate(kty="RSA", size=2048)
    public = jwk.export_public(as_dict=True)
    public.update({"kid": jwk.thumbprint(), "alg": "RS256", "use": "sig"})
    return ToolKey.objects.create(
        kid=jwk.thumbprint(),
        state=state,
        private_key_pem=jwk.export_to_pem(private_key=True, password=None).decode(),
        public_jwk=public,
    )


def public_pem(key: ToolKey) -> str:
    return JWK.from_pem(key.private_key_pem.encode()).export_to_pem().decode()


def active_key() -> ToolKey:
    """The key that signs now; made on first use so a new installation needs no step."""
    key = ToolKey.objects.filter(state=KeyState.ACTIVE).first()
    if key is None:
        with transaction.atomic():
            key = ToolKey.objects.select_for_update().filter(state=KeyState.ACTIVE).first() or _new_key(
                KeyState.ACTIVE
            )
    return key


def published_keys() -> dict:
    """Our JWKS: the active key and the previous one (platforms may still hold it)."""
    active_key()
    keys = ToolKey.objects.filter(state__in=[KeyState.ACTIVE, KeyState.PREVIOUS]).order_by("state", "-created_at")
    return {"keys": [key.public_jwk for key in keys]}


@transaction.atomic
def rotate_keys(*, actor=None) -> ToolKey:
    """A new active key; the active one becomes previous (still published); the previous one retires."""
    now = timezone.now()
    list(ToolKey.objects.select_for_update().filter(state__in=[KeyState.ACTIVE, KeyState.PREVIOUS]))
    ToolKey.objects.filter(state=KeyState.PREVIOUS).update(state=KeyState.RETIRED, retired_at=now)
    ToolKey.objects.filter(state=KeyState.ACTIVE).update(state=KeyState.PREVIOUS)
    key = _new_key(KeyState.ACTIVE)
    record_event(action=Action.LTI_KEY_ROTATED, actor=actor, target=f"lti_key:{key.kid}")
    return key
