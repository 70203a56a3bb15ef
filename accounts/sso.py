"""
Single sign-on with the force's identity provider (Microsoft Entra ID, or any OpenID Connect
provider), through mozilla-django-oidc's authorisation-code flow with PKCE and a nonce.

What this module adds to the library, and why (docs/decisions.md, "Single sign-on"):

- **Matching, never creating.** The ID token's ``OIDC_MATCH_CLAIM`` (a staff number such as
  Entra's ``employeeid``, or the email address) is matched to ``OIDC_MATCH_FIELD`` of a person
  already imported from HR. An unknown, ambiguous or deactivated person is refused with a page
  saying whom to contact (``refused``), never a 500 and never a new account.
- **Roles from a groups claim.** ``OIDC_ROLE_MAPPING`` maps the provider's groups to roles;
  only the roles it names are managed (added when the group is there, removed when it is not),
  each change recorded in the audit trail. It can never name the Administrator role, and no
  token sets ``is_staff`` or ``is_superuser``.
- **Stricter token checks** than the library's: issuer, audience, expiry (with
  ``OIDC_CLOCK_SKEW_SECONDS``) and nonce; an expired or forged token, a bad state or a code the
  provider will not exchange is a refusal page, recorded.
- **Passwords off** when ``PASSWORD_SIGN_IN_ENABLED`` is false: the backend refuses every
  password sign-in, on our page and Wagtail's alike.
- **The second factor**: staff who sign in this way still enter the platform's own code, unless
  ``OIDC_TRUST_PROVIDER_MFA`` is on and the ID token's ``amr`` says the provider did multi-factor
  authentication (``accounts.second_factor.PROVIDER_VERIFIED_SESSION_KEY``).
- **Signing out** ends the session here and, where the provider has an end-session endpoint
  (``OIDC_OP_LOGOUT_ENDPOINT``), sends the browser there (RP-initiated logout).
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import Group
from django.core import checks
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from audit.models import Action
from audit.services import record_event

from . import roles, second_factor
from .models import User, normalise_identifier

logger = logging.getLogger(__name__)

#: The roles a groups claim may manage. Administrator is granted only here, by an administrator;
#: partner reviewers are outside the force and not in its directory.
MANAGEABLE_ROLES = (roles.OFFICER, roles.TRAINER, roles.MANAGER, roles.CONTENT_APPROVER)
MATCH_FIELDS = ("email", "staff_number", "warrant_number", "username")
#: Set in the session of someone signed in through the provider (sign-out goes there too).
SIGNED_IN_WITH_PROVIDER = "accounts.sso.signed_in"

#: What each refusal tells the person, and the status it is answered with.
REFUSALS = {
    "unknown_person": (
        _("We could not find you"),
        _(
            "You signed in to %(provider)s, but this platform has no record of you yet. People are added "
            "from the force's HR system, usually the day after they join."
        ),
        403,
    ),
    "ambiguous_person": (
        _("We could not tell which record is yours"),
        _("More than one person here matches your %(provider)s. Your records need to be put right."),
        403,
    ),
    "deactivated": (
        _("Your account here is closed"),
        _("You signed in to %(provider)s, but your account on this platform has been deactivated."),
        403,
    ),
    "missing_claim": (
        _("Your sign-in did not say who you are"),
        _("%(provider)s did not send the detail this platform uses to find you."),
        403,
    ),
    "expired": (
        _("Your sign-in took too long"),
        _("The sign-in from %(provider)s had expired when it reached us. Try again."),
        400,
    ),
    "state": (
        _("This sign-in link has already been used or has expired"),
        _("Sign-in links work once, in the browser that started them. Start again from the sign-in page."),
        400,
    ),
    "nonce": (
        _("This sign-in could not be checked"),
        _("The sign-in from %(provider)s did not belong to this browser's request. Start again."),
        400,
    ),
    "invalid_token": (
        _("This sign-in could not be checked"),
        _("The sign-in from %(provider)s could not be verified. Start again."),
        400,
    ),
    "code": (
        _("This sign-in could not be completed"),
        _("%(provider)s would not confirm this sign-in; it may have been used already. Start again."),
        400,
    ),
    "provider_unavailable": (
        _("%(provider)s is not answering"),
        _("We could not reach %(provider)s to finish signing you in. Try again in a few minutes."),
        502,
    ),
    "cancelled": (
        _("Sign-in was not completed"),
        _("Signing in with %(provider)s was cancelled or refused."),
        400,
    ),
}


#: Refusals that starting again may cure (the others need someone to put a record right).
TRY_AGAIN = frozenset({"expired", "state", "nonce", "invalid_token", "code", "provider_unavailable", "cancelled"})


class SignInRefused(Exception):
    """A sign-in through the provider that must not go ahead; ``reason`` is a key of ``REFUSALS``."""

    def __init__(self, reason: str, person: User | None = None, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.person = person
        self.detail = detail


# Configuration.


def role_mapping() -> dict[str, str]:
    """``OIDC_ROLE_MAPPING`` ("group=Role;group=Role") as {group: role}; group ids may hold commas."""
    mapping = {}
    for item in (settings.OIDC_ROLE_MAPPING or "").split(";"):
        group, sep, role = item.partition("=")
        if sep and group.strip() and role.strip():
            mapping[group.strip()] = role.strip()
    return mapping


@checks.register(checks.Tags.security)
def check_single_sign_on(app_configs=None, **kwargs) -> list:
    """``manage.py check`` says what is missing or unsafe in the OIDC_* settings."""
    errors = []
    for group, role in role_mapping().items():
        if role not in MANAGEABLE_ROLES:
            errors.append(
                checks.Error(
                    f"OIDC_ROLE_MAPPING maps {group!r} to {role!r}; single sign-on may manage only "
                    f"{', '.join(MANAGEABLE_ROLES)}.",
                    id="accounts.E101",
                )
            )
    if settings.OIDC_MATCH_FIELD not in MATCH_FIELDS:
        errors.append(checks.Error(f"OIDC_MATCH_FIELD must be one of {', '.join(MATCH_FIELDS)}.", id="accounts.E102"))
    if settings.OIDC_ENABLED:
        required = (
            "OIDC_OP_ISSUER",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
        )
        for name in required:
            if not getattr(settings, name, ""):
                errors.append(checks.Error(f"OIDC_ENABLED is on but {name} is not set.", id="accounts.E103"))
    if not settings.PASSWORD_SIGN_IN_ENABLED and not settings.OIDC_ENABLED:
        errors.append(
            checks.Error(
                "PASSWORD_SIGN_IN_ENABLED is off and OIDC_ENABLED too: nobody could sign in.", id="accounts.E104"
            )
        )
    return errors


def exempt_from_password_throttle(request, credentials=None) -> bool:
    """
    ``AXES_WHITELIST_CALLABLE``: the provider's callback is not a password guess. An address
    locked out after mistyped passwords (a station's shared address) can still sign in through
    the provider, which throttles its own credentials; refusals here are audited instead.
    """
    return request is not None and request.path_info == reverse("oidc_authentication_callback")


# Matching the person and their roles.


def match_person(claims: dict) -> User:
    """The imported person the claims name, or ``SignInRefused``. Deactivated people are found, then refused."""
    value = claims.get(settings.OIDC_MATCH_CLAIM)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise SignInRefused("missing_claim", detail=settings.OIDC_MATCH_CLAIM)
    field = settings.OIDC_MATCH_FIELD
    if field == "email":
        if claims.get("email_verified") is False and settings.OIDC_MATCH_CLAIM == "email":
            raise SignInRefused("missing_claim", detail="email not verified")
        people = User.objects.filter(email__iexact=value.strip())
    elif field in ("staff_number", "warrant_number"):
        people = User.objects.filter(**{field: normalise_identifier(value)})
    else:
        people = User.objects.filter(username=value.strip())
    found = list(people[:2])
    if not found:
        raise SignInRefused("unknown_person", detail=value[:100])
    if len(found) > 1:
        raise SignInRefused("ambiguous_person", detail=value[:100])
    person = found[0]
    if not person.is_active:
        raise SignInRefused("deactivated", person=person)
    return person


def groups_in(claims: dict) -> list[str] | None:
    """The provider's groups, or None when the claim is absent (then roles are left as they are)."""
    value = claims.get(settings.OIDC_GROUPS_CLAIM)
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return None


def sync_roles(*, person: User, claims: dict, request=None) -> dict[str, list[str]]:
    """
    Bring the roles ``OIDC_ROLE_MAPPING`` manages into line with the groups claim: add those
    whose group is there, remove those whose group is not. Other roles are never touched. The
    change is recorded (``Action.SSO_ROLES_CHANGED``, beside the ``GROUPS_CHANGED`` events that
    ``accounts.role_auditing`` records for any change of roles). Returns what changed.
    """
    mapping = {group: role for group, role in role_mapping().items() if role in MANAGEABLE_ROLES}
    groups = groups_in(claims)
    if not mapping:
        return {"added": [], "removed": []}
    if groups is None:
        # Entra sends "_claim_names" instead of groups for someone in too many groups: a missing
        # claim says nothing about the roles, so it changes none of them.
        logger.warning("Single sign-on for %s: no %r claim, roles unchanged", person.pk, settings.OIDC_GROUPS_CLAIM)
        return {"added": [], "removed": []}
    managed = set(mapping.values())
    wanted = {mapping[group] for group in groups if group in mapping}
    with transaction.atomic():
        current = set(person.groups.filter(name__in=managed).values_list("name", flat=True))
        added = sorted(wanted - current)
        removed = sorted(current - wanted)
        if added:
            person.groups.add(*Group.objects.filter(name__in=added))
        if removed:
            person.groups.remove(*Group.objects.filter(name__in=removed))
        if added or removed:
            record_event(
                action=Action.SSO_ROLES_CHANGED,
                actor=None,
                subject=person,
                request=request,
                target=f"user:{person.pk}",
                data={"added": added, "removed": removed, "issuer": settings.OIDC_OP_ISSUER},
            )
    return {"added": added, "removed": removed}


# The authentication backend.


class SingleSignOnBackend(OIDCAuthenticationBackend):
    """
    Signs in from the provider's callback only (the callback view passes ``nonce``); refuses
    every password sign-in while ``PASSWORD_SIGN_IN_ENABLED`` is off. It grants no permissions:
    ``ModelBackend``, after it, does.
    """

    def authenticate(self, request, **credentials):
        if "password" in credentials and not settings.PASSWORD_SIGN_IN_ENABLED:
            raise PermissionDenied  # stops every later backend; recorded as a failed sign-in
        if not settings.OIDC_ENABLED or request is None or "nonce" not in credentials:
            return None
        return super().authenticate(request, **credentials)

    def get_token(self, payload):
        try:
            return super().get_token(payload)
        except requests.HTTPError as error:
            answer = error.response.text if error.response is not None else ""
            raise SignInRefused("code", detail=answer[:200]) from error
        except requests.RequestException as error:
            raise SignInRefused("provider_unavailable", detail=type(error).__name__) from error

    def verify_token(self, token, **kwargs):
        """Signature, issuer, audience, expiry and (at the callback) nonce, or ``SignInRefused``."""
        if not token:
            raise SignInRefused("invalid_token", detail="no id_token")
        try:
            if self.OIDC_RP_SIGN_ALGO.startswith(("RS", "ES", "PS")):
                key = self.OIDC_RP_IDP_SIGN_KEY or self.retrieve_matching_jwk(token)
            else:
                key = self.OIDC_RP_CLIENT_SECRET
            payload = jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER or None,
                leeway=settings.OIDC_CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise SignInRefused("expired") from error
        except (jwt.InvalidTokenError, SuspiciousOperation) as error:
            raise SignInRefused("invalid_token", detail=str(error)[:200]) from error
        except requests.RequestException as error:
            raise SignInRefused("provider_unavailable", detail=type(error).__name__) from error
        if "nonce" in kwargs and payload.get("nonce") != kwargs["nonce"]:
            raise SignInRefused("nonce")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims (Entra puts ``employeeid`` and ``groups`` there), plus userinfo's if set."""
        claims = dict(payload)
        if settings.OIDC_OP_USER_ENDPOINT:
            try:
                userinfo = super().get_userinfo(access_token, id_token, payload)
            except requests.RequestException as error:
                raise SignInRefused("provider_unavailable", detail=type(error).__name__) from error
            if userinfo.get("sub") != payload.get("sub"):
                raise SignInRefused("invalid_token", detail="userinfo sub differs from the ID token's")
            claims = userinfo | claims
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        """Match, never create: an unknown person is refused (``OIDC_CREATE_USER`` is off too)."""
        claims = self.get_userinfo(access_token, id_token, payload)
        self.request.sso_claims = claims
        person = match_person(claims)
        sync_roles(person=person, claims=claims, request=self.request)
        return person

    def get_user(self, user_id):
        # Django's check, which the library's skips: a deactivated person's session ends.
        return super(OIDCAuthenticationBackend, self).get_user(user_id)

    # Permissions are ModelBackend's alone (it comes next in AUTHENTICATION_BACKENDS).
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        return User.objects.none()


# Views.


def provider_name() -> str:
    return settings.OIDC_PROVIDER_NAME


def refused(request, reason: str, *, person: User | None = None, detail: str = ""):
    """The page for a refused sign-in, recorded in the audit trail."""
    title, explanation, status = REFUSALS.get(reason, REFUSALS["invalid_token"])
    record_event(
        action=Action.SSO_SIGN_IN_REFUSED,
        actor=None,
        subject=person,
        request=request,
        target=request.path[:255],
        data={"reason": reason, "detail": detail, "issuer": settings.OIDC_OP_ISSUER},
    )
    context = {
        "title": str(title) % {"provider": provider_name()},
        "explanation": str(explanation) % {"provider": provider_name()},
        "reason": reason,
        "contact": settings.OIDC_SUPPORT_CONTACT,
        "try_again": reason in TRY_AGAIN,
        "provider_name": provider_name(),
    }
    return render(request, "accounts/sso_refused.html", context, status=status)


class AuthenticateView(OIDCAuthenticationRequestView):
    """``/oidc/authenticate/``: to the provider's sign-in, with a fresh state, nonce and PKCE verifier."""

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """``/oidc/callback/``: the provider sends the browser back here with a code, or an error."""

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        state = request.GET.get("state")
        if "code" in request.GET and state is not None and state not in (request.session.get("oidc_states") or {}):
            return refused(request, "state")
        try:
            return super().get(request)
        except SignInRefused as refusal:
            return refused(request, refusal.reason, person=refusal.person, detail=refusal.detail)
        except SuspiciousOperation as error:
            return refused(request, "invalid_token", detail=str(error)[:200])

    def login_failure(self):
        reason = "cancelled" if self.request.GET.get("error") else "state"
        return refused(self.request, reason, detail=self.request.GET.get("error", "")[:100])

    def login_success(self):
        response = super().login_success()
        session = self.request.session
        session[SIGNED_IN_WITH_PROVIDER] = True
        claims = getattr(self.request, "sso_claims", {}) or {}
        amr = claims.get("amr") or []
        if settings.OIDC_TRUST_PROVIDER_MFA and set(amr if isinstance(amr, list) else [amr]) & set(
            settings.OIDC_MFA_AMR_VALUES
        ):
            session[second_factor.PROVIDER_VERIFIED_SESSION_KEY] = True
            session.pop(second_factor.REQUIRED_SESSION_KEY, None)
        return response


class SignInView(auth_views.LoginView):
    """Our sign-in page: the password form (unless switched off) and "Sign in with <provider>"."""

    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = context.get("next") or ""
        url = reverse("oidc_authentication_init")
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            url = f"{url}?{urlencode({'next': next_url})}"
        context.update(
            {
                "single_sign_on": settings.OIDC_ENABLED,
                "single_sign_on_url": url,
                "provider_name": provider_name(),
                "password_sign_in": settings.PASSWORD_SIGN_IN_ENABLED,
            }
        )
        return context


class SignOutView(auth_views.LogoutView):
    """Sign out here and, for someone who came through the provider, there too (RP-initiated logout)."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token")
        through_provider = request.session.get(SIGNED_IN_WITH_PROVIDER, False)
        response = super().post(request, *args, **kwargs)
        if through_provider and settings.OIDC_ENABLED and settings.OIDC_OP_LOGOUT_ENDPOINT:
            params = {
                "client_id": settings.OIDC_RP_CLIENT_ID,
                "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:login")),
            }
            if id_token:
                params["id_token_hint"] = id_token
            return HttpResponseRedirect(f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode(params)}")
        return response


urlpatterns = [
    path("authenticate/", AuthenticateView.as_view(), name="oidc_authentication_init"),
    path("callback/", CallbackView.as_view(), name="oidc_authentication_callback"),
]
