"""
A minimal LTI 1.3 platform, as a force's Moodle would be, served over real HTTP on loopback
(standard library only, plus PyJWT and jwcrypto, which the tool already uses). It stands in
for the other side of a launch in the demo (``manage.py lti_demo_launch``) and in the tests
(tests/lti, tests/e2e/test_lti.py):

- its own RSA key pair and JWKS (``/jwks``);
- a launch page that starts the OIDC login at the tool, as Moodle's activity link does
  (``/launch/<key>``: an auto-posting form to the tool's login initiation URL);
- the OIDC authentication endpoint (``/auth``): it signs the id_token with the tool's nonce and
  posts it back to the tool's launch URL in an auto-posting form;
- an OAuth2 token endpoint (``/token``) that checks the tool's signed client assertion against
  the tool's JWKS, and an AGS line item whose ``/scores`` records what it receives;
- ``/repost``: the last launch form posted again, as someone who copied it would (the tool must
  refuse it); ``/`` lists the scores received.

Loopback only: it binds 127.0.0.1 and sends nothing anywhere but the tool it is told about.
"""

from __future__ import annotations

import html
import json
import secrets
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jwt
from jwcrypto.jwk import JWK

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def new_key():
    key = JWK.generate(kty="RSA", size=2048)
    return key, key.export_to_pem(private_key=True, password=None).decode()


def key_from_file(path: Path):
    """The platform's key pair kept in ``path`` (made there, readable by its owner only, on first use)."""
    if path.exists():
        pem = path.read_text()
        return JWK.from_pem(pem.encode()), pem
    key, pem = new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(pem)
    return key, pem


@dataclass
class PreparedLaunch:
    """Who the platform launches and into what: what a Moodle activity link would carry."""

    sub: str
    email: str = ""
    name: str = ""
    page_id: int | str | None = None
    custom: dict = field(default_factory=dict)
    roles: list[str] = field(default_factory=lambda: [LEARNER])
    lineitem_number: int = 7


class LocalPlatform:
    """An LTI 1.3 platform on ``http://127.0.0.1:<port>`` (a free port when ``port`` is 0)."""

    def __init__(
        self,
        *,
        client_id: str,
        deployment_id: str,
        tool_login_url: str = "",
        tool_jwks_url: str = "",
        port: int = 0,
        key=None,
        name: str = "Local platform",
    ):
        self.name = name
        self.client_id = client_id
        self.deployment_id = deployment_id
        self.tool_login_url = tool_login_url
        self.tool_jwks_url = tool_jwks_url
        self.key, self.private_pem = key or new_key()
        self.kid = self.key.thumbprint()
        self.tool_jwks: dict = {"keys": []}  # the tool's JWKS when handed over by hand (no tool_jwks_url)
        self.tokens: set[str] = set()
        self.scores: list[dict] = []
        self.token_requests: list[dict] = []
        self.fail_scores = 0
        self.launches: dict[str, PreparedLaunch] = {}
        self.last_launch_form: dict | None = None
        self.on_score = None  # called with each score received (the demo command prints it)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
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

    # Launches the browser starts here
    def prepare_launch(self, launch: PreparedLaunch) -> str:
        """Remember a launch and give the URL of the platform's page that starts it."""
        key = secrets.token_urlsafe(12)
        self.launches[key] = launch
        return f"{self.base}/launch/{key}"

    # What the platform signs
    def sign(self, claims: dict, *, private_pem=None, kid=None) -> str:
        return jwt.encode(claims, private_pem or self.private_pem, algorithm="RS256", headers={"kid": kid or self.kid})

    def launch_claims(
        self,
        *,
        nonce: str,
        page_id=None,
        sub="moodle-user-42",
        email="",
        name="",
        target_link_uri="http://testserver/lti/launch/",
        roles=None,
        custom=None,
        lineitem_number=7,
        **extra,
    ):
        now = int(time.time())
        custom = dict(custom or {})
        if page_id is not None:
            custom["page_id"] = str(page_id)
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "email": email,
            "name": name,
            LTI + "deployment_id": self.deployment_id,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "roles": roles or [LEARNER],
            LTI + "resource_link": {"id": f"resource-link-{page_id or 1}", "title": "Training"},
            LTI + "target_link_uri": target_link_uri,
            LTI + "custom": custom,
            AGS: {"scope": [LINEITEM_SCOPE, SCORE_SCOPE], "lineitem": self.lineitem(lineitem_number)},
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

    def tool_keys(self) -> dict:
        """The tool's public keys: fetched from its JWKS URL as Moodle does, or as handed over."""
        if self.tool_jwks_url:
            with urllib.request.urlopen(self.tool_jwks_url, timeout=10) as answer:  # noqa: S310 - loopback tool URL
                return json.loads(answer.read())
        return self.tool_jwks

    def verify_from_tool(self, token: str, *, audience: str) -> dict:
        """Check a JWT the tool signed against the tool's published keys, as a platform does."""
        kid = jwt.get_unverified_header(token)["kid"]
        keys = [key for key in self.tool_keys()["keys"] if key["kid"] == kid]
        assert keys, f"kid {kid} is not in the tool's JWKS"  # noqa: S101 - refused as invalid_client below
        public = JWK(**keys[0]).export_to_pem()
        return jwt.decode(token, public, algorithms=["RS256"], audience=audience)

    # Pages the browser sees
    def form_page(self, *, title: str, action: str, fields: dict) -> bytes:
        """An accessible page with a form that posts itself, as platforms send launches (a button without script)."""
        inputs = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(str(v))}">' for k, v in fields.items()
        )
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} – {html.escape(self.name)}</title></head><body><main>"
            f"<h1>{html.escape(title)}</h1>"
            f'<form id="launch" method="post" action="{html.escape(action)}">{inputs}'
            '<button type="submit">Continue</button></form></main>'
            "<script>document.getElementById('launch').submit();</script></body></html>"
        ).encode()

    def scores_page(self) -> bytes:
        rows = "".join(
            f"<li>{html.escape(str(s['score'].get('userId')))}: {s['score'].get('scoreGiven')}/"
            f"{s['score'].get('scoreMaximum')} ({html.escape(str(s['score'].get('activityProgress')))})</li>"
            for s in self.scores
        )
        return (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(self.name)}</title>'
            f"</head><body><main><h1>{html.escape(self.name)}: grades received</h1>"
            f"<ul>{rows or '<li>None yet.</li>'}</ul></main></body></html>"
        ).encode()

    def _handler(platform):  # noqa: N805 - the handler closes over the platform
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(data)

            def _html(self, status, body):
                return self._send(status, body, "text/html; charset=utf-8")

            def _body(self):
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                if parts.path == "/jwks":
                    public = json.loads(platform.key.export_public())
                    public.update({"kid": platform.kid, "alg": "RS256", "use": "sig"})
                    return self._send(200, {"keys": [public]})
                if parts.path.startswith("/launch/"):
                    return self._start(parts.path.removeprefix("/launch/"))
                if parts.path == "/auth":
                    return self._authenticate(query)
                if parts.path == "/repost" and platform.last_launch_form:
                    form = platform.last_launch_form
                    return self._html(200, platform.form_page(title="Opening the activity", **form))
                if parts.path == "/":
                    return self._html(200, platform.scores_page())
                return self._send(404, {})

            def _start(self, key):
                if key not in platform.launches or not platform.tool_login_url:
                    return self._html(404, b"<!doctype html><title>Not found</title><h1>No such activity</h1>")
                fields = {
                    "iss": platform.issuer,
                    "login_hint": key,
                    "target_link_uri": platform.tool_login_url.replace("/lti/login/", "/lti/launch/"),
                    "client_id": platform.client_id,
                    "lti_deployment_id": platform.deployment_id,
                    "lti_message_hint": key,
                }
                page = platform.form_page(title="Opening the activity", action=platform.tool_login_url, fields=fields)
                return self._html(200, page)

            def _authenticate(self, query):
                """The OIDC authentication request: sign the id_token for the prepared launch and post it back."""
                launch = platform.launches.get(query.get("login_hint", ""))
                if (
                    launch is None
                    or query.get("client_id") != platform.client_id
                    or query.get("response_type") != "id_token"
                    or query.get("scope") != "openid"
                    or not query.get("nonce")
                    or not query.get("redirect_uri", "").startswith(("http://", "https://"))
                ):
                    return self._html(400, b"<!doctype html><title>Refused</title><h1>Authentication refused</h1>")
                claims = platform.launch_claims(
                    nonce=query["nonce"],
                    page_id=launch.page_id,
                    sub=launch.sub,
                    email=launch.email,
                    name=launch.name,
                    target_link_uri=query["redirect_uri"],
                    roles=launch.roles,
                    custom=launch.custom,
                    lineitem_number=launch.lineitem_number,
                )
                form = {
                    "action": query["redirect_uri"],
                    "fields": {"id_token": platform.sign(claims), "state": query.get("state", "")},
                }
                platform.last_launch_form = form
                return self._html(200, platform.form_page(title="Opening the activity", **form))

            def do_POST(self):
                path = urlsplit(self.path).path
                if path == "/token":
                    form = {key: values[0] for key, values in parse_qs(self._body().decode()).items()}
                    platform.token_requests.append(form)
                    try:
                        claims = platform.verify_from_tool(form["client_assertion"], audience=platform.token_url)
                    except Exception as error:  # refused like a platform: 401 with the reason
                        return self._send(401, {"error": "invalid_client", "error_description": str(error)})
                    if claims["iss"] != platform.client_id or claims["sub"] != platform.client_id:
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
                    received = {
                        "path": path,
                        "content_type": self.headers.get("Content-Type"),
                        "score": json.loads(body),
                    }
                    platform.scores.append(received)
                    if platform.on_score is not None:
                        platform.on_score(received)
                    return self._send(200, {})
                return self._send(404, {})

        return Handler
