"""
The sign-in settings a force's servers get (issue 11, finding 3): read in a fresh process,
because settings are read once at import; and Argon2 hashing with PBKDF2 hashes still valid.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher, make_password

from accounts.factories import UserFactory

PRINT = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({name: getattr(module, name) for name in sys.argv[2:]}, default=str))
"""
PRODUCTION_ENV = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "training.example.police.uk"}
SIGN_IN_VARIABLES = (
    "STAFF_REQUIRE_SECOND_FACTOR",
    "SIGN_IN_FAILURE_LIMIT",
    "SIGN_IN_COOL_OFF_MINUTES",
    "SIGN_IN_PROXY_COUNT",
    "SESSION_IDLE_TIMEOUT_MINUTES",
)


def read_settings(module: str, *names: str, **env: str) -> dict:
    clean = {key: value for key, value in os.environ.items() if key not in SIGN_IN_VARIABLES}
    if module == "config.settings.production":
        clean |= PRODUCTION_ENV
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT, module, *names],
        cwd=settings.BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_requires_the_second_factor_and_dev_does_not():
    assert read_settings("config.settings.production", "STAFF_REQUIRE_SECOND_FACTOR") == {
        "STAFF_REQUIRE_SECOND_FACTOR": True
    }
    assert read_settings("config.settings.dev", "STAFF_REQUIRE_SECOND_FACTOR") == {
        "STAFF_REQUIRE_SECOND_FACTOR": False
    }
    assert read_settings(
        "config.settings.production", "STAFF_REQUIRE_SECOND_FACTOR", STAFF_REQUIRE_SECOND_FACTOR="off"
    ) == {"STAFF_REQUIRE_SECOND_FACTOR": False}


def test_sign_in_limits_come_from_the_environment_with_their_documented_defaults():
    names = ("AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "SESSION_IDLE_TIMEOUT_MINUTES", "SESSION_COOKIE_AGE")
    defaults = read_settings("config.settings.production", *names)
    assert defaults == {
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": "0:15:00",
        "SESSION_IDLE_TIMEOUT_MINUTES": 30,
        "SESSION_COOKIE_AGE": 43200,
    }
    changed = read_settings(
        "config.settings.production",
        *names,
        SIGN_IN_FAILURE_LIMIT="8",
        SIGN_IN_COOL_OFF_MINUTES="30",
        SESSION_IDLE_TIMEOUT_MINUTES="20",
    )
    assert changed["AXES_FAILURE_LIMIT"] == 8
    assert changed["AXES_COOLOFF_TIME"] == "0:30:00"
    assert changed["SESSION_IDLE_TIMEOUT_MINUTES"] == 20


def test_axes_checks_come_first_and_every_password_is_hashed_with_argon2_in_production():
    values = read_settings("config.settings.production", "AUTHENTICATION_BACKENDS", "PASSWORD_HASHERS")
    assert values["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
    assert values["PASSWORD_HASHERS"][0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in values["PASSWORD_HASHERS"]


@pytest.mark.django_db
def test_a_pbkdf2_hash_still_signs_in_and_is_upgraded_to_argon2(client, settings):
    settings.PASSWORD_HASHERS = read_settings("config.settings.production", "PASSWORD_HASHERS")["PASSWORD_HASHERS"]
    # A hash as Django made them before Argon2 came first.
    old_hash = make_password("an-old-pbkdf2-password", hasher=PBKDF2PasswordHasher())
    assert old_hash.startswith("pbkdf2_sha256$")
    user = UserFactory(username="longserving")
    type(user).objects.filter(pk=user.pk).update(password=old_hash)

    response = client.post("/account/sign-in/", {"username": "longserving", "password": "an-old-pbkdf2-password"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("an-old-pbkdf2-password")


@pytest.mark.django_db
def test_a_new_password_is_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = read_settings("config.settings.production", "PASSWORD_HASHERS")["PASSWORD_HASHERS"]
    assert make_password("a-brand-new-password").startswith("argon2$")
