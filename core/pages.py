"""
Page mixins that keep serving a page to a fixed, small number of queries.

Wagtail routes a URL one level at a time: for ``/courses/hate-crime/module-2/`` it asks the
database for each child by slug and then for its specific row, two queries per level.
ORM query compilation dominates the cost of officer pages, so the site root resolves the
whole path in one query instead (``RouteInOneQueryMixin``), hands on each page in its
specific class without another query (``specific_deferred``), and the page's own fields are
read in one query the first time any of them is used (``LoadDeferredFieldsTogetherMixin``).
The privacy check that Wagtail runs before serving a page asks for the page's ancestors and
then for their restrictions; ``ViewRestrictionsInOneQueryMixin`` asks once, and not at all
when the shared cache says that no page on the page's branch carries a restriction
(``restricted_paths``).

Each keeps Wagtail's rules exactly: sub-page routes of a routable page win over its
children, a page that is not live is not found, a page whose class routes in its own way is
asked to route the rest of the path itself, and an alias page is protected by its source
page's restrictions. ``tests/courses/test_page_tree.py`` and ``tests/courses/test_views.py``
cover the routing; ``tests/courses/test_query_counts.py`` pins the counts.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from core.cache import current_version, move_version_on_commit

from .page_editing import PlatformPagePanelsMixin


class LoadDeferredFieldsTogetherMixin:
    """
    A page handed on by the router carries only the columns of Wagtail's page table; the
    first read of one of its own fields loads all of them in one query, not one per field.
    """

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        deferred = self.get_deferred_fields() if fields is not None else set()
        if not deferred or not set(fields) <= deferred:
            return super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        # Reading a field not loaded yet: nothing about the page's place in the tree changed,
        # so keep the parent the router left (treebeard forgets it on every refresh).
        parent = self.__dict__.get("_cached_parent_obj")
        super().refresh_from_db(using=using, fields=deferred, from_queryset=from_queryset)
        if parent is not None:
            self._cached_parent_obj = parent
        return None


class ViewRestrictionsInOneQueryMixin:
    """
    Wagtail's ``get_view_restrictions`` in one query: the restrictions on this page and its
    ancestors (found by path, with no query for the ancestors), where an alias is protected by
    its source page's restrictions, as Wagtail does.
    """

    def get_view_restrictions(self):
        if not any(self.path.startswith(restricted) for restricted in restricted_paths()):
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        in_chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page_id__in=in_chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page_id__in=in_chain.filter(alias_of__isnull=False).values("alias_of_id"))
        )


def _routes_like_wagtail(page) -> str:
    """How a page's class routes: "page" (Wagtail's default), "routable" or "own"."""
    route = type(page).route
    if route is Page.route:
        return "page"
    if route is RoutablePageMixin.route:
        return "routable"
    return "own"


class RouteInOneQueryMixin:
    """
    For the site root: resolve every level of the URL below it in one query.

    The query fetches each page whose slug is one of the URL's components, at a depth where
    it could be one, below this page; the walk down then matches each component to a child
    in memory. A page whose class routes in its own way gets the rest of the path to route.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=set(path_components),
        )
        steplen = self.steplen
        children = {(page.path[:-steplen], page.slug): page for page in candidates}
        page, remaining = self, list(path_components)
        while remaining:
            how = _routes_like_wagtail(page) if page is not self else "page"
            if how == "own":
                return page.route(request, remaining)
            if how == "routable" and page.live:
                try:
                    page.resolve_subpage("/" + "/".join(remaining) + "/")
                except Http404:
                    pass
                else:
                    return page.route(request, remaining)
            child = children.get((page.path, remaining[0]))
            if child is None:
                raise Http404
            # As Wagtail's Page.route does: get_parent() then needs no query.
            child._cached_parent_obj = page
            page, remaining = child.specific_deferred, remaining[1:]
        return page.route(request, remaining)


class LeanPageMixin(ViewRestrictionsInOneQueryMixin, LoadDeferredFieldsTogetherMixin, PlatformPagePanelsMixin):
    """
    Both of the above, for every page class of the platform (put it before ``Page``), with the
    page editor's help texts in the platform's words (``core.page_editing``).
    """


# Which pages carry a privacy restriction, from the shared cache. Forces restrict few pages or
# none, yet Wagtail's check runs before every page is served: its query was about 0.5 ms of a
# question page's 7.4 ms of CPU (in-process, docs/performance.md). The entry holds the paths of the
# restricted pages and of the aliases of restricted pages (an alias is protected by its
# source's restrictions): a page none of them is a prefix of has no restriction on itself or
# an ancestor, and needs no query. Any other page is checked by the query above, exactly as
# before, so which groups or password a restriction asks for is never read from the cache.
#
# The entry carries the version number it was read under, and both are fetched in one round
# trip. The number moves once a restriction is added, changed or removed, an alias is saved,
# or a page moves (its path changes), has committed: an entry read before the commit is then
# out of date and read again. A change that sends no signal (a queryset ``update()`` of paths)
# is seen within ``RESTRICTED_TIMEOUT``.

RESTRICTED_KEY = "core:pages:restricted"
RESTRICTED_VERSION_KEY = "core:pages:restricted:version"
RESTRICTED_TIMEOUT = 300


def restricted_paths() -> tuple[str, ...]:
    """The paths of every restricted page and of every alias of one."""
    found = cache.get_many([RESTRICTED_VERSION_KEY, RESTRICTED_KEY])
    version = current_version(RESTRICTED_VERSION_KEY, found.get(RESTRICTED_VERSION_KEY))
    entry = found.get(RESTRICTED_KEY)
    if entry is not None and entry[0] == version:
        return entry[1]
    restricted = PageViewRestriction.objects.values("page_id")
    paths = tuple(
        Page.objects.filter(Q(pk__in=restricted) | Q(alias_of_id__in=restricted))
        .order_by("path")
        .values_list("path", flat=True)
    )
    cache.set(RESTRICTED_KEY, (version, paths), timeout=RESTRICTED_TIMEOUT)
    return paths


def forget_restricted_paths() -> None:
    """Make the cached entry stale once the current transaction commits."""
    move_version_on_commit(RESTRICTED_VERSION_KEY)


def _restriction_changed(sender, **kwargs):
    forget_restricted_paths()


def _page_saved(sender, instance, **kwargs):
    # Saving an ordinary page moves no path and protects nothing new; an alias may be new.
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        forget_restricted_paths()


def _page_moved(sender, **kwargs):
    forget_restricted_paths()


def connect_signals() -> None:
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="core.pages.restriction_saved")
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="core.pages.restriction_deleted"
    )
    # Sent for every page class, so no sender.
    post_save.connect(_page_saved, dispatch_uid="core.pages.page_saved")
    post_page_move.connect(_page_moved, dispatch_uid="core.pages.page_moved")
