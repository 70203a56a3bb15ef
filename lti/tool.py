"""
The glue between pylti1p3 (the ``pylti1p3next`` distribution) and our records: the tool
configuration it asks for registrations and deployments, built from ``Platform`` and the
active ``ToolKey``, and the launch object with the checks the library leaves out (a nonce used
once, an audience that names us, ``exp`` and ``iat`` required). docs/decisions.md, section LTI.
"""

from __future__ import annotations

from django.conf import settings
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.deployment import Deployment
from pylti1p3.exception import LtiMessageValidationException
from pylti1p3.registration import Registration
from pylti1p3.tool_config import ToolConfAbstract

from .keys import active_key, public_pem
from .models import Platform, ToolKey


class ReplayedLaunch(LtiMessageValidationException):
    """The launch's nonce was used before: the same signed launch was posted again."""


class WrongAudience(LtiMessageValidationException):
    """The launch token was not addressed to our client id."""


def registration_for(platform: Platform, key: ToolKey | None = None) -> Registration:
    """The library's registration for ``platform``, signing with ``key`` (default: the active key)."""
    if key is None:
        key = active_key()
    registration = (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_key_set_url(platform.key_set_url)
    )
    if platform.auth_audience:
        registration.set_auth_audience(platform.auth_audience)
    registration.set_tool_private_key(key.private_key_pem)
    registration.set_tool_public_key(public_pem(key))
    return registration


class PlatformToolConf(ToolConfAbstract):
    """Registrations from the ``Platform`` table: one issuer may register several client ids."""

    def __init__(self):
        super().__init__()
        self.issuers_relation_types = _ManyClients()
        self.platform: Platform | None = None

    def _platform(self, iss: str, client_id: str | None) -> Platform | None:
        if not iss or not client_id or not isinstance(iss, str) or not isinstance(client_id, str):
            return None
        found = Platform.objects.filter(issuer=iss, client_id=client_id, is_active=True).first()
        if found is not None:
            self.platform = found
        return found

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        raise NotImplementedError  # every issuer is "many client ids"

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        return registration_for(platform) if platform is not None else None

    def find_deployment(self, iss, deployment_id):
        raise NotImplementedError

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        if platform is None or deployment_id not in platform.deployment_id_list():
            return None
        return Deployment().set_deployment_id(deployment_id)


class _ManyClients(dict):
    """Every issuer has "many client ids", so the library always asks with the client id."""

    def get(self, key, default=None):
        return "one-issuer-many-client-ids"


def storage() -> DjangoCacheDataStorage:
    """
    Login state, nonces and launch data are kept in the cache, keyed by pylti1p3's own
    ``lti1p3-session-id`` cookie (SameSite=None; Secure over HTTPS), not in our session: the
    platform's form post to the launch is cross-site, and our session cookie (SameSite=Lax)
    is not sent with it.
    """
    return DjangoCacheDataStorage(cache_name="default")


def oidc_login(request, tool_conf: PlatformToolConf) -> DjangoOIDCLogin:
    return DjangoOIDCLogin(request, tool_conf, launch_data_storage=storage())


class MessageLaunch(DjangoMessageLaunch):
    """
    pylti1p3's launch plus what it leaves out: ``exp`` and ``iat`` are required (PyJWT checks
    them), the audience must name the platform's client id for us (and ``azp`` must when there
    are several), and the nonce is recorded once (``services.use_nonce``) after the signature,
    deployment and message checks pass, so a replayed launch is refused.
    """

    def __init__(self, request, tool_conf: PlatformToolConf, **kwargs):
        if kwargs.get("launch_data_storage") is None:
            kwargs["launch_data_storage"] = storage()
        super().__init__(request, tool_conf, **kwargs)
        self.set_jwt_verify_options({"verify_aud": False, "require": ["exp", "iat"]})
        self.set_public_key_caching(storage(), cache_lifetime=settings.LTI_PLATFORM_KEYS_CACHE_SECONDS)

    def get_client_id(self):
        """With several audiences, ``azp`` names the one that is ours (the library takes the first)."""
        body = self._get_jwt_body()
        aud, azp = body.get("aud"), body.get("azp")
        if isinstance(aud, list) and isinstance(azp, str) and azp in aud:
            return azp
        return super().get_client_id()

    def validate_registration(self):
        body = self._get_jwt_body()
        aud = body.get("aud")
        if not isinstance(aud, (str, list)) or not aud:
            raise WrongAudience("The launch names no audience.")
        super().validate_registration()
        client_id = self._registration.get_client_id()
        audiences = [aud] if isinstance(aud, str) else aud
        if client_id not in audiences or (len(audiences) > 1 and body.get("azp") != client_id):
            raise WrongAudience("The launch is not addressed to this tool.")
        return self

    def validate_message(self):
        super().validate_message()
        if not self._restored:
            from .services import use_nonce

            tool_conf: PlatformToolConf = self._tool_config
            body = self._get_jwt_body()
            if not use_nonce(platform=tool_conf.platform, nonce=body.get("nonce"), expires=body.get("exp")):
                raise ReplayedLaunch("This launch was used before.")
        return self
