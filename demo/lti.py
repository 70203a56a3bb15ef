"""
The demo's LTI platform, "Demo Moodle": registered by ``load_demo`` and played by
``manage.py lti_demo_launch``, which serves it on loopback (docs/standards.md, "Try it with the
demo"). People are identified by email, as most forces' Moodles would send it.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from demo.lti_platform import LocalPlatform, PreparedLaunch, key_from_file
from lti.models import IdentifyBy, Platform

NAME = "Demo Moodle"
PORT = 8002
CLIENT_ID = "training-platform-demo"
DEPLOYMENT_ID = "demo-moodle-1"
TOOL = "http://127.0.0.1:8000"


def key_file() -> Path:
    """Where the demo platform keeps its key pair, so that our cached copy of its JWKS stays right."""
    return Path(settings.BASE_DIR) / "var" / "lti-demo-platform.pem"


def issuer(port: int = PORT) -> str:
    return f"http://127.0.0.1:{port}"


def load_lti_platform(port: int = PORT) -> Platform:
    """Register (or bring up to date) the demo platform on ``http://127.0.0.1:<port>``."""
    base = issuer(port)
    platform = Platform.objects.filter(name=NAME, client_id=CLIENT_ID).first() or Platform(
        name=NAME, client_id=CLIENT_ID
    )
    platform.issuer = base
    platform.deployment_ids = DEPLOYMENT_ID
    platform.auth_login_url = base + "/auth"
    platform.auth_token_url = base + "/token"
    platform.auth_audience = ""
    platform.key_set_url = base + "/jwks"
    platform.identify_by = IdentifyBy.EMAIL
    platform.is_active = True
    platform.full_clean()
    platform.save()
    return platform


def start_demo_platform(*, tool: str = TOOL, port: int = PORT, key_path: Path | None = None) -> LocalPlatform:
    """Serve Demo Moodle on loopback, with its kept key pair, launching into the tool at ``tool``."""
    tool = tool.rstrip("/")
    server = LocalPlatform(
        name=NAME,
        client_id=CLIENT_ID,
        deployment_id=DEPLOYMENT_ID,
        tool_login_url=tool + "/lti/login/",
        tool_jwks_url=tool + "/lti/jwks/",
        port=port,
        key=key_from_file(key_path or key_file()),
    )
    load_lti_platform(server.server.server_address[1])
    return server


def prepare_demo_launch(server: LocalPlatform, *, person, page) -> str:
    """The URL of Demo Moodle's page that launches ``person`` into ``page`` (a course or a module)."""
    return server.prepare_launch(
        PreparedLaunch(
            sub=f"demo-moodle-{person.username}",
            email=person.email,
            name=person.get_full_name(),
            page_id=page.pk,
        )
    )
