"""
Page mixins that keep serving a page to a fixed, small number of queries.

Wagtail routes a URL one level at a time: for ``/courses/hate-crime/module-2/`` it asks the
database for each child by slug and then for its specific row, two queries per level.
ORM query compilation dominates the cost of officer pages, so the site root resolves the
whole path in one query instead (``RouteInOneQueryMixin``), hands on each page in its
specific class without another query (``specific_deferred``), and the page's own fields are
read in one query the first time any of them is used (``LoadDeferredFieldsTogetherMixin``).
The privacy check that Wagtail runs before serving a page asks for the page's ancestors and
then for their restrictions; ``ViewRestrictionsInOneQueryMixin`` asks once.

Each keeps Wagtail's rules exactly: sub-page routes of a routable page win over its
children, a page that is not live is not found, a page whose class routes in its own way is
asked to route the rest of the path itself, and an alias page is protected by its source
page's restrictions. ``tests/courses/test_page_tree.py`` and ``tests/courses/test_views.py``
cover the routing; ``tests/courses/test_query_counts.py`` pins the counts.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

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
