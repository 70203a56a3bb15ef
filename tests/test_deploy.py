"""
The production build deploys: every file the built stylesheet points to exists, so that
collectstatic's manifest storage (whitenoise) can hash it. `make test` builds the assets
(`make assets`) before the suite runs; CI also runs collectstatic itself.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

STATIC_SOURCE = settings.BASE_DIR / "site" / "static"
BUILT_CSS = STATIC_SOURCE / "dist" / "site.css"
URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


def css_references(css_file: Path) -> list[str]:
    """Every local url(...) in a stylesheet: data URIs and fragments are not files."""
    urls = [match.group(2).strip() for match in URL.finditer(css_file.read_text(encoding="utf-8"))]
    return [url for url in urls if not url.startswith(("data:", "#"))]


def resolve(css_file: Path, url: str) -> Path:
    """The source file a reference means, as Django's manifest storage resolves it."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        return STATIC_SOURCE / path.removeprefix(settings.STATIC_URL)
    return (css_file.parent / path).resolve()


def test_the_built_stylesheet_exists_and_refers_to_govuk_frontend_images():
    # The header and footer styles refer to at least one image; if none were found the
    # check below would pass without checking anything.
    assert BUILT_CSS.is_file(), "run `make assets` (npm run build) first"
    assert css_references(BUILT_CSS)


def test_every_url_in_the_built_stylesheet_resolves_to_a_static_file():
    missing = [url for url in css_references(BUILT_CSS) if not resolve(BUILT_CSS, url).is_file()]
    assert missing == []


def test_every_url_in_the_built_stylesheet_stays_inside_the_static_sources():
    for url in css_references(BUILT_CSS):
        assert resolve(BUILT_CSS, url).is_relative_to(STATIC_SOURCE.resolve()), url


def test_a_missing_file_is_reported(tmp_path):
    # The checker itself can fail: a stylesheet pointing at an absent image is caught.
    css = tmp_path / "site.css"
    css.write_text('.a{background:url("assets/images/absent.svg")}.b{background:url(data:image/png;base64,xx)}')
    assert css_references(css) == ["assets/images/absent.svg"]
    assert not resolve(css, "assets/images/absent.svg").is_file()


def test_collectstatic_with_the_production_storage_succeeds(tmp_path):
    # whitenoise's CompressedManifestStaticFilesStorage refuses a stylesheet whose url()
    # points to a missing file; this is the command a deployment runs.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "test-only-not-secret-but-long-enough-for-the-check-0123456789",
        "ALLOWED_HOSTS": "training.example.police.uk",
        "STATIC_ROOT": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    collected_css = tmp_path / manifest["paths"]["dist/site.css"]
    references = css_references(collected_css)
    # The references now carry content hashes, and each hashed file was collected.
    assert references
    assert all(re.search(r"\.[0-9a-f]{12}\.", url) for url in references), references
    assert [url for url in references if not (collected_css.parent / url).is_file()] == []
