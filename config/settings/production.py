"""
Settings for a force's servers (gunicorn behind a TLS-terminating proxy).

Everything comes from the environment; see docs/deployment.md for the full list.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY")  # noqa: F405
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma-separated).")

# Without Redis (one machine), the gunicorn workers still share one cache: a per-process
# memory cache would keep what Wagtail invalidates on save (the sites' root paths, kept an
# hour) stale in every worker but the one that saved. More than one machine needs REDIS_URL.
if not os.environ.get("REDIS_URL"):  # noqa: F405
    CACHES = {  # noqa: F405
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            # Beside media/ by default, never a guessable shared /tmp path: the files are pickles.
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),  # noqa: F405
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "policetraining"),  # noqa: F405
        }
    }

# Background work runs in a separate worker process (`manage.py db_worker`), never in the request.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
# Staff sign in with a second factor on a force's servers unless the operator says otherwise.
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", default=True)
CSRF_COOKIE_SECURE = True

# whitenoise serves the collected static files from gunicorn, straight after SecurityMiddleware.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Object storage for uploaded images and documents (S3 or any S3-compatible store).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):  # noqa: F405
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],  # noqa: F405
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),  # noqa: F405
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),  # noqa: F405
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),  # noqa: F405
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Private files (issue 11, finding 8): evidence and prepared exports, under their own prefix
    # (or bucket) that no CDN fronts, fetched only by the permission-checked views.
    STORAGES["private"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME") or os.environ["AWS_STORAGE_BUCKET_NAME"],  # noqa: F405
            "location": "private",
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),  # noqa: F405
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),  # noqa: F405
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Course images are shown from object storage (signed URLs): allow its origin in the CSP.
    _bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]  # noqa: F405
    _region = os.environ.get("AWS_S3_REGION_NAME")  # noqa: F405
    _image_origins = [f"https://{_bucket}.s3.amazonaws.com"]
    if _region:
        _image_origins.append(f"https://{_bucket}.s3.{_region}.amazonaws.com")
    if os.environ.get("AWS_S3_ENDPOINT_URL"):  # noqa: F405
        _image_origins.append(os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/"))  # noqa: F405
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):  # noqa: F405
        _image_origins.append(f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}")  # noqa: F405
    CSP_DIRECTIVES["img-src"] += _image_origins  # noqa: F405

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin iframe, so SAMEORIGIN it is.
    "security.W019",
    # HSTS preloading commits the force's whole domain; it is the force's decision (SECURE_HSTS_PRELOAD).
    "security.W021",
]
