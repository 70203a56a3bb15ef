"""
Settings shared by every environment.

Everything that differs between a laptop, CI and a force's servers is read from the
environment here or in ``dev``/``production``/``test``. No secret lives in this file.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origin_of(url: str) -> str:
    """``https://login.example`` from ``https://login.example/path?query``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


SECRET_KEY = os.environ.get("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


# Applications. Our apps come first so that their templates override Wagtail's where
# they must (the user admin's officer fields). `accounts.apps.OfficerUsersConfig`
# replaces "wagtail.users" to register the officer-aware user viewset.

INSTALLED_APPS = [
    "core",
    "audit",
    "home",
    "accounts",
    "accounts.apps.OfficerUsersConfig",
    "reviews",
    "courses",
    "quizzes",
    "compliance",
    "certificates",
    "notifications",
    "feedback",
    "scorm",
    "xapi",
    "lti",
    "privacy",
    "api",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",  # the REST API (api/, issue 14)
    "drf_spectacular",  # its OpenAPI 3 schema
    "drf_spectacular_sidecar",  # Swagger UI's assets served from here (no CDN at runtime)
    "csp",  # {% script %} tag and system checks of CONTENT_SECURITY_POLICY (issue 11, finding 6)
    "django_tasks",
    "django_tasks_db",
    # Sign-in protection (issue 11): throttling and staff's second factor.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # built-in widget templates for FORM_RENDERER
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers (issue 11, findings 6 and 9): Content-Security-Policy (enforced on
    # officer pages, report-only in the admin), Permissions-Policy, and no-store on anything
    # personal. Settings below, under "Security headers".
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.middleware.NoStoreMiddleware",
    # Report reads go to the read replica when there is one (REPORTS_DATABASE_URL).
    "config.db_routers.ReplicaRoutingMiddleware",
    # The request's Wagtail site and root page from the shared cache: two queries fewer on
    # every page (core/sites.py).
    "core.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sign-in protection (issue 11): the verified second factor on request.user, idle and
    # absolute session limits, staff held at the second-factor step, and django-axes last
    # (it turns a lockout into the "too many attempts" page).
    "django_otp.middleware.OTPMiddleware",
    # Audit trail: events recorded from signals name the request's user and address.
    "audit.middleware.AuditRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Bad input (issue 11, finding 4): an unreadable form body or a control character is
    # refused with a 400 page before any view or the CSRF check reads it.
    "core.middleware.RefuseBadInputMiddleware",
    "accounts.sessions.SessionLimitsMiddleware",
    "accounts.second_factor.SecondFactorMiddleware",
    # Partner reviewers reach only their reviews in the admin (issue 12, point 7).
    "reviews.middleware.PartnerReviewerFenceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/ holds the site-wide templates: base layout, error pages, shared includes.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Officer-facing forms render GOV.UK Frontend markup; Wagtail's admin keeps its own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"


# Database: DATABASE_URL, defaulting to an SQLite file beside manage.py.
# SQLite takes its write lock at the start of each transaction ("IMMEDIATE") so that
# concurrent submissions queue instead of failing with "database is locked".
#
# PostgreSQL connections are reused for DATABASE_CONN_MAX_AGE seconds (a new backend per
# request costs a fork on the server) and checked before reuse, so a restarted server or a
# dropped connection costs one reconnect, not an error. Behind PgBouncer in transaction
# mode set DATABASE_CONN_MAX_AGE=0 and DATABASE_DISABLE_SERVER_SIDE_CURSORS=1 (see
# docs/deployment.md). JIT compilation is off unless DATABASE_JIT is set: it added more
# time than it saved to every report query (docs/decisions.md, "JIT off").


def database_from_url(url: str) -> dict:
    """One DATABASES entry from a URL, with the connection settings read from the environment."""
    config = dj_database_url.parse(
        url,
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", default=True),
        disable_server_side_cursors=env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False),
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Opening an SQLite file costs nothing: keep one connection per request unless told.
        config["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "0"))
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    else:
        config["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
        if config["ENGINE"] == "django.db.backends.postgresql" and not env_bool("DATABASE_JIT"):
            options = config.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}

# An optional read replica for managers' reports (config/db_routers.py sends their reads
# there, except for a person who has just written something).
if os.environ.get("REPORTS_DATABASE_URL"):
    DATABASES["replica"] = database_from_url(os.environ["REPORTS_DATABASE_URL"])
    # Tests run against one database: the replica mirrors it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.db_routers.ReportsReplicaRouter"]
REPORTS_REPLICA_PATHS = env_list("REPORTS_REPLICA_PATHS", "/admin/reports/")
REPORTS_REPLICA_PIN_SECONDS = int(os.environ.get("REPORTS_REPLICA_PIN_SECONDS", "15"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Cache and sessions: shared in Redis when REDIS_URL is set, so that any app server can
# answer any request. Sessions are "cached_db": read from Redis, written through to the
# database, so a Redis restart signs nobody out (docs/decisions.md). Without Redis the cache is
# per process here (production.py shares it between one machine's processes) and sessions
# live in the database, which every process shares.

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis backend, reusing one client per connection pool (core/cache.py).
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "policetraining"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # A redirects import is uploaded in one request and confirmed in the next, which may
    # reach another app server: keep the upload in the shared cache, not a local temp file.
    WAGTAIL_REDIRECTS_FILE_STORAGE = "cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"


# Background work: django-tasks, as Wagtail itself uses. Tasks run in the request unless
# TASKS_BACKEND names a queue; production defaults to the database queue
# (django_tasks_db.DatabaseBackend), worked by `manage.py db_worker` (docs/deployment.md).

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}


# Managers' exports: an XLSX of more rows than this is prepared by a background task
# (CSV always streams); prepared files are deleted after this many hours (`purge_exports`).

COMPLIANCE_XLSX_SYNC_MAX_ROWS = int(os.environ.get("COMPLIANCE_XLSX_SYNC_MAX_ROWS", "5000"))
COMPLIANCE_EXPORT_RETENTION_HOURS = int(os.environ.get("COMPLIANCE_EXPORT_RETENTION_HOURS", "24"))

# Course feedback (feedback/): a course's satisfaction rate is published on the public pages
# once it has at least this many responses (docs/deployment.md).
FEEDBACK_PUBLISH_MIN_RESPONSES = int(os.environ.get("FEEDBACK_PUBLISH_MIN_RESPONSES", "10"))
# The compliance summary's red/amber/green reading (issue 12): green from this share compliant
# (per cent), amber from the second, red below it.
COMPLIANCE_GREEN_FROM_PERCENT = int(os.environ.get("COMPLIANCE_GREEN_FROM_PERCENT", "95"))
COMPLIANCE_AMBER_FROM_PERCENT = int(os.environ.get("COMPLIANCE_AMBER_FROM_PERCENT", "80"))
# Snapshot exports (freedom-of-information answers, compliance.suppression): counts from 1 to
# below this are shown as "<5", with secondary suppression so that totals do not reveal them.
COMPLIANCE_SUPPRESS_BELOW = max(int(os.environ.get("COMPLIANCE_SUPPRESS_BELOW", "5")), 1)


# Reminders (notifications): a failed send is tried again after REMINDER_RETRY_MINUTES, doubling
# each time, at most REMINDER_MAX_ATTEMPTS times; a send claimed longer ago than
# REMINDER_CLAIM_TIMEOUT_MINUTES (a worker died) is tried again; managers' digests list at most
# REMINDER_DIGEST_MAX_ROWS people (and say how many more, with a link to the report).

REMINDER_RETRY_MINUTES = int(os.environ.get("REMINDER_RETRY_MINUTES", "10"))
REMINDER_MAX_ATTEMPTS = int(os.environ.get("REMINDER_MAX_ATTEMPTS", "5"))
REMINDER_CLAIM_TIMEOUT_MINUTES = int(os.environ.get("REMINDER_CLAIM_TIMEOUT_MINUTES", "30"))
REMINDER_DIGEST_MAX_ROWS = int(os.environ.get("REMINDER_DIGEST_MAX_ROWS", "100"))

# HR import (issue 14, accounts.importing): the largest CSV or XLSX accepted, in megabytes, in
# the admin and by `manage.py import_people` (30,000 people in CSV take about 3 MB).
HR_IMPORT_MAX_MEGABYTES = int(os.environ.get("HR_IMPORT_MAX_MEGABYTES", "20"))
# An HR import preview not confirmed within this many hours expires: its stored file (personal
# data) is deleted by ``manage.py purge_import_previews`` (also run by ``purge_exports``).
HR_IMPORT_PREVIEW_HOURS = int(os.environ.get("HR_IMPORT_PREVIEW_HOURS", "24"))
# xAPI (xapi/, docs/standards.md): every learning event's statement waits in the outbox until it
# is posted to the Learning Record Store at XAPI_LRS_ENDPOINT (the LRS's xAPI base, to which
# "statements" is appended; empty: nothing is sent and the outbox keeps everything). Batches of
# XAPI_BATCH_SIZE; a failed post is tried again after XAPI_RETRY_SECONDS, doubling up to
# XAPI_RETRY_MAX_SECONDS, never given up. Officers appear as a pseudonymous account (an HMAC of
# their id, keyed by XAPI_ACTOR_KEY or else SECRET_KEY) under XAPI_ACTOR_HOMEPAGE; their email
# only with XAPI_ACTOR_MODE=email, their name only with XAPI_ACTOR_NAMES=true.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_LRS_TIMEOUT_SECONDS = float(os.environ.get("XAPI_LRS_TIMEOUT_SECONDS", "10"))
XAPI_BATCH_SIZE = max(int(os.environ.get("XAPI_BATCH_SIZE", "100")), 1)
XAPI_RETRY_SECONDS = int(os.environ.get("XAPI_RETRY_SECONDS", "60"))
XAPI_RETRY_MAX_SECONDS = int(os.environ.get("XAPI_RETRY_MAX_SECONDS", "3600"))
XAPI_CLAIM_TIMEOUT_MINUTES = int(os.environ.get("XAPI_CLAIM_TIMEOUT_MINUTES", "10"))
XAPI_FORWARD_ON_COMMIT = env_bool("XAPI_FORWARD_ON_COMMIT", True)
XAPI_ACTOR_MODE = os.environ.get("XAPI_ACTOR_MODE", "account")
XAPI_ACTOR_HOMEPAGE = os.environ.get("XAPI_ACTOR_HOMEPAGE", "")
XAPI_ACTOR_KEY = os.environ.get("XAPI_ACTOR_KEY", "")
XAPI_ACTOR_NAMES = env_bool("XAPI_ACTOR_NAMES", False)
XAPI_ACTIVITY_BASE_URL = os.environ.get("XAPI_ACTIVITY_BASE_URL", "")
# LTI 1.3 (lti/, docs/standards.md): a grade a platform did not accept is tried again after
# LTI_SCORE_RETRY_MINUTES, doubling, at most LTI_SCORE_MAX_ATTEMPTS times (`post_lti_scores`);
# a platform's public keys (JWKS) are cached for LTI_PLATFORM_KEYS_CACHE_SECONDS.
LTI_SCORE_RETRY_MINUTES = int(os.environ.get("LTI_SCORE_RETRY_MINUTES", "10"))
LTI_SCORE_MAX_ATTEMPTS = int(os.environ.get("LTI_SCORE_MAX_ATTEMPTS", "8"))
LTI_PLATFORM_KEYS_CACHE_SECONDS = int(os.environ.get("LTI_PLATFORM_KEYS_CACHE_SECONDS", "300"))
# SCIM provisioning (accounts.scim, docs/integration.md): which field SCIM's userName stands for
# (staff_number, warrant_number, username or email), and the most people one list page returns.
SCIM_USERNAME_FIELD = os.environ.get("SCIM_USERNAME_FIELD", "staff_number")
SCIM_MAX_RESULTS = max(int(os.environ.get("SCIM_MAX_RESULTS", "200")), 1)
# SCORM packages (scorm/packages.py): a package is refused with more than SCORM_MAX_FILES files,
# or bigger than SCORM_MAX_UNCOMPRESSED_MB once uncompressed (counted by decompressing, so a
# zip bomb cannot lie about it), or an upload bigger than SCORM_MAX_UPLOAD_MB.
SCORM_MAX_FILES = int(os.environ.get("SCORM_MAX_FILES", "5000"))
SCORM_MAX_UNCOMPRESSED_MB = int(os.environ.get("SCORM_MAX_UNCOMPRESSED_MB", "500"))
SCORM_MAX_UPLOAD_MB = int(os.environ.get("SCORM_MAX_UPLOAD_MB", "200"))

# Grants (docs/security.md §1): an exemption ends at most EXEMPTION_MAX_MONTHS ahead; an
# officer's reasonable adjustments on any one quiz add up to at most these. Environment
# variables, not admin settings: the limits bind the accounts that could edit them.
EXEMPTION_MAX_MONTHS = int(os.environ.get("EXEMPTION_MAX_MONTHS", "24"))
ADJUSTMENT_MAX_EXTRA_TIME_PERCENT = int(os.environ.get("ADJUSTMENT_MAX_EXTRA_TIME_PERCENT", "100"))
ADJUSTMENT_MAX_EXTRA_ATTEMPTS = int(os.environ.get("ADJUSTMENT_MAX_EXTRA_ATTEMPTS", "3"))


# Audit and retention: people who left more than this many years ago are anonymised by
# `manage.py anonymise_leavers` (docs/deployment.md).

RETENTION_YEARS = int(os.environ.get("RETENTION_YEARS", "6"))


# Quiz answers posted after the officer's session ended are kept for that officer only, for
# this many minutes, until they sign in again (quizzes/kept_answers.py; issue 11, finding 7).

QUIZ_KEPT_ANSWERS_MINUTES = int(os.environ.get("QUIZ_KEPT_ANSWERS_MINUTES", "15"))


# Accounts: officers are a custom user model from the first migration.

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_AGE = 60 * 60 * 12  # one shift: the absolute limit, counted from sign-in
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads it
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe


# Sign-in protection (issue 11; docs/security.md section 3, docs/deployment.md).
#
# Throttling: django-axes counts failed sign-ins per account and, separately, per address,
# on every route that calls authenticate() (our sign-in, Wagtail's /admin/login/). Its
# backend must come first. A success from the account resets its count.
#
# Single sign-on (issue 14; accounts/sso.py, docs/integration.md "Single sign-on") comes second:
# it signs in from the identity provider's callback only, refuses passwords on every route
# when PASSWORD_SIGN_IN_ENABLED is off, and grants no permissions itself (ModelBackend does).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.sso.SingleSignOnBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_COOL_OFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The wait runs from the failure that started it: attempts during it are refused (and audited)
# but do not start it again, so the page can say how long to wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_DISABLE_ACCESS_LOG = True  # the audit trail records every sign-in and sign-out
AXES_VERBOSE = False
# Behind the TLS proxy, the client's address is the one the outermost of our proxies put
# in X-Forwarded-For; SIGN_IN_PROXY_COUNT is how many proxies sit in front of the app
# (0: the connection's own address). See accounts.throttling.client_address.
SIGN_IN_PROXY_COUNT = int(os.environ.get("SIGN_IN_PROXY_COUNT", "0"))
# The same address is what the audit trail records (audit.services reads CLIENT_IP_CALLABLE).
CLIENT_IP_CALLABLE = "accounts.throttling.client_address"

# The public certificate verification page (certificates.throttling): at most this many lookups
# per client address in each window, against guessing codes.
CERTIFICATE_VERIFY_RATE_LIMIT = int(os.environ.get("CERTIFICATE_VERIFY_RATE_LIMIT", "30"))
CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS = int(os.environ.get("CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS", "600"))
AXES_CLIENT_IP_CALLABLE = CLIENT_IP_CALLABLE

# A second factor (django-otp: TOTP, plus single-use backup codes) for everyone who can
# reach the admin. On in production; off here, in the demo and in tests (tests turn it on).
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", default=False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Police training")
SECOND_FACTOR_BACKUP_CODES = 10

# Sessions end after this many minutes without a request, and SESSION_COOKIE_AGE after
# signing in whatever happens (accounts.middleware.SessionLimitsMiddleware).
SESSION_IDLE_TIMEOUT_MINUTES = int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES", "30"))

# Single sign-on with the force's identity provider through OpenID Connect (mozilla-django-oidc;
# accounts/sso.py). Every value comes from the environment (docs/deployment.md lists each, and
# docs/integration.md shows them for Microsoft Entra ID). People are matched on OIDC_MATCH_CLAIM
# to the OIDC_MATCH_FIELD of a person already imported, never created; OIDC_ROLE_MAPPING names
# the roles the provider's groups claim manages ("group id=Role;group id=Role").
OIDC_ENABLED = env_bool("OIDC_ENABLED", default=False)
PASSWORD_SIGN_IN_ENABLED = env_bool("PASSWORD_SIGN_IN_ENABLED", default=True)
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "your force account")
OIDC_SUPPORT_CONTACT = os.environ.get("OIDC_SUPPORT_CONTACT", "your force's training team")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_MATCH_CLAIM = os.environ.get("OIDC_MATCH_CLAIM", "email")
OIDC_MATCH_FIELD = os.environ.get("OIDC_MATCH_FIELD", "email")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_ROLE_MAPPING = os.environ.get("OIDC_ROLE_MAPPING", "")
OIDC_TRUST_PROVIDER_MFA = env_bool("OIDC_TRUST_PROVIDER_MFA", default=False)
OIDC_MFA_AMR_VALUES = env_list("OIDC_MFA_AMR_VALUES", "mfa")
OIDC_CLOCK_SKEW_SECONDS = int(os.environ.get("OIDC_CLOCK_SKEW_SECONDS", "60"))
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT_SECONDS", "10"))
OIDC_VERIFY_SSL = env_bool("OIDC_VERIFY_SSL", default=True)
# Fixed by the code, not the operator: PKCE and a nonce on every request, the ID token kept in
# the session for RP-initiated logout, no account created from a token.
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_CREATE_USER = False
OIDC_CALLBACK_CLASS = "accounts.sso.CallbackView"
OIDC_AUTHENTICATE_CLASS = "accounts.sso.AuthenticateView"
LOGIN_REDIRECT_URL_FAILURE = "accounts:login"
# The provider's callback is not a password guess: not throttled by django-axes (accounts.sso).
AXES_WHITELIST_CALLABLE = "accounts.sso.exempt_from_password_throttle"

# Email and password are changed on our account pages (email needs the current password),
# not in the admin's account settings, which cannot ask for it.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# New passwords are hashed with Argon2; PBKDF2 hashes still verify and are rehashed with
# Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]


# Internationalisation. Every user-facing string is wrapped for translation; Welsh
# forces will add "cy" here with its catalogue.

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]


# Static files: sources in site/static, built GOV.UK Frontend assets in site/static/dist
# (made by `npm run build`, never committed), collected to STATIC_ROOT for whitenoise.

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Private files (issue 11, finding 8): exemption evidence and prepared exports live in the
# "private" storage, outside MEDIA_ROOT and without a URL of their own; they are served only
# by the permission-checked views (compliance.views). Production puts them in object storage
# under a private prefix (production.py). `manage.py move_private_files` moves older files.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
if MEDIA_ROOT.resolve() in (PRIVATE_MEDIA_ROOT.resolve(), *PRIVATE_MEDIA_ROOT.resolve().parents):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must be outside MEDIA_ROOT: files under MEDIA_ROOT may be served.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.storage.PrivateFileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies Django reads into memory (forms, autosave): 2.5 MB, Django's default. Uploaded
# files stream to disk past FILE_UPLOAD_MAX_MEMORY_SIZE; their sizes are capped by each form
# (evidence 5 MB) and by Wagtail (WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE).
# The proxy's body limit (docs/deployment.md, client_max_body_size 12m) sits just above the largest.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440


# Festival refreshers (notifications): a failed send is retried after REFRESHER_RETRY_MINUTES,
# doubling each time, and recorded as abandoned after REFRESHER_MAX_ATTEMPTS attempts.

REFRESHER_RETRY_MINUTES = int(os.environ.get("REFRESHER_RETRY_MINUTES", "15"))
REFRESHER_MAX_ATTEMPTS = int(os.environ.get("REFRESHER_MAX_ATTEMPTS", "5"))


# Email: Django's mail framework. Production reads the SMTP settings from the environment.

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "training@example.police.uk")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_SUBJECT_PREFIX = "[Police training] "


# Wagtail

WAGTAIL_SITE_NAME = "Police training"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_FRONTEND_LOGIN_URL = "/account/sign-in/"
# Whoever Wagtail keeps out of the admin goes here rather than to Wagtail's sign-in form: the
# site's sign-in when signed out, My learning (with a word on who the admin is for) for an
# officer (accounts.views.admin_sign_in). /admin/login/ itself still works for staff.
WAGTAILADMIN_LOGIN_URL = "accounts:admin_sign_in"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always stream through Wagtail's view, after the sign-in check (core/wagtail_hooks.py),
# never as a redirect to a storage URL that could be passed on (issue 11, finding 8).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False
# The machines this runs on have no route to the internet: no avatars from Gravatar,
# no phoning home for Wagtail release news.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False


# Security headers (issue 11, findings 6 and 9; docs/security.md sections 6 and 9).
#
# Content-Security-Policy: scripts and styles from this site only, the one inline script of
# base.html by its per-request nonce, videos only from the no-cookie players that
# courses/video.py embeds, images also from object storage (production.py adds its origin).
# Officer pages enforce it; the Wagtail admin gets the same policy report-only, because
# Wagtail's own templates still carry inline scripts and styles (decisions.md). Violations are
# reported to /csp-report/ and logged (logger "csp"). CSP_EXTRA_IMG_SRC adds image origins.

VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *env_list("CSP_EXTRA_IMG_SRC")],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    # Signing out of a single sign-on session posts here and is redirected to the provider's
    # end-session endpoint, which form-action governs too (accounts.sso.SignOutView).
    "form-action": [SELF, *([origin_of(OIDC_OP_LOGOUT_ENDPOINT)] if OIDC_ENABLED and OIDC_OP_LOGOUT_ENDPOINT else [])],
    "report-uri": ["/csp-report/"],
}
# Enforced everywhere but the admin; report-only there (core.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {"EXCLUDE_URL_PREFIXES": ["/admin/"], "DIRECTIVES": CSP_DIRECTIVES}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": CSP_DIRECTIVES}

# Permissions-Policy (django-permissions-policy): every powerful feature off, except those the
# video players need (for their origins only) and passkeys on this site (second factor).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "bluetooth": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *VIDEO_PLAYER_ORIGINS],
    "fullscreen": ["self", *VIDEO_PLAYER_ORIGINS],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_PLAYER_ORIGINS],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}


# REST API (api/, issue 14): bearer tokens only (accounts.ApiToken), every response scoped to
# the token's units. API_RATE_LIMIT is per token ("600/minute", "10000/hour", DRF's syntax),
# counted in the default cache (shared between app servers when REDIS_URL is set);
# API_PAGE_SIZE is the default page, API_MAX_PAGE_SIZE the most a client may ask for.

API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/minute")
API_PAGE_SIZE = int(os.environ.get("API_PAGE_SIZE", "100"))
API_MAX_PAGE_SIZE = int(os.environ.get("API_MAX_PAGE_SIZE", "1000"))

# Only what every DRF view may share: Wagtail's admin API (the page chooser) is DRF too, so the
# API's authentication, permissions and pagination are set on its own views (api.views).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"api_token": API_RATE_LIMIT},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Police training platform API",
    "DESCRIPTION": "Training records for a force's HR and records systems (docs/integration.md).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_this_api"],
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStatusEnum": "courses.models.EnrolmentStatus",
        "ComplianceStatusEnum": "compliance.status.Status",
    },
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
