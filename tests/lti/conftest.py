"""
A test platform for the LTI tool: its own RSA key pair, its JWKS, an OAuth2 token endpoint that
checks our signed client assertion, and an AGS line item that records the scores it receives,
served over real HTTP on loopback (a free port picked at run time). It signs launch messages
as a platform would; the tests then walk the OIDC login and the launch through our endpoints.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from jwcrypto.jwk import JWK

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from lti.models import IdentifyBy, Platform

CLIENT_ID = "our-tool-at-the-platform"
DEPLOYMENT_ID = "deployment-1"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


def new_key():
    key = JWK.generate(kty="RSA", size=2048)
    return key, key.export_to_pem(private_key=True, password=None).decode()


class TestPlatform:
    """A minimal LTI 1.3 platform, as Moodle would be, on ``http://127.0.0.1:<free port>``."""

    __test__ = False

    def __init__(self):
        self.key, self.private_pem = new_key()
        self.kid = self.key.thumbprint()
        self.tool_jwks: dict = {"keys": []}  # our tool's JWKS, handed over as a platform admin would
        self.tokens: set[str] = set()
        self.scores: list[dict] = []
        self.token_requests: list[dict] = []
        self.fail_scores = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    # URLs the tool is told about
    @property
    def issuer(self):
        return self.base

    @property
    def jwks_url(self):
        return self.base + "/jwks"

    @property
    def token_url(self):
        return self.base + "/token"

    @property
    def login_url(self):
        return self.base + "/auth"

    def lineitem(self, number=7):
        return f"{self.base}/lineitems/{number}/lineitem"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # What the platform signs
    def sign(self, claims: dict, *, private_pem=None, kid=None) -> str:
        return jwt.encode(claims, private_pem or self.private_pem, algorithm="RS256", headers={"kid": kid or self.kid})

    def launch_claims(
        self, *, nonce: str, page_id=None, sub="moodle-user-42", email="alex.morgan@police.test", **extra
    ):
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "email": email,
            "name": "Alex Morgan",
            LTI + "deployment_id": DEPLOYMENT_ID,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            LTI + "resource_link": {"id": "resource-link-1", "title": "Hate crime"},
            LTI + "target_link_uri": "http://testserver/lti/launch/",
            LTI + "custom": {"page_id": str(page_id)} if page_id is not None else {},
            AGS: {"scope": [LINEITEM_SCOPE, SCORE_SCOPE], "lineitem": self.lineitem()},
        }
        claims.update(extra)
        return claims

    def deep_linking_claims(self, *, nonce: str, roles=None):
        claims = self.launch_claims(nonce=nonce)
        del claims[LTI + "resource_link"], claims[AGS]
        claims[LTI + "message_type"] = "LtiDeepLinkingRequest"
        claims[LTI + "roles"] = roles or ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
        claims[DL] = {
            "deep_link_return_url": self.base + "/deep-link-return",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["window"],
            "data": "opaque-platform-data",
        }
        return claims

    def verify_from_tool(self, token: str, *, audience: str) -> dict:
        """Check a JWT the tool signed against the tool's published keys, as a platform does."""
        kid = jwt.get_unverified_header(token)["kid"]
        keys = [key for key in self.tool_jwks["keys"] if key["kid"] == kid]
        assert keys, f"kid {kid} is not in the tool's JWKS"
        public = JWK(**keys[0]).export_to_pem()
        return jwt.decode(token, public, algorithms=["RS256"], audience=audience)

    def _handler(platform):  # noqa: N805 - the handler closes over the platform
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body, content_type="application/json"):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self):
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self):
                if self.path == "/jwks":
                    public = json.loads(platform.key.export_public())
                    public.update({"kid": platform.kid, "alg": "RS256", "use": "sig"})
                    return self._send(200, {"keys": [public]})
                return self._send(404, {})

            def do_POST(self):
                path = urlsplit(self.path).path
                if path == "/token":
                    form = {key: values[0] for key, values in parse_qs(self._body().decode()).items()}
                    platform.token_requests.append(form)
                    try:
                        claims = platform.verify_from_tool(form["client_assertion"], audience=platform.token_url)
                    except Exception as error:  # refused like a platform: 401 with the reason
                        return self._send(401, {"error": "invalid_client", "error_description": str(error)})
                    if claims["iss"] != CLIENT_ID or claims["sub"] != CLIENT_ID:
                        return self._send(401, {"error": "invalid_client"})
                    token = secrets.token_urlsafe(16)
                    platform.tokens.add(token)
                    return self._send(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})
                if path.startswith("/lineitems/") and path.endswith("/scores"):
                    bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    body = self._body()
                    if bearer not in platform.tokens:
                        return self._send(401, {})
                    if platform.fail_scores:
                        platform.fail_scores -= 1
                        return self._send(503, {"error": "down for maintenance"})
                    platform.scores.append(
                        {"path": path, "content_type": self.headers.get("Content-Type"), "score": json.loads(body)}
                    )
                    return self._send(200, {})
                return self._send(404, {})

        return Handler


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
