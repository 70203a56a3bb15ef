"""Settings for the test suite (pytest uses these; see pyproject.toml)."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# On SQLite the tests use a file rather than Django's shared in-memory database: the
# concurrency tests run real threads, and SQLite's shared-cache memory mode reports "table
# is locked" at once instead of waiting (IMMEDIATE transactions and the busy timeout only
# work between connections to a file). One file per test process; Django deletes it after.
# A test database is thrown away, so it need not wait for the disk either: no fsync after each
# commit (migrations commit hundreds of times) and the rollback journal kept in memory. Locking
# between connections is unchanged (it is still a rollback journal, not WAL).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"police-training-test-{os.getpid()}.sqlite3"),  # noqa: F405
    }
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;"  # noqa: F405

# Sign-in protection (issue 11): staff's second factor is off unless a test turns it on
# (`settings.STAFF_REQUIRE_SECOND_FACTOR = True`), so that force_login keeps working.
STAFF_REQUIRE_SECOND_FACTOR = False

# Browser tests restore the migrated data (Wagtail's root page and Site) after each flush by
# re-saving it; audit events refuse to be re-saved (on PostgreSQL a trigger rejects the UPDATE),
# and the chain head rebuilds itself from what is left, so the audit app is not serialised.
TEST_NON_SERIALIZED_APPS = ["audit"]

# A test database is thrown away: PostgreSQL need not wait for each commit to reach the disk
# (the browser tests flush and restore the demo after every test, and migrations commit often).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
