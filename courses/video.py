"""
Video addresses → privacy-friendly embed addresses, worked out locally.

Wagtail's EmbedBlock asks the provider's oEmbed service on save and render; the machines
this platform runs on may have no route to the internet, and a police network should not
leak which officer watched what. So videos are limited to known providers and embedded
from their no-cookie hosts, with no network call.
"""

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")


def web_address(url: str) -> str | None:
    """``url`` if it is an http(s) address with a host, else None: never ``javascript:`` or ``data:``."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme.lower() not in {"http", "https"} or not parsed.hostname:
        return None
    return url.strip()


def embed_url(url: str) -> str | None:
    """The embeddable address for a YouTube or Vimeo video, or None if it is not one."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme not in {"http", "https"}:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    if video_id is not None:
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if YOUTUBE_ID.match(video_id) else None
    if host in {"vimeo.com", "player.vimeo.com"}:
        vimeo_id = parsed.path.rstrip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{vimeo_id}?dnt=1" if VIMEO_ID.match(vimeo_id) else None
    return None
