"""
The request's Wagtail site, and its root page, from the shared cache.

Wagtail finds the site for every request with one query (``Site.find_for_request``) and
then reads the root page in its own class with another, before routing. Both change only
when an editor changes a site or the root page, yet they cost two of a question page's
eight queries, and ORM work dominates an officer page (docs/performance.md, exam burst).

``CachedSiteMiddleware`` sets ``request._wagtail_site`` (where Wagtail keeps the site it
found for the request) from the default cache, keyed by host and port. The cached copy
carries the root page already in its specific class, so ``site.root_page.specific`` needs
no query either. Every request gets its own unpickled copy: nothing is shared in memory
between requests or processes.

The entries are invalidated by moving a version number (part of every key) when a site is
saved or deleted, or a page that is some site's root is saved, moved or deleted, once the
change has committed. A change that bypasses the model's signals (a queryset ``update()``
on pages) is seen within ``TIMEOUT``.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from core.cache import current_version, move_version_on_commit

VERSION_KEY = "core:sites:version"
#: Seconds an entry lives at most (bounds a change that sent no signal).
TIMEOUT = 300
#: Stands for "no site matches this host" in the cache, where None means "not cached".
NO_SITE = "none"


def _key(version: int, hostname: str, port) -> str:
    return f"core:sites:{version}:{hostname}:{port}"


def _version() -> int:
    return current_version(VERSION_KEY)


def site_for_request(request) -> Site | None:
    """What ``Site.find_for_request`` would return, read from the cache when it can be."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    version = _version()
    key = _key(version, hostname, port)
    cached = cache.get(key)
    if cached == NO_SITE:
        return None
    if cached is not None:
        return cached
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific  # read once, kept with the site
    cache.set(key, site if site is not None else NO_SITE, timeout=TIMEOUT)
    return site


def forget_sites() -> None:
    """Make every cached site stale (after the transaction that changed one commits)."""
    move_version_on_commit(VERSION_KEY)


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def _site_changed(sender, **kwargs):
    forget_sites()


def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and Site.objects.filter(root_page_id=instance.pk).exists():
        forget_sites()


def connect_signals() -> None:
    post_save.connect(_site_changed, sender=Site, dispatch_uid="core.sites.site_saved")
    post_delete.connect(_site_changed, sender=Site, dispatch_uid="core.sites.site_deleted")
    # Sent for every page class, so no sender: the handler asks whether it was a site's root.
    post_save.connect(_page_changed, dispatch_uid="core.sites.page_saved")
    post_delete.connect(_page_changed, dispatch_uid="core.sites.page_deleted")
    post_page_move.connect(_page_changed, dispatch_uid="core.sites.page_moved")
