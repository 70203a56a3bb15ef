"""
Read queries for officer pages. Each returns plain data for a template and runs a fixed
number of queries, however many modules, courses or officers there are (pinned in
``tests/courses/test_query_counts.py``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from . import completion
from .completion import CriterionResult
from .models import (
    CourseCataloguePage,
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    ModuleProgress,
)


class ModuleStatus:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CHANGED = "changed"

    LABELS = {
        NOT_STARTED: _("Not started"),
        IN_PROGRESS: _("In progress"),
        COMPLETED: _("Completed"),
        CHANGED: _("Changed since you completed it"),
    }


def live_modules_by_course(courses) -> dict[int, list[ModulePage]]:
    """
    Each course's live modules in page-tree order, in one query (bodies not loaded).
    ``courses`` are pages, or ids (which cost one more query to find their paths).
    """
    courses = list(courses)
    if not courses:
        return {}
    if isinstance(courses[0], Page):
        course_paths = {course.path: course.pk for course in courses}
    else:
        course_paths = dict(Page.objects.filter(pk__in=courses).values_list("path", "pk"))
    modules = (
        ModulePage.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=course_paths)
        .defer_streamfields()
        .order_by("path")
    )
    by_course: dict[int, list[ModulePage]] = defaultdict(list)
    for module in modules:
        by_course[course_paths[module.parent_path]].append(module)
    return by_course


@dataclass
class ModuleRow:
    module: ModulePage
    status: str
    progress: ModuleProgress | None = None

    @property
    def status_label(self):
        return ModuleStatus.LABELS[self.status]

    @property
    def is_done(self) -> bool:
        return self.status in {ModuleStatus.COMPLETED, ModuleStatus.CHANGED}


def _module_status(module: ModulePage, progress: ModuleProgress | None) -> str:
    if progress is None:
        return ModuleStatus.NOT_STARTED
    if progress.completed_at is None:
        return ModuleStatus.IN_PROGRESS
    # Changed when the words differ from what they read; records archived before reading
    # digests existed fall back to comparing revisions.
    read_digest = getattr(progress, "completed_reading_digest", None)
    if read_digest and module.reading_digest:
        changed = read_digest != module.reading_digest
    else:
        read_revision_id = getattr(progress, "completed_revision_id", None)
        changed = bool(read_revision_id and module.live_revision_id and read_revision_id != module.live_revision_id)
    return ModuleStatus.CHANGED if changed else ModuleStatus.COMPLETED


@dataclass
class CourseOverview:
    course: CoursePage
    modules: list[ModuleRow]
    enrolment: Enrolment | None = None
    completion: CourseCompletion | None = None
    criteria: dict[str, CriterionResult] = field(default_factory=dict)

    @property
    def total_minutes(self) -> int:
        return sum(row.module.estimated_minutes for row in self.modules)

    @property
    def minutes_left(self) -> int:
        return sum(row.module.estimated_minutes for row in self.modules if not row.is_done)

    @property
    def modules_done(self) -> int:
        return sum(1 for row in self.modules if row.is_done)

    @property
    def percent_done(self) -> int:
        return round(100 * self.modules_done / len(self.modules)) if self.modules else 0

    @property
    def next_module(self) -> ModulePage | None:
        for row in self.modules:
            if not row.is_done:
                return row.module
        return None

    @property
    def next_step(self) -> tuple[str, str] | None:
        """Where "Continue" goes: the next module to read, else the first unmet criterion (the assessment)."""
        if self.next_module:
            return self.next_module.url, self.next_module.title
        for result in self.other_criteria:
            if not result.met and result.url:
                return result.url, result.label
        return None

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None

    @property
    def is_complete(self) -> bool:
        return self.completion is not None

    @property
    def can_renew(self) -> bool:
        """Completed, and expired or within the course's renewal window: a new cycle may start."""
        if not self.completion or not self.completion.valid_until:
            return False
        days_left = (self.completion.valid_until - timezone.localdate()).days
        return days_left <= self.course.renewal_window_days

    @property
    def changed_modules(self) -> list[ModuleRow]:
        return [row for row in self.modules if row.status == ModuleStatus.CHANGED]

    @property
    def other_criteria(self) -> list[CriterionResult]:
        """Criteria beyond reading the modules (an assessment), for the task list."""
        return [result for key, result in self.criteria.items() if key != "modules" and result.applies]


def _overviews(user, courses: list[CoursePage]) -> dict[int, CourseOverview]:
    """Overviews for several courses at once: a fixed number of queries in all."""
    modules_by_course = live_modules_by_course(courses)
    enrolments: dict[int, Enrolment] = {}
    courses_by_id = {course.pk: course for course in courses}
    if user.is_authenticated and courses:
        for enrolment in (
            Enrolment.objects.filter(user=user, course__in=list(courses_by_id))
            .select_related("completion")
            .order_by("course_id", F("completed_at").desc(nulls_first=True), "-enrolled_at")
        ):
            enrolment.course = courses_by_id[enrolment.course_id]  # criteria read it without a query
            enrolments.setdefault(enrolment.course_id, enrolment)
    progress_by_key = {}
    if enrolments:
        progress_by_key = {
            (progress.enrolment_id, progress.module_id): progress
            for progress in ModuleProgress.objects.filter(
                enrolment__in=[enrolment.pk for enrolment in enrolments.values()]
            ).annotate(
                completed_revision_id=F("completed_version__source_revision_id"),
                completed_reading_digest=F("completed_version__reading_digest"),
            )
        }
    # "Every module read" is shown from the rows below; only the other criteria are evaluated.
    criteria = completion.evaluate(enrolments.values(), exclude={"modules"}) if enrolments else {}

    overviews = {}
    for course in courses:
        enrolment = enrolments.get(course.pk)
        rows = []
        for module in modules_by_course.get(course.pk, []):
            progress = progress_by_key.get((enrolment.pk, module.pk)) if enrolment else None
            rows.append(ModuleRow(module=module, status=_module_status(module, progress), progress=progress))
        overviews[course.pk] = CourseOverview(
            course=course,
            modules=rows,
            enrolment=enrolment,
            completion=getattr(enrolment, "completion", None) if enrolment else None,
            criteria=criteria.get(enrolment.pk, {}) if enrolment else {},
        )
    return overviews


def course_overview(*, course: CoursePage, user) -> CourseOverview:
    return _overviews(user, [course])[course.pk]


@dataclass
class ModuleOverview:
    module: ModulePage
    course: CourseOverview
    row: ModuleRow | None

    @property
    def position(self) -> int:
        return next((i for i, row in enumerate(self.course.modules, start=1) if row.module.pk == self.module.pk), 0)

    @property
    def previous_module(self) -> ModulePage | None:
        index = self.position - 1
        return self.course.modules[index - 1].module if index > 0 else None

    @property
    def next_module(self) -> ModulePage | None:
        index = self.position
        return self.course.modules[index].module if 0 < index < len(self.course.modules) else None

    @property
    def status(self) -> str:
        return self.row.status if self.row else ModuleStatus.NOT_STARTED


def module_overview(*, module: ModulePage, user) -> ModuleOverview:
    overview = course_overview(course=module.course, user=user)
    row = next((row for row in overview.modules if row.module.pk == module.pk), None)
    return ModuleOverview(module=module, course=overview, row=row)


@dataclass
class Learning:
    """Everything "My learning" shows."""

    in_progress: list[CourseOverview]
    completed: list[CourseOverview]
    not_started: list[CourseOverview]


def learning_for(user, *, catalogue: CourseCataloguePage | None = None) -> Learning:
    """
    The officer's courses: in progress (with progress and the next module), completed (with
    the date), and every other published course they could start.
    """
    courses = CoursePage.objects.live().order_by("title")
    if catalogue is not None:
        courses = courses.child_of(catalogue)
    courses = list(courses.filter(visible_to(user)))
    overviews = _overviews(user, courses)
    in_progress, completed, not_started = [], [], []
    for course in courses:
        overview = overviews[course.pk]
        if overview.enrolment is None:
            not_started.append(overview)
        elif overview.enrolment.status == EnrolmentStatus.COMPLETED:
            completed.append(overview)
        else:
            in_progress.append(overview)
    completed.sort(key=lambda o: o.enrolment.completed_at, reverse=True)
    return Learning(in_progress=in_progress, completed=completed, not_started=not_started)


def visible_to(user) -> Q:
    """
    A filter that hides pages under a privacy restriction the user does not pass (Wagtail's
    page privacy: signed-in users, groups, or a shared password). Restrictions are few, so
    they are checked in Python after one query; password-protected pages are never listed.
    """
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    hidden = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            admitted = user.is_authenticated
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            admitted = user.is_superuser or bool(group_ids & {group.pk for group in restriction.groups.all()})
        else:
            admitted = False
        if not admitted:
            hidden |= Q(path__startswith=restriction.page.path)
    return ~hidden if hidden else Q()
