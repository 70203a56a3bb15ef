"""The xAPI settings come from the environment, with safe defaults (nothing sent, no email, no name)."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT = """
import json, importlib, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({name: getattr(module, name) for name in dir(module) if name.startswith("XAPI_")}))
"""


def load(module="config.settings.base", **env) -> dict:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("XAPI_")}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT, module],
        cwd=settings.BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_by_default_nothing_is_sent_and_officers_are_pseudonymous():
    loaded = load()
    assert loaded["XAPI_LRS_ENDPOINT"] == ""
    assert loaded["XAPI_ACTOR_MODE"] == "account"
    assert loaded["XAPI_ACTOR_NAMES"] is False
    assert (loaded["XAPI_BATCH_SIZE"], loaded["XAPI_RETRY_SECONDS"], loaded["XAPI_RETRY_MAX_SECONDS"]) == (
        100,
        60,
        3600,
    )


def test_the_lrs_and_the_actor_are_read_from_the_environment():
    loaded = load(
        XAPI_LRS_ENDPOINT="https://lrs.example.police.uk/xAPI/",
        XAPI_LRS_USERNAME="training",
        XAPI_LRS_PASSWORD="secret",
        XAPI_BATCH_SIZE="0",
        XAPI_ACTOR_MODE="email",
        XAPI_ACTOR_NAMES="true",
        XAPI_FORWARD_ON_COMMIT="false",
    )
    assert loaded["XAPI_LRS_ENDPOINT"] == "https://lrs.example.police.uk/xAPI/"
    assert (loaded["XAPI_LRS_USERNAME"], loaded["XAPI_LRS_PASSWORD"]) == ("training", "secret")
    assert loaded["XAPI_BATCH_SIZE"] == 1  # never zero
    assert (loaded["XAPI_ACTOR_MODE"], loaded["XAPI_ACTOR_NAMES"], loaded["XAPI_FORWARD_ON_COMMIT"]) == (
        "email",
        True,
        False,
    )


def test_the_dev_settings_point_at_the_local_lrs_of_make_lrs():
    loaded = load("config.settings.dev")
    assert loaded["XAPI_LRS_ENDPOINT"] == "http://127.0.0.1:8100/xAPI/"
    assert loaded["XAPI_LRS_USERNAME"] == "demo"
