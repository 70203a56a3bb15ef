"""
Permission-gated admin reports, declared once.

A report is a Wagtail ``ReportView`` (or another admin view) open to the holders of one
Django permission. ``ReportPermissionMixin`` makes the view's ``permission_required`` that
permission ("app_label.codename"), checked with ``user.has_perm`` by Wagtail's own
``PermissionCheckedMixin``. ``register_reports`` registers an app's reports in one call: their
URLs under one prefix and namespace (each ``ReportView`` with its ``results_only`` twin, as
``wagtail/admin/urls/reports.py`` does), and a reports-menu item for each, shown only to the
holders of the permission its view requires (``ReportMenuItem``), so the menu never offers a
page that would refuse.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView


class ReportPermissionMixin:
    """
    For a view built on Wagtail's ``PermissionCheckedMixin`` (every ``ReportView``): open to
    whoever holds ``permission_required``, a Django permission ("app_label.codename"), rather
    than asking a model's permission policy (a report is not one model's add, change or delete).
    """

    permission_required: str

    def user_has_permission(self, permission):
        return self.request.user.has_perm(permission)


class ReportMenuItem(MenuItem):
    """A reports-menu item shown only to the holders of ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@dataclass(frozen=True)
class Report:
    """
    One admin view of an app's reports: its URL name and route in the app's namespace, and,
    when it has a ``label``, its reports-menu item. A ``ReportView`` also gets its results URL
    (``<name>_results`` at ``<route>results/``), which its filters refresh.
    """

    name: str
    view: type
    route: str = ""
    label: str | None = None
    icon: str = "table"
    order: int = 0

    @property
    def menu_name(self) -> str:
        return self.name.replace("_", "-")

    @property
    def permission(self) -> str:
        return self.view.permission_required

    def urls(self) -> list[URLPattern]:
        urls = [path(self.route, self.view.as_view(), name=self.name)]
        if issubclass(self.view, ReportView):
            urls.append(
                path(f"{self.route}results/", self.view.as_view(results_only=True), name=f"{self.name}_results")
            )
        return urls


def report_urls(
    *, prefix: str, namespace: str, reports: Iterable[Report], urls: Sequence[URLPattern | URLResolver] = ()
) -> list[URLResolver]:
    """The URLs of ``reports`` (and ``urls``, the app's other views beside them) under ``prefix`` in ``namespace``."""
    patterns = [url for report in reports for url in report.urls()] + list(urls)
    return [path(prefix, include((patterns, namespace), namespace=namespace))]


def register_reports(
    *, prefix: str, namespace: str, reports: Sequence[Report], urls: Sequence[URLPattern | URLResolver] = ()
) -> None:
    """
    Register an app's admin reports (call it from the app's ``wagtail_hooks.py``): their URLs
    (see ``report_urls``) with the ``register_admin_urls`` hook, and, for each report with a
    label, a ``ReportMenuItem`` with ``register_reports_menu_item``, shown only to the holders
    of its view's ``permission_required``.
    """
    for report in reports:
        if not report.permission or "." not in report.permission:
            raise ValueError(f"{report.view.__name__}.permission_required must be a permission, 'app_label.codename'.")

    hooks.register(
        "register_admin_urls", lambda: report_urls(prefix=prefix, namespace=namespace, reports=reports, urls=urls)
    )
    for report in reports:
        if report.label is not None:
            hooks.register("register_reports_menu_item", _menu_item_hook(report, namespace))


def _menu_item_hook(report: Report, namespace: str):
    def menu_item():
        return ReportMenuItem(
            report.label,
            reverse(f"{namespace}:{report.name}"),
            name=report.menu_name,
            icon_name=report.icon,
            order=report.order,
            permission=report.permission,
        )

    return menu_item
