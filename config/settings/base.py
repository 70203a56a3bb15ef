"""
Settings shared by every environment.

Everything that differs between a laptop, CI and a force's servers is read from the
environment here or in ``dev``/``production``/``test``. No secret lives in this file.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "courses",
    "quizzes",
    "compliance",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # built-in widget templates for FORM_RENDERER
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Report reads go to the read replica when there is one (REPORTS_DATABASE_URL).
    "config.db_routers.ReplicaRoutingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Bad input (issue 11, finding 4): an unreadable form body or a control character is
    # refused with a 400 page before any view or the CSRF check reads it.
    "core.middleware.RefuseBadInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
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

SESSION_COOKIE_AGE = 60 * 60 * 12  # one shift
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads it
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe


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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


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
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_I18N_ENABLED = False
# The machines this runs on have no route to the internet: no avatars from Gravatar,
# no phoning home for Wagtail release news.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
