"""
A real OpenID Connect provider (the npm package ``oidc-provider``, ``server.mjs`` here) started
on loopback for the single sign-on tests and the demo, and a person driving its sign-in page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

SERVER = Path(__file__).with_name("server.mjs")
CLIENT_ID = "police-training"
CLIENT_SECRET = "police-training-test-secret"  # noqa: S105 (a test provider's client)


@dataclass
class LocalProvider:
    """A running provider: its issuer and the accounts file it reads at every sign-in."""

    process: subprocess.Popen
    issuer: str
    accounts_file: Path
    accounts: dict = field(default_factory=dict)

    def set_accounts(self, accounts: dict) -> None:
        self.accounts = accounts
        self.accounts_file.write_text(json.dumps(accounts))

    def set_claims(self, login: str, **claims) -> None:
        self.set_accounts(self.accounts | {login: self.accounts.get(login, {}) | claims})

    def settings(self) -> dict:
        """The platform's OIDC_* settings for this provider (what an operator sets in the environment)."""
        return {
            "OIDC_ENABLED": True,
            "OIDC_PROVIDER_NAME": "Test Constabulary account",
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/auth",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": "",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_OP_LOGOUT_ENDPOINT": f"{self.issuer}/session/end",
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile staff groups",
        }

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_provider(accounts: dict | None = None, redirect_uris: tuple[str, ...] = ()) -> LocalProvider:
    """Start ``server.mjs`` on a free loopback port (the OS picks it) and wait until it answers."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Single sign-on tests need Node.js (`make install-dev` installs oidc-provider).")
    accounts_file = Path(tempfile.mkstemp(prefix="oidc-accounts-", suffix=".json")[1])
    accounts_file.write_text(json.dumps(accounts or {}))
    command = [node, str(SERVER), "--port", "0", "--accounts", str(accounts_file)]
    command += ["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET]
    for uri in redirect_uris:
        command += ["--redirect-uri", uri]
    process = subprocess.Popen(  # noqa: S603
        command,
        cwd=SERVER.parent.parent.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("listening "):
        process.kill()
        raise RuntimeError(f"The test OpenID provider did not start: {line!r}")
    provider = LocalProvider(process=process, issuer=line.removeprefix("listening "), accounts_file=accounts_file)
    provider.accounts = accounts or {}
    requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=10).raise_for_status()
    return provider


class _Forms(HTMLParser):
    """The forms on a page: action, method and the inputs' names and values."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            form = {"id": attrs.get("id"), "action": attrs.get("action", ""), "method": attrs.get("method", "get")}
            self.forms.append(form | {"fields": {}})
        elif tag in ("input", "button") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"].setdefault(attrs["name"], attrs.get("value", ""))


def forms_on(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def follow_until(session: requests.Session, url: str, stop_prefix: str) -> str:
    """Follow the provider's redirects from ``url`` until one points at ``stop_prefix``; return it."""
    for _ in range(20):
        if url.startswith(stop_prefix):
            return url
        response = session.get(url, allow_redirects=False, timeout=10)
        if response.status_code not in (301, 302, 303, 307, 308):
            raise AssertionError(f"{url} answered {response.status_code}, not a redirect: {response.text[:500]}")
        url = urljoin(url, response.headers["Location"])
    raise AssertionError("Too many redirects")


def sign_in_at_provider(session: requests.Session, authorize_url: str, login: str, callback_prefix: str) -> str:
    """
    What a person does at the provider: open the authorisation URL, fill in its sign-in page
    (any password) and come back. Returns the callback URL the provider sends the browser to.
    """
    url = authorize_url
    for _ in range(10):
        if url.startswith(callback_prefix):  # already signed in at the provider
            return url
        response = session.get(url, allow_redirects=False, timeout=10)
        if response.status_code not in (301, 302, 303, 307, 308):
            break
        url = urljoin(url, response.headers["Location"])
    response.raise_for_status()
    form = forms_on(response.text)[0]
    assert form["fields"].get("prompt") == "login", response.text[:500]
    action = urljoin(response.url, form["action"])
    answer = session.post(
        action, data={"prompt": "login", "login": login, "password": "any password"}, allow_redirects=False, timeout=10
    )
    return follow_until(session, urljoin(action, answer.headers["Location"]), callback_prefix)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path
