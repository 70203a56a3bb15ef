"""
Keyset (cursor) pagination for the managers' list reports.

Wagtail's listings page with Django's ``Paginator``: a ``COUNT(*)`` over the whole scope on
every page, then ``OFFSET``, so the last page of a force-wide list reads every row before it.
Here a page is "the next N rows after this one in a stable order": the link to the next page
carries an opaque, signed cursor (``?after=``) holding the ordering values of the last row
shown, and the previous page one (``?before=``) holding the first row's. The first and the last
page cost one ``LIMIT`` query each, whatever the size of the scope, and nothing is counted.

The order is one class attribute, ``keyset_ordering``: field or annotation names (``"pk"``,
``"-name"``) or ``F(...).asc()/.desc()`` with an explicit ``nulls_first``/``nulls_last`` for a
column that can be empty. It must end with a unique column (``"pk"``), so that every row has
exactly one place.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import F, OrderBy, Q, QuerySet
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

#: The Last link's cursor: "before the end of the list".
END = "end"


class InvalidCursor(Exception):
    """A cursor that was not made by this report (edited, truncated or from another list)."""


@dataclass(frozen=True)
class KeysetColumn:
    name: str
    descending: bool = False
    #: Where empty values sort: True after the others, False before, None for a column never empty.
    nulls_last: bool | None = None

    @classmethod
    def parse(cls, item) -> KeysetColumn:
        if isinstance(item, str):
            return cls(item.removeprefix("-"), descending=item.startswith("-"))
        if isinstance(item, OrderBy) and isinstance(item.expression, F):
            nulls_last = True if item.nulls_last else (False if item.nulls_first else None)
            return cls(item.expression.name, descending=item.descending, nulls_last=nulls_last)
        raise TypeError(f"keyset_ordering takes names or F(...).asc()/.desc(), not {item!r}")

    def reversed(self) -> KeysetColumn:
        nulls_last = None if self.nulls_last is None else not self.nulls_last
        return KeysetColumn(self.name, not self.descending, nulls_last)

    def order_by(self) -> OrderBy:
        kwargs = {}
        if self.nulls_last is True:
            kwargs["nulls_last"] = True
        elif self.nulls_last is False:
            kwargs["nulls_first"] = True
        return F(self.name).desc(**kwargs) if self.descending else F(self.name).asc(**kwargs)

    def after(self, value) -> Q | None:
        """Rows strictly after ``value`` in this column's order (None: no row can be)."""
        if value is None:
            if self.nulls_last is None:
                raise InvalidCursor(f"{self.name} cannot be empty")
            return None if self.nulls_last else Q(**{f"{self.name}__isnull": False})
        condition = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        if self.nulls_last:
            condition |= Q(**{f"{self.name}__isnull": True})
        return condition

    def equal(self, value) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def bound(self, value) -> Q | None:
        """A range the index can seek to (``>= value``), implied by ``after`` on a non-empty column."""
        if value is None or self.nulls_last:
            return None
        return Q(**{f"{self.name}__{'lte' if self.descending else 'gte'}": value})


def rows_after(columns: list[KeysetColumn], values: list) -> Q:
    """
    ``(c1, c2, …) > (v1, v2, …)`` in the columns' own directions and null placement, written as
    ``c1 >= v1 AND (c1 > v1 OR (c1 = v1 AND (c2 > v2 OR …)))`` so the leading column bounds an
    index scan.
    """
    condition = None
    for column, value in reversed(list(zip(columns, values, strict=True))):
        after = column.after(value)
        if condition is not None:
            tie = column.equal(value) & condition
            after = tie if after is None else after | tie
        condition = after
    if condition is None:
        return Q(pk__in=[])
    bound = columns[0].bound(values[0])
    return condition if bound is None else bound & condition


@dataclass
class KeysetPage:
    """One page of rows, with the cursors of the pages either side (None where there is none)."""

    object_list: list
    has_previous: bool
    has_next: bool
    previous_cursor: str | None
    next_cursor: str | None

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


class KeysetPaginator:
    """Pages a queryset in ``ordering``; cursors are signed so an edited one is refused."""

    salt = "compliance.keyset"

    def __init__(self, queryset: QuerySet, ordering, per_page: int):
        self.queryset = queryset
        self.columns = [KeysetColumn.parse(item) for item in ordering]
        self.per_page = per_page
        self.names = [column.name for column in self.columns]

    def encode(self, row) -> str:
        values = [_to_json(getattr(row, name)) for name in self.names]
        return signing.Signer(salt=self.salt).sign_object({"o": self.names, "v": values})

    def decode(self, token: str) -> list:
        if token == END:
            return None
        try:
            payload = signing.Signer(salt=self.salt).unsign_object(token)
            if not isinstance(payload, dict) or payload.get("o") != self.names:
                raise InvalidCursor("the cursor belongs to another list")
            raw = payload["v"]
            if not isinstance(raw, list) or len(raw) != len(self.names):
                raise InvalidCursor("the cursor has the wrong shape")
            return [
                None if value is None else self.output_field(name).to_python(value)
                for name, value in zip(self.names, raw, strict=True)
            ]
        except (signing.BadSignature, ValidationError, KeyError, TypeError, ValueError) as error:
            raise InvalidCursor(str(error)) from error

    def output_field(self, name: str):
        annotation = self.queryset.query.annotations.get(name)
        if annotation is not None:
            return annotation.output_field
        if name == "pk":
            return self.queryset.model._meta.pk
        return self.queryset.model._meta.get_field(name)

    def page(self, *, after: str | None = None, before: str | None = None) -> KeysetPage:
        if after and before:
            raise InvalidCursor("give after or before, not both")
        if before:
            return self._backwards(self.decode(before))
        values = self.decode(after) if after else None
        if after == END:
            raise InvalidCursor("nothing comes after the end")
        return self._forwards(values)

    def _fetch(self, columns, values) -> list:
        queryset = self.queryset
        if values is not None:
            queryset = queryset.filter(rows_after(columns, values))
        return list(queryset.order_by(*(column.order_by() for column in columns))[: self.per_page + 1])

    def _forwards(self, values) -> KeysetPage:
        rows = self._fetch(self.columns, values)
        has_next = len(rows) > self.per_page
        rows = rows[: self.per_page]
        has_previous = values is not None and bool(rows)
        return KeysetPage(
            rows,
            has_previous=has_previous,
            has_next=has_next,
            previous_cursor=self.encode(rows[0]) if has_previous else None,
            next_cursor=self.encode(rows[-1]) if has_next else None,
        )

    def _backwards(self, values) -> KeysetPage:
        rows = self._fetch([column.reversed() for column in self.columns], values)
        has_previous = len(rows) > self.per_page
        rows = rows[: self.per_page][::-1]
        has_next = values is not None and bool(rows)
        return KeysetPage(
            rows,
            has_previous=has_previous,
            has_next=has_next,
            previous_cursor=self.encode(rows[0]) if has_previous else None,
            next_cursor=self.encode(rows[-1]) if has_next else None,
        )


def _to_json(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


class KeysetPaginationMixin:
    """
    For a Wagtail ``ReportView`` (or any ``BaseListingView``): replaces the counting paginator
    with ``KeysetPaginator`` and the page-number links with First / Previous / Next / Last.
    Filters, columns and the ``results_only`` view for the filter form work as before.
    """

    keyset_ordering = ("pk",)
    after_kwarg = "after"
    before_kwarg = "before"
    results_template_name = "compliance/admin/keyset_results.html"
    bad_cursor_template_name = "compliance/admin/bad_cursor.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except InvalidCursor:
            return TemplateResponse(
                request,
                self.bad_cursor_template_name,
                {
                    "page_title": self.get_page_title(),
                    "first_url": self.keyset_url(),
                    "message": _("This page link is not valid: it may have been cut short or edited."),
                },
                status=400,
            )

    def paginate_queryset(self, queryset, page_size):
        paginator = KeysetPaginator(queryset, self.keyset_ordering, page_size)
        self.keyset_page = paginator.page(
            after=self.request.GET.get(self.after_kwarg), before=self.request.GET.get(self.before_kwarg)
        )
        # No Django paginator and no page object: Wagtail then counts only this page's rows.
        return (None, None, self.keyset_page.object_list, self.keyset_page.has_other_pages)

    @cached_property
    def active_filters(self):
        """Wagtail's "remove this filter" links, without the cursor: a wider list starts again."""
        full = self.request.GET
        self.request.GET = full.copy()
        for key in (self.after_kwarg, self.before_kwarg):
            self.request.GET.pop(key, None)
        try:
            return super().active_filters
        finally:
            self.request.GET = full

    def keyset_url(self, **cursor) -> str:
        params = QueryDict(mutable=True)
        for key, values in self.request.GET.lists():
            if key not in (self.after_kwarg, self.before_kwarg, self.page_kwarg, "_w_filter_fragment"):
                params.setlist(key, values)
        params.update({key: value for key, value in cursor.items() if value})
        query = params.urlencode()
        return f"{self.index_url}?{query}" if query else self.index_url

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        page = getattr(self, "keyset_page", None)
        if page is not None:
            context["keyset"] = {
                "page": page,
                "first_url": self.keyset_url() if page.has_previous else None,
                "previous_url": self.keyset_url(**{self.before_kwarg: page.previous_cursor})
                if page.has_previous
                else None,
                "next_url": self.keyset_url(**{self.after_kwarg: page.next_cursor}) if page.has_next else None,
                "last_url": self.keyset_url(**{self.before_kwarg: END}) if page.has_next else None,
            }
        return context
