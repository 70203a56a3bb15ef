"""
The test platform for the LTI tool: ``demo.lti_platform.LocalPlatform`` (its own RSA key pair,
its JWKS, an OAuth2 token endpoint that checks our signed client assertion, and an AGS line
item that records the scores it receives), served over real HTTP on loopback (a free port
picked at run time). It signs launch messages as a platform would; the tests then walk the
OIDC login and the launch through our endpoints. The browser journey (tests/e2e/test_lti.py)
and `manage.py lti_demo_launch` use the same platform.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from demo.lti_platform import AGS, DL, LINEITEM_SCOPE, LTI, SCORE_SCOPE, LocalPlatform, new_key
from lti.models import IdentifyBy, Platform

CLIENT_ID = "our-tool-at-the-platform"
DEPLOYMENT_ID = "deployment-1"
__all__ = ["AGS", "DL", "LINEITEM_SCOPE", "LTI", "SCORE_SCOPE", "new_key"]


class TestPlatform(LocalPlatform):
    """A minimal LTI 1.3 platform, as Moodle would be, on ``http://127.0.0.1:<free port>``."""

    __test__ = False

    def __init__(self, **kwargs):
        kwargs.setdefault("name", "Test Constabulary Moodle")
        super().__init__(client_id=CLIENT_ID, deployment_id=DEPLOYMENT_ID, **kwargs)

    def launch_claims(self, *, nonce: str, email="alex.morgan@police.test", name="Alex Morgan", **options):
        return super().launch_claims(nonce=nonce, email=email, name=name, **options)


@pytest.fixture
def platform_server():
    server = TestPlatform()
    yield server
    server.stop()


@pytest.fixture
def platform(db, platform_server):
    return Platform.objects.create(
        name="Test Constabulary Moodle",
        issuer=platform_server.issuer,
        client_id=CLIENT_ID,
        deployment_ids=f"{DEPLOYMENT_ID}\nanother-deployment",
        auth_login_url=platform_server.login_url,
        auth_token_url=platform_server.token_url,
        key_set_url=platform_server.jwks_url,
        identify_by=IdentifyBy.EMAIL,
    )


@pytest.fixture
def course(db):
    course = CoursePageFactory(
        parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime awareness", slug="hate-crime"
    )
    ModulePageFactory(parent=course, title="Recognise it", slug="recognise")
    return course


def login_step(client, server: TestPlatform, **params):
    """The platform's login initiation; returns our redirect's query (state, nonce, redirect_uri…)."""
    query = {
        "iss": server.issuer,
        "login_hint": "moodle-user-42",
        "target_link_uri": "http://testserver/lti/launch/",
        "client_id": CLIENT_ID,
        "lti_deployment_id": DEPLOYMENT_ID,
    }
    query.update(params)
    response = client.get("/lti/login/", query)
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == server.login_url
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def launch(client, server: TestPlatform, *, claims=None, sign=None, **claim_options):
    """Login initiation, then the signed launch posted back with the state we set."""
    auth = login_step(client, server)
    claims = claims(auth["nonce"]) if callable(claims) else server.launch_claims(nonce=auth["nonce"], **claim_options)
    token = (sign or server.sign)(claims)
    response = client.post("/lti/launch/", {"id_token": token, "state": auth["state"]})
    return response, {"id_token": token, "state": auth["state"]}
