"""
What an officer reads in a module, as one digest: the title, the summary and the body, with
everything the editor adds for its own bookkeeping taken out, so that saving the same words
again is never "a change".

Pure functions, no database: ``ModulePage`` calls them when it is saved, ``archive_version``
for the revision an officer read, and the migration that introduced them for the records
already made.

Left out of the digest:

- StreamField block ids (``id`` keys), which the admin assigns afresh;
- ``data-*`` attributes in rich text (Draftail writes ``data-block-key`` on every paragraph);
- the order of a tag's attributes, and runs of whitespace (one space is one space; space
  between tags counts for nothing).

Kept: the words, the tags that shape them (a heading, a list, bold) and the attributes an
officer follows (a link's ``href``, a linked page's or document's ``id``).
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser

_WHITESPACE = re.compile(r"\s+")


class _Canonical(HTMLParser):
    """Rich text as a list of tokens that ignore editor-only markup (see the module docstring)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list = []

    @staticmethod
    def _attrs(attrs) -> list:
        return sorted(
            (name.lower(), _WHITESPACE.sub(" ", value or "").strip())
            for name, value in attrs
            if not name.lower().startswith("data-")
        )

    def handle_starttag(self, tag, attrs):
        self.tokens.append(["<", tag.lower(), self._attrs(attrs)])

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(["<>", tag.lower(), self._attrs(attrs)])

    def handle_endtag(self, tag):
        self.tokens.append([">", tag.lower()])

    def handle_data(self, data):
        text = _WHITESPACE.sub(" ", data).strip()
        if text:
            self.tokens.append(text)


def canonical_text(value: str):
    """A string as an officer reads it: rich text as canonical tokens, plain text with its spacing tidied."""
    if "<" not in value:
        return _WHITESPACE.sub(" ", value).strip()
    parser = _Canonical()
    parser.feed(value)
    parser.close()
    return parser.tokens


def canonical(data):
    """StreamField data (as stored) without block ids, every string in its canonical form."""
    if isinstance(data, dict):
        return {key: canonical(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list | tuple):
        return [canonical(item) for item in data]
    if isinstance(data, str):
        return canonical_text(data)
    return data


def reading_digest(*, title: str, summary: str, body) -> str:
    """
    SHA-256 of what an officer reads. ``body`` is the StreamField's stored data: a list of
    blocks, or its JSON text (as a revision keeps it).
    """
    if isinstance(body, str):
        body = json.loads(body) if body.strip() else []
    reading = {"title": canonical(title or ""), "summary": canonical(summary or ""), "body": canonical(body or [])}
    return hashlib.sha256(json.dumps(reading, sort_keys=True, default=str).encode()).hexdigest()
