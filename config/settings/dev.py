"""Settings for a developer's machine: `make run` uses these."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# A fixed key is fine on a laptop; production refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")  # noqa: F405

# The demo's Learning Record Store: a local Ralph started with `make lrs` (docs/standards.md,
# xAPI). While it is not running, statements wait in the outbox; `manage.py forward_xapi`
# sends them once it is.
XAPI_LRS_ENDPOINT = os.environ.get("XAPI_LRS_ENDPOINT", "http://127.0.0.1:8100/xAPI/")  # noqa: F405
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "demo")  # noqa: F405
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "demo-lrs-password")  # noqa: F405, S105
XAPI_LRS_TIMEOUT_SECONDS = float(os.environ.get("XAPI_LRS_TIMEOUT_SECONDS", "3"))  # noqa: F405
