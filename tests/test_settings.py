"""
Operator settings read from the environment give the DATABASES, cache, session and task
settings docs/deployment.md promises. Each case imports the settings in a fresh process,
because they are read once at import.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_SETTINGS = """
import json, importlib, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({
    "DATABASES": module.DATABASES,
    "DATABASE_ROUTERS": getattr(module, "DATABASE_ROUTERS", []),
    "CACHES": module.CACHES,
    "SESSION_ENGINE": getattr(module, "SESSION_ENGINE", "django.contrib.sessions.backends.db"),
    "TASKS": module.TASKS,
    "INSTALLED_APPS": module.INSTALLED_APPS,
    "WAGTAIL_REDIRECTS_FILE_STORAGE": getattr(module, "WAGTAIL_REDIRECTS_FILE_STORAGE", "tmp_file"),
}, default=str))
"""

OPERATOR_VARIABLES = (
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_CONN_HEALTH_CHECKS",
    "DATABASE_DISABLE_SERVER_SIDE_CURSORS",
    "DATABASE_JIT",
    "REPORTS_DATABASE_URL",
    "REDIS_URL",
    "TASKS_BACKEND",
    "CACHE_DIR",
)
POSTGRES = "postgres://trainer:secret@db.example:5432/training"


def load_settings(module: str = "config.settings.base", **env: str) -> dict:
    clean = {key: value for key, value in os.environ.items() if key not in OPERATOR_VARIABLES}
    if module == "config.settings.production":
        clean |= {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "training.example.police.uk"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT_SETTINGS, module],
        cwd=settings.BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def postgres_defaults():
    return load_settings(DATABASE_URL=POSTGRES)


def test_postgresql_connections_are_reused_and_health_checked_by_default(postgres_defaults):
    default = postgres_defaults["DATABASES"]["default"]
    assert default["ENGINE"] == "django.db.backends.postgresql"
    assert default["CONN_MAX_AGE"] == 60
    assert default["CONN_HEALTH_CHECKS"] is True
    assert default["DISABLE_SERVER_SIDE_CURSORS"] is False


def test_postgresql_jit_is_off_by_default(postgres_defaults):
    assert postgres_defaults["DATABASES"]["default"]["OPTIONS"]["options"] == "-c jit=off"


def test_database_jit_turns_jit_back_on():
    default = load_settings(DATABASE_URL=POSTGRES, DATABASE_JIT="1")["DATABASES"]["default"]
    assert "options" not in default.get("OPTIONS", {})


def test_pgbouncer_transaction_pooling_settings_come_from_the_environment():
    default = load_settings(
        DATABASE_URL=POSTGRES,
        DATABASE_CONN_MAX_AGE="0",
        DATABASE_DISABLE_SERVER_SIDE_CURSORS="true",
        DATABASE_CONN_HEALTH_CHECKS="0",
    )["DATABASES"]["default"]
    assert default["CONN_MAX_AGE"] == 0
    assert default["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert default["CONN_HEALTH_CHECKS"] is False


def test_sqlite_keeps_its_immediate_transactions_and_short_lived_connections():
    loaded = load_settings()
    default = loaded["DATABASES"]["default"]
    assert default["ENGINE"] == "django.db.backends.sqlite3"
    assert default["CONN_MAX_AGE"] == 0
    assert default["OPTIONS"] == {"transaction_mode": "IMMEDIATE", "timeout": 20}
    assert "replica" not in loaded["DATABASES"]
    assert loaded["DATABASE_ROUTERS"] == []


def test_a_reports_database_url_adds_a_replica_and_its_router():
    loaded = load_settings(
        DATABASE_URL=POSTGRES, REPORTS_DATABASE_URL="postgres://reader@replica.example:5432/training"
    )
    replica = loaded["DATABASES"]["replica"]
    assert replica["HOST"] == "replica.example"
    assert replica["USER"] == "reader"
    assert replica["CONN_MAX_AGE"] == 60
    assert replica["OPTIONS"]["options"] == "-c jit=off"
    assert replica["TEST"] == {"MIRROR": "default"}
    assert loaded["DATABASE_ROUTERS"] == ["config.db_routers.ReportsReplicaRouter"]


def test_without_redis_the_cache_is_per_process_and_sessions_live_in_the_database():
    loaded = load_settings()
    assert loaded["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert loaded["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_with_redis_the_cache_sessions_and_redirect_imports_are_shared():
    for module in ("config.settings.base", "config.settings.production"):
        loaded = load_settings(module, REDIS_URL="redis://cache.example:6379/3")
        assert loaded["CACHES"]["default"]["BACKEND"] == "core.cache.RedisCache"
        assert loaded["CACHES"]["default"]["LOCATION"] == "redis://cache.example:6379/3"
        assert loaded["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
        assert loaded["WAGTAIL_REDIRECTS_FILE_STORAGE"] == "cache"


def test_production_without_redis_shares_one_cache_between_the_machines_processes(tmp_path):
    loaded = load_settings("config.settings.production", CACHE_DIR=str(tmp_path))
    assert loaded["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert loaded["CACHES"]["default"]["LOCATION"] == str(tmp_path)
    assert loaded["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    default_dir = load_settings("config.settings.production")["CACHES"]["default"]["LOCATION"]
    assert default_dir == str(settings.BASE_DIR / "cache")


def test_tasks_run_in_the_request_in_development_and_in_a_worker_in_production():
    assert load_settings()["TASKS"]["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    production = load_settings("config.settings.production")
    assert production["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in production["INSTALLED_APPS"]
    chosen = load_settings("config.settings.production", TASKS_BACKEND="django_tasks_rq.RQBackend")
    assert chosen["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
