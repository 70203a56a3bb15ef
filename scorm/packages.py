"""
Reading and checking a SCORM package (a zip with ``imsmanifest.xml`` at its root) before it
is accepted, and reading files out of an accepted one.

Nothing is extracted to disk: the accepted zip is kept in private storage and each file is
read from it when the permission-checked content view asks (``views.content``). The checks,
each refusal naming the problem (``PackageRefused``):

- a real zip, not encrypted, at most ``SCORM_MAX_FILES`` entries and ``SCORM_MAX_UNCOMPRESSED_MB``
  once uncompressed: counted by decompressing every entry, not by trusting the sizes the zip
  declares (a zip bomb lies about them);
- every path relative, inside the package (no ``..``, no leading ``/`` or drive, no backslash),
  no symbolic links, every file type on the allow-list (``ALLOWED_EXTENSIONS``);
- ``imsmanifest.xml`` parsed with ``defusedxml`` (no entity expansion, no external entities),
  SCORM 1.2 or 2004, with a launchable resource (a SCO's ``href``) that is in the package;
  every item of the default organization that points at a resource (``identifierref``)
  points at one the manifest declares, with a launch file in the package.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext as _

MANIFEST = "imsmanifest.xml"

#: What a package may hold: web pages and their assets, media, fonts, documents, the schema
#: files authoring tools ship. No executables, archives or server-side scripts.
ALLOWED_EXTENSIONS = frozenset(
    # Pages and scripts, images, audio and video, fonts, documents.
    ["html", "htm", "xhtml", "js", "mjs", "css", "json", "xml", "xsd", "dtd", "txt", "md", "csv", "map"]
    + ["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "avif"]
    + ["mp3", "mp4", "m4a", "m4v", "webm", "ogg", "oga", "ogv", "wav", "aac", "vtt", "srt"]
    + ["woff", "woff2", "ttf", "otf", "eot", "pdf"]
)

SCORM_12 = "1.2"
SCORM_2004 = "2004"


class PackageRefused(Exception):
    """The package cannot be accepted; the message says why, for the trainer who uploaded it."""


@dataclass(frozen=True)
class PackageInfo:
    """What the checks learnt about an accepted package."""

    scorm_version: str
    launch_path: str
    launch_query: str
    title: str
    identifier: str
    mastery_score: Decimal | None  # 0–1 (2004's scaled measure; 1.2's 0–100 divided by 100)
    items: list  # the default organization's item tree, flattened in document order (``_items``)
    typical_minutes: int | None  # the metadata's typicalLearningTime, in whole minutes
    file_count: int
    uncompressed_size: int


def limits() -> tuple[int, int]:
    """``(max files, max uncompressed bytes)`` from settings."""
    return settings.SCORM_MAX_FILES, settings.SCORM_MAX_UNCOMPRESSED_MB * 1024 * 1024


_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_path_reason(name: str) -> str | None:
    """Why a path in the zip may not be accepted, or None."""
    if "\x00" in name:
        return _("contains a NUL character")
    if "\\" in name:
        return _("uses a backslash (only / separates folders in a package)")
    if name.startswith("/") or _DRIVE.match(name):
        return _("is an absolute path")
    if ".." in name.split("/"):
        return _("climbs out of the package folder (zip-slip)")
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_entries(archive: zipfile.ZipFile) -> tuple[int, int]:
    """Check every entry's path, kind, type and real size; returns ``(file count, total bytes)``."""
    max_files, max_bytes = limits()
    entries = archive.infolist()
    if len(entries) > max_files:
        raise PackageRefused(
            _("The package holds %(count)s files; at most %(max)s are accepted.")
            % {"count": len(entries), "max": max_files}
        )
    total = 0
    files = 0
    for info in entries:
        name = info.filename
        reason = unsafe_path_reason(name)
        if reason:
            raise PackageRefused(_("The file “%(name)s” %(reason)s.") % {"name": name, "reason": reason})
        if _is_symlink(info):
            raise PackageRefused(_("The file “%(name)s” is a symbolic link; links are not accepted.") % {"name": name})
        if info.flag_bits & 0x1:
            raise PackageRefused(_("The file “%(name)s” is encrypted.") % {"name": name})
        if info.is_dir():
            continue
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            raise PackageRefused(
                _("The file “%(name)s” is of a type packages may not hold (.%(ext)s).")
                % {"name": name, "ext": extension or _("no extension")}
            )
        files += 1
        # Decompress to count: the sizes a zip declares can lie.
        try:
            with archive.open(info) as member:
                while chunk := member.read(1024 * 1024):
                    total += len(chunk)
                    if total > max_bytes:
                        raise PackageRefused(
                            _("The package is larger than %(max)s MB once uncompressed.")
                            % {"max": settings.SCORM_MAX_UNCOMPRESSED_MB}
                        )
        except (zipfile.BadZipFile, EOFError, NotImplementedError, OSError) as error:
            raise PackageRefused(
                _("The file “%(name)s” cannot be read: %(error)s") % {"name": name, "error": error}
            ) from error
    return files, total


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element, name: str) -> str:
    """An attribute by local name, whatever its namespace (``adlcp:scormtype``, ``xml:base``)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _first(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _descendants(element, name: str):
    return [node for node in element.iter() if _local(node.tag) == name]


def _version(root) -> str:
    schema = " ".join((node.text or "") for node in _descendants(root, "schemaversion")).strip().lower()
    if schema:
        if schema.startswith("1.2"):
            return SCORM_12
        if "2004" in schema or "cam 1.3" in schema:
            return SCORM_2004
    namespaces = (
        " ".join(node.tag for node in root.iter()) + " " + " ".join(key for node in root.iter() for key in node.attrib)
    )
    if "adlcp_v1p3" in namespaces or "imsss" in namespaces:
        return SCORM_2004
    if "adlcp_rootv1p2" in namespaces:
        return SCORM_12
    raise PackageRefused(
        _("imsmanifest.xml does not say which SCORM version it is (its schemaversion is “%(value)s”).")
        % {"value": schema or _("missing")}
    )


def _mastery(version: str, item, organization) -> Decimal | None:
    try:
        if version == SCORM_12:
            node = _first(item, "masteryscore") if item is not None else None
            if node is not None and (node.text or "").strip():
                value = Decimal(node.text.strip())
                if not 0 <= value <= 100:
                    raise PackageRefused(_("The mastery score %(value)s is not between 0 and 100.") % {"value": value})
                return value / 100
            return None
        for scope in (item, organization):
            if scope is None:
                continue
            for objective in _descendants(scope, "primaryObjective"):
                node = _first(objective, "minNormalizedMeasure")
                if node is not None and (node.text or "").strip():
                    value = Decimal(node.text.strip())
                    if not -1 <= value <= 1:
                        raise PackageRefused(
                            _("The minimum normalised measure %(value)s is not between -1 and 1.") % {"value": value}
                        )
                    return value
    except InvalidOperation as error:
        raise PackageRefused(_("The mastery score in imsmanifest.xml is not a number.")) from error
    return None


def _launch_of(resource, resources_base: str, names: set[str]) -> tuple[str, str]:
    """A resource's launch file (inside the package, or ``PackageRefused``) and its parameters."""
    href = _attr(resource, "href")
    base = posixpath.join(resources_base, _attr(resource, "base"))
    href, _sep, query = href.partition("?")
    href = href.partition("#")[0]
    launch = posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)
    reason = unsafe_path_reason(launch) or (_("is not in the package") if launch not in names else None)
    if reason:
        raise PackageRefused(_("The launch file “%(name)s” %(reason)s.") % {"name": launch, "reason": reason})
    return launch, query


def _tracked(item) -> bool:
    """2004's ``imsss:deliveryControls tracked="false"``: the activity is not counted in the rollup."""
    controls = next((node for node in _descendants(item, "deliveryControls")), None)
    return controls is None or _attr(controls, "tracked").strip().lower() != "false"


def _items(version: str, organization, resources: dict, resources_base: str, names: set[str]) -> list[dict]:
    """
    The organization's items in document order, each ``{"identifier", "title", "depth",
    "launch_path", "launch_query", "sco", "visible", "tracked", "mastery_score"}``. An item
    without ``identifierref`` is a heading (``launch_path`` empty) for the items inside it;
    one pointing at a resource that is missing or has no ``href`` is refused, naming it.
    """
    found: list[dict] = []

    def walk(parent, depth):
        for item in _children(parent, "item"):
            identifier = _attr(item, "identifier")
            title_node = _first(item, "title")
            title = (title_node.text or "").strip() if title_node is not None else ""
            entry = {
                "identifier": identifier,
                "title": title or identifier,
                "depth": depth,
                "launch_path": "",
                "launch_query": "",
                "sco": False,
                "visible": _attr(item, "isvisible").strip().lower() != "false",
                "tracked": True,
                "mastery_score": None,
            }
            ref = _attr(item, "identifierref")
            if ref:
                resource = resources.get(ref)
                if resource is None or not _attr(resource, "href"):
                    raise PackageRefused(
                        _("The item “%(item)s” points at the resource “%(ref)s”, which %(problem)s.")
                        % {
                            "item": entry["title"],
                            "ref": ref,
                            "problem": _("the manifest does not declare")
                            if resource is None
                            else _("has no launch file (href)"),
                        }
                    )
                entry["launch_path"], query = _launch_of(resource, resources_base, names)
                parameters = _attr(item, "parameters").lstrip("?&")
                entry["launch_query"] = "&".join(part for part in (query, parameters) if part)
                entry["sco"] = _attr(resource, "scormtype").lower() == "sco"
                entry["tracked"] = _tracked(item)
                if entry["sco"]:
                    # The item's own objective, else the organization's own (not another item's).
                    mastery = _mastery(version, item, _first(organization, "sequencing"))
                    entry["mastery_score"] = None if mastery is None else str(mastery)
            found.append(entry)
            walk(item, depth + 1)

    walk(organization, 0)
    return found


_LOM_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
_LOM_TIMESPAN = re.compile(r"^(\d{1,4}):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$")


def _typical_minutes(root) -> int | None:
    """LOM's ``typicalLearningTime`` (2004: an ISO duration; 1.2: often ``HH:MM:SS``), in minutes."""
    for node in root.iter():
        if _local(node.tag).lower() != "typicallearningtime":
            continue
        texts = [(child.text or "").strip() for child in node.iter()]
        for text in texts:
            if match := _LOM_DURATION.match(text):
                days, hours, minutes, seconds = (Decimal(part) if part else Decimal(0) for part in match.groups())
                total = int((days * 24 + hours) * 60 + minutes + seconds / 60)
            elif match := _LOM_TIMESPAN.match(text):
                total = int(match.group(1)) * 60 + int(match.group(2))
            else:
                continue
            return total if total > 0 else None
    return None


def parse_manifest(data: bytes, names: set[str]) -> dict:
    """
    The manifest's version, item tree, first launch file, title, mastery score and typical
    learning time, or ``PackageRefused``.
    """
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise PackageRefused(
            _("imsmanifest.xml uses XML features that are refused (%(error)s).") % {"error": error}
        ) from error
    except ElementTree.ParseError as error:
        raise PackageRefused(_("imsmanifest.xml is not well-formed XML: %(error)s.") % {"error": error}) from error
    if _local(root.tag) != "manifest":
        raise PackageRefused(_("imsmanifest.xml has no <manifest> root element."))
    version = _version(root)
    resources = {}
    resources_node = _first(root, "resources")
    resources_base = _attr(resources_node, "base") if resources_node is not None else ""
    for resource in _children(resources_node, "resource") if resources_node is not None else []:
        resources[_attr(resource, "identifier")] = resource

    organizations = _first(root, "organizations")
    organization = None
    if organizations is not None:
        default = _attr(organizations, "default")
        found = _children(organizations, "organization")
        organization = next((org for org in found if _attr(org, "identifier") == default), found[0] if found else None)
    items = _items(version, organization, resources, resources_base, names) if organization is not None else []
    if not any(entry["launch_path"] for entry in items):
        # No organization (allowed in 1.2): the first SCO resource is the whole package.
        resource = next(
            (res for res in resources.values() if _attr(res, "scormtype").lower() == "sco" and _attr(res, "href")),
            None,
        )
        if resource is None:
            raise PackageRefused(
                _("imsmanifest.xml names no launchable resource (an item pointing at a resource with an href).")
            )
        launch, query = _launch_of(resource, resources_base, names)
        items = [
            {
                "identifier": _attr(resource, "identifier"),
                "title": "",
                "depth": 0,
                "launch_path": launch,
                "launch_query": query,
                "sco": True,
                "visible": True,
                "tracked": True,
                "mastery_score": None,
            }
        ]
    identifiers = [entry["identifier"] for entry in items]
    duplicate = next((name for name in identifiers if identifiers.count(name) > 1 or not name), None)
    if duplicate is not None:
        raise PackageRefused(
            _("Two items in imsmanifest.xml share the identifier “%(name)s” (or one has none).") % {"name": duplicate}
        )
    first = next(entry for entry in items if entry["launch_path"])
    title_node = _first(organization, "title") if organization is not None else None
    return {
        "scorm_version": version,
        "launch_path": first["launch_path"],
        "launch_query": first["launch_query"],
        "title": (title_node.text or "").strip() if title_node is not None else "",
        "identifier": _attr(root, "identifier"),
        "mastery_score": Decimal(first["mastery_score"]) if first["mastery_score"] is not None else None,
        "items": items,
        "typical_minutes": _typical_minutes(root),
    }


def inspect_package(upload: IO[bytes]) -> PackageInfo:
    """Check an uploaded zip; ``PackageRefused`` with the reason, or what it holds."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackageRefused(_("The file is not a zip archive.")) from error
    with archive:
        file_count, size = check_entries(archive)
        names = {info.filename for info in archive.infolist() if not info.is_dir()}
        if MANIFEST not in names:
            raise PackageRefused(_("The package has no imsmanifest.xml at its top level."))
        manifest = parse_manifest(archive.read(MANIFEST), names)
    upload.seek(0)
    return PackageInfo(**manifest, file_count=file_count, uncompressed_size=size)


def read_member(archive_file: IO[bytes], path: str) -> bytes | None:
    """One file of an accepted package, or None if it holds no such file."""
    if unsafe_path_reason(path):
        return None
    with zipfile.ZipFile(archive_file) as archive:
        try:
            info = archive.getinfo(path)
        except KeyError:
            return None
        if info.is_dir() or _is_symlink(info):
            return None
        return archive.read(info)
