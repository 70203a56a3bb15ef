"""
``core.reports``: one way to declare a permission-gated admin report. The URL pair of a
``ReportView`` (index and ``results_only``), a reports-menu item shown only to the holders of
the view's permission, and the view's own check of that permission; then the apps' reports as
the helper registered them, menu item by menu item, for every role.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.views.generic import TemplateView
from wagtail.admin.menu import reports_menu
from wagtail.admin.views.reports import ReportView

from core.reports import Report, ReportMenuItem, ReportPermissionMixin, register_reports, report_urls

PERMISSION = "compliance.view_compliance_reports"


class SampleReport(ReportPermissionMixin, ReportView):
    permission_required = PERMISSION

    def get_queryset(self):
        return []


class SamplePage(ReportPermissionMixin, TemplateView):
    permission_required = PERMISSION


urlpatterns = report_urls(
    prefix="sample-reports/",
    namespace="sample_reports",
    reports=[
        Report("sample", SampleReport, label="Sample"),
        Report("page", SamplePage, "page/"),
    ],
)


@pytest.mark.urls(__name__)
def test_a_report_view_gets_its_index_and_results_urls_and_another_view_only_its_own():
    assert reverse("sample_reports:sample") == "/sample-reports/"
    assert reverse("sample_reports:sample_results") == "/sample-reports/results/"
    assert reverse("sample_reports:page") == "/sample-reports/page/"
    assert resolve("/sample-reports/").func.view_class is SampleReport
    assert resolve("/sample-reports/").func.view_initkwargs == {}
    assert resolve("/sample-reports/results/").func.view_initkwargs == {"results_only": True}
    assert [pattern.name for pattern in Report("page", SamplePage, "page/").urls()] == ["page"]


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.django_db
def test_the_menu_item_is_hidden_from_whoever_lacks_the_permission(people):
    item = ReportMenuItem("Sample", "/sample-reports/", name="sample", permission=PERMISSION)
    assert not item.is_shown(request_as(people["officer"]))
    assert not item.is_shown(request_as(people["trainer"]))
    assert item.is_shown(request_as(people["manager_of_unit"]))
    assert item.is_shown(request_as(people["administrator"]))


@pytest.mark.django_db
def test_the_view_refuses_whoever_lacks_the_permission_as_the_menu_hides_it(people):
    for role, allowed in [("officer", False), ("trainer", False), ("manager_of_unit", True), ("administrator", True)]:
        view = SampleReport()
        view.setup(request_as(people[role]))
        assert view.user_has_permission(view.permission_required) is allowed
        if not allowed:
            with pytest.raises(PermissionDenied):
                view.dispatch(view.request)


def test_a_report_needs_a_whole_permission_name_before_anything_is_registered():
    class Unnamed(ReportPermissionMixin, ReportView):
        permission_required = "view_compliance_reports"  # no app label: has_perm would always say no

    with pytest.raises(ValueError, match="app_label.codename"):
        register_reports(prefix="x/", namespace="x", reports=[Report("unnamed", Unnamed, label="Unnamed")])


#: The apps' reports-menu items (``register_reports`` in each app's ``wagtail_hooks.py``) and the permission of each.
APP_REPORTS = {
    "summary": "compliance.view_compliance_reports",
    "overdue": "compliance.view_compliance_reports",
    "expiring": "compliance.view_compliance_reports",
    "officers": "compliance.view_compliance_reports",
    "charts": "compliance.view_compliance_reports",
    "exports": "compliance.view_compliance_reports",
    "content-review": "courses.view_content_review_report",
    "item-analysis": "quizzes.view_item_analysis",
    "satisfaction": "feedback.view_feedback_reports",
    "comments": "feedback.view_feedback_reports",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["officer", "other_officer", "trainer", "manager_of_other_unit", "manager_of_unit", "administrator"]
)
def test_each_app_report_is_in_the_menu_of_exactly_the_roles_its_view_lets_in(people, role):
    user = people[role]
    request = request_as(user)
    shown = {item.name for item in reports_menu.menu_items_for_request(request)} & APP_REPORTS.keys()
    assert shown == {name for name, permission in APP_REPORTS.items() if user.has_perm(permission)}
    items = {item.name: item for item in reports_menu.registered_menu_items if item.name in APP_REPORTS}
    assert {name: item.permission for name, item in items.items()} == APP_REPORTS
    for item in items.values():
        match = resolve(item.url)
        view = match.func.view_class()
        view.setup(request, **match.kwargs)
        assert view.user_has_permission(view.permission_required) == (item.name in shown)


@pytest.mark.django_db
def test_managers_see_the_compliance_reports_and_trainers_the_content_ones(people):
    def shown(role):
        return {
            item.name for item in reports_menu.menu_items_for_request(request_as(people[role]))
        } & APP_REPORTS.keys()

    compliance = {"summary", "overdue", "expiring", "officers", "charts", "exports"}
    assert shown("officer") == set()
    feedback = {"satisfaction", "comments"}
    assert shown("manager_of_unit") == compliance | feedback
    assert shown("trainer") == {"content-review", "item-analysis"} | feedback
    assert shown("administrator") == set(APP_REPORTS)
