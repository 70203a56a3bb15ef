"""
Officer-facing views. Page routes (``CoursePage.enrol_route``, ``ModulePage.complete_route``)
call these; they check the request, call a service and redirect. No rules live here.
"""

import logging
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import services
from .models import CoursePage, ModulePage
from .selectors import course_overview, module_overview, visible_to_by_path

logger = logging.getLogger(__name__)


def _safe_next(request, fallback: str) -> str:
    """
    Where to go after a POST: ``next`` if it is a path on this site, else ``fallback``. The
    answer is used as a URL, never as a view name (``redirect("abc")`` would try to reverse it).
    """
    candidate = request.POST.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def enrol(request, *, course: CoursePage):
    """POST: enrol the signed-in officer, then take them to the first module (or back)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.enrol(user=request.user, course=course)
    messages.success(request, _("You are enrolled on “%(course)s”.") % {"course": course.title})
    first = ModulePage.objects.live().child_of(course).order_by("path").first()
    return HttpResponseRedirect(_safe_next(request, first.url if first else course.url))


def read_module(request, *, module: ModulePage):
    """
    Show a module. The first opening marks it started for an enrolled officer (never in a
    preview); every later one only reads.
    """
    overview = module_overview(module=module, user=request.user)
    if overview.needs_start and not getattr(request, "is_preview", False):
        services.start_module(user=request.user, module=module)
        overview = module_overview(module=module, user=request.user)
    return module.render(request, overview=overview)


def complete_module(request, *, module: ModulePage):
    """POST "I have read and understood this module": record it and move on."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        revision_id = int(request.POST.get("revision", ""))
    except ValueError:
        revision_id = None
    try:
        result = services.complete_module(user=request.user, module=module, revision_id=revision_id)
    except services.NotEnrolled:
        messages.error(request, _("Enrol on the course before marking its modules complete."))
        return redirect(module.url)
    course = module.course
    if result.newly_completed and result.course_completion:
        messages.success(request, _("You have completed “%(course)s”.") % {"course": course.title})
        return redirect(course.url)
    if result.newly_completed:
        messages.success(request, _("You have completed “%(module)s”.") % {"module": module.title})
    if result.next_module_known:
        next_module = result.next_module
    else:
        following = Page.objects.live().sibling_of(module, inclusive=False).type(ModulePage)
        next_module = following.filter(path__gt=module.path).order_by("path").first()
    if next_module:
        return redirect(next_module.url)
    # The last module: on to whatever else the course needs (its assessment), or back to the course.
    next_step = course_overview(course=course, user=request.user).next_step
    return redirect(next_step[0] if next_step else course.url)


#: Characters the search backends give a meaning to (SQLite FTS5 quotes and operators,
#: PostgreSQL's tsquery syntax) or cannot store (C0 controls): searched for as spaces.
SEARCH_SYNTAX = re.compile(r'[\x00-\x1f"*^():{}\[\]\\]')


def search_terms(raw: str) -> str:
    """What an officer typed, as plain words for Wagtail's search: at most 200 characters."""
    return " ".join(SEARCH_SYNTAX.sub(" ", raw[:200]).split())


@login_required
def search(request):
    """Wagtail search over the courses and modules this officer may see."""
    query = search_terms(request.GET.get("q", ""))
    results, failed = [], False
    if query:
        pages = Page.objects.live().type(CoursePage, ModulePage).filter(visible_to_by_path(request.user))
        try:
            # A savepoint: on PostgreSQL a failed statement would otherwise spoil the transaction.
            with transaction.atomic():
                results = list(pages.specific().search(query)[:50])
        except DatabaseError:
            logger.warning("Search failed for a query of %d characters", len(query), exc_info=True)
            failed = True
    return TemplateResponse(request, "courses/search.html", {"query": query, "results": results, "failed": failed})
