"""
Read queries for officer pages. Each returns plain data for a template and runs a fixed
number of queries, however many modules, courses or officers there are (pinned in
``tests/courses/test_query_counts.py``).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import BooleanField, CharField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
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


class ModuleStatus(models.TextChoices):
    """Where an officer is with one module, as the course and module pages show it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CHANGED = "changed", _("Changed since you completed it")

    @property
    def tag_colour(self) -> str:
        """The GOV.UK tag colour; empty for "Completed", which the task list shows as plain text."""
        return MODULE_STATUS_TAG_COLOURS[self]


#: The label always says the status too: colour is never the only sign of it.
MODULE_STATUS_TAG_COLOURS = {
    ModuleStatus.NOT_STARTED: "blue",
    ModuleStatus.IN_PROGRESS: "light-blue",
    ModuleStatus.COMPLETED: "",
    ModuleStatus.CHANGED: "yellow",
}


def _parent_paths(courses) -> dict[str, int]:
    courses = list(courses)
    if not courses:
        return {}
    if isinstance(courses[0], Page):
        return {course.path: course.pk for course in courses}
    return dict(Page.objects.filter(pk__in=courses).values_list("path", "pk"))


def live_children_by_course(courses) -> dict[int, list[Page]]:
    """
    Each course's live child pages in page-tree order, in one query: modules as
    ``ModulePage`` (with their reading time and digest, bodies not loaded), any other page
    type (an assessment) as a plain ``Page``. Completion criteria read the others from here
    rather than asking again. ``courses`` are pages, or ids (one more query for their paths).
    """
    course_paths = _parent_paths(courses)
    if not course_paths:
        return {}
    module_type = ContentType.objects.get_for_model(ModulePage)
    children = (
        Page.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=course_paths)
        .annotate(
            estimated_minutes=F("modulepage__estimated_minutes"),
            reading_digest=F("modulepage__reading_digest"),
            edition_digest=F("modulepage__edition_digest"),
        )
        .order_by("path")
    )
    by_course: dict[int, list[Page]] = defaultdict(list)
    for child in children:
        if child.content_type_id == module_type.pk:
            # The annotations become the module's own fields: no query when they are read.
            child = child.specific_deferred
        by_course[course_paths[child.parent_path]].append(child)
    return by_course


def modules_in(children: list[Page]) -> list[ModulePage]:
    return [child for child in children if isinstance(child, ModulePage)]


def live_modules_by_course(courses) -> dict[int, list[ModulePage]]:
    """Each course's live modules in page-tree order, in one query (bodies not loaded)."""
    return {course_id: modules_in(children) for course_id, children in live_children_by_course(courses).items()}


def renewal_open(enrolment: Enrolment, *, course: CoursePage, today) -> bool:
    """Whether a completed enrolment may be renewed now: it has expired, or expires within the window."""
    record = getattr(enrolment, "completion", None)
    if record is None or record.valid_until is None:
        return False
    return (record.valid_until - today).days <= course.renewal_window_days


class ModulesCompletedCriterion:
    """
    The built-in completion criterion (registered by ``CoursesConfig.ready()``): every live
    module of the course has been completed in this enrolment. Two queries however many
    enrolments: the courses' live modules (none when the caller passes them) and the progress.
    """

    key = "modules"

    def evaluate_many(self, enrolments: list[Enrolment], children_by_course=None) -> dict[int, CriterionResult]:
        if children_by_course is not None:
            modules_by_course = {course_id: modules_in(children) for course_id, children in children_by_course.items()}
        else:
            modules_by_course = live_modules_by_course([e.course_id for e in enrolments if e.course_id])
        completed = set(
            ModuleProgress.objects.filter(
                enrolment__in=[e.pk for e in enrolments], completed_at__isnull=False
            ).values_list("enrolment_id", "module_id")
        )
        results = {}
        for enrolment in enrolments:
            module_ids = [module.pk for module in modules_by_course.get(enrolment.course_id, [])]
            done = [pk for pk in module_ids if (enrolment.pk, pk) in completed]
            results[enrolment.pk] = CriterionResult(
                applies=bool(module_ids),
                met=len(done) == len(module_ids),
                label=str(_("Read and understand every module")),
                evidence={"modules_completed": len(done), "modules_required": len(module_ids)},
            )
        return results


@dataclass
class ModuleRow:
    module: ModulePage
    status: ModuleStatus
    progress: ModuleProgress | None = None

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def tag_colour(self) -> str:
        return self.status.tag_colour

    @property
    def is_changed(self) -> bool:
        return self.status == ModuleStatus.CHANGED

    @property
    def is_done(self) -> bool:
        return self.status in {ModuleStatus.COMPLETED, ModuleStatus.CHANGED}


def _module_status(module: ModulePage, progress: ModuleProgress | None) -> ModuleStatus:
    if progress is None:
        return ModuleStatus.NOT_STARTED
    if progress.completed_at is None:
        return ModuleStatus.IN_PROGRESS
    # Changed when the version they read belongs to an earlier edition than the live one: a
    # change the editor marked "needs re-reading" (``ModulePage.save_revision``), never a minor
    # one. Records archived before digests existed fall back to comparing revisions.
    read_edition = getattr(progress, "completed_edition_digest", None)
    if read_edition and module.edition_digest:
        changed = read_edition != module.edition_digest
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
    #: Lines of criteria that stand for pages (SCORM modules) when not enrolled (``completion.outline``).
    outline: dict[str, tuple] = field(default_factory=dict)

    @property
    def criterion_lines(self) -> list:
        """The task-list lines other criteria add (a SCORM module each), enrolled or not."""
        lines = [line for result in self.other_criteria for line in result.lines]
        if not self.criteria:
            lines += [line for found in self.outline.values() for line in found]
        return lines

    @property
    def total_minutes(self) -> int:
        return sum(row.module.estimated_minutes for row in self.modules) + sum(
            line.minutes for line in self.criterion_lines
        )

    @property
    def minutes_left(self) -> int:
        return sum(row.module.estimated_minutes for row in self.modules if not row.is_done) + sum(
            line.minutes for line in self.criterion_lines if not line.done
        )

    @property
    def module_count(self) -> int:
        """The course's modules: its own pages and the lines other criteria add (SCORM modules)."""
        return len(self.modules) + len(self.criterion_lines)

    @property
    def modules_done(self) -> int:
        return sum(1 for row in self.modules if row.is_done) + sum(1 for line in self.criterion_lines if line.done)

    @property
    def percent_done(self) -> int:
        return round(100 * self.modules_done / self.module_count) if self.module_count else 0

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
        return self.enrolment is not None and renewal_open(
            self.enrolment, course=self.course, today=timezone.localdate()
        )

    @property
    def changed_modules(self) -> list[ModuleRow]:
        return [row for row in self.modules if row.status == ModuleStatus.CHANGED]

    @property
    def other_criteria(self) -> list[CriterionResult]:
        """Criteria beyond reading the modules (an assessment), for the task list."""
        return [result for key, result in self.criteria.items() if key != "modules" and result.applies]


def _attnames(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


_ENROLMENT_FIELDS = _attnames(Enrolment)
_COMPLETION_FIELDS = ["id", "enrolment_id", "completed_at", "valid_until"]
_PROGRESS_FIELDS = ["id", "enrolment_id", "user_id", "module_id", "started_at", "completed_at", "completed_version_id"]


def current_enrolments_with_progress(user, courses) -> dict[int, Enrolment]:
    """
    Each course's current enrolment (the open one, else the latest completed), with its
    completion record and its progress through each module (``enrolment.progress_by_module``),
    in one query however many courses, modules or earlier cycles there are.
    """
    courses_by_id = {course.pk: course for course in courses}
    if not user.is_authenticated or not courses_by_id:
        return {}
    rows = (
        Enrolment.objects.filter(user=user, course_id__in=list(courses_by_id))
        .order_by("course_id", F("completed_at").desc(nulls_first=True), "-enrolled_at", "pk")
        .values_list(
            *_ENROLMENT_FIELDS,
            "completion__id",
            "completion__completed_at",
            "completion__valid_until",
            "module_progress__id",
            "module_progress__module_id",
            "module_progress__started_at",
            "module_progress__completed_at",
            "module_progress__completed_version_id",
            "module_progress__completed_version__source_revision_id",
            "module_progress__completed_version__edition_digest",
        )
    )
    db = Enrolment.objects.db
    width = len(_ENROLMENT_FIELDS)
    current: dict[int, Enrolment] = {}
    for row in rows:
        enrolment_values, rest = row[:width], row[width:]
        enrolment_id, course_id = enrolment_values[0], enrolment_values[_ENROLMENT_FIELDS.index("course_id")]
        enrolment = current.get(course_id)
        if enrolment is None:
            enrolment = Enrolment.from_db(db, _ENROLMENT_FIELDS, enrolment_values)
            enrolment.course = courses_by_id[course_id]  # criteria read it without a query
            record = None
            if rest[0] is not None:
                record = CourseCompletion.from_db(db, _COMPLETION_FIELDS, (rest[0], enrolment_id, rest[1], rest[2]))
            Enrolment.completion.related.set_cached_value(enrolment, record)
            enrolment.progress_by_module = {}
            current[course_id] = enrolment
        elif enrolment.pk != enrolment_id:
            continue  # an earlier cycle of this course
        if rest[3] is not None:
            progress = ModuleProgress.from_db(
                db, _PROGRESS_FIELDS, (rest[3], enrolment_id, enrolment.user_id, rest[4], rest[5], rest[6], rest[7])
            )
            progress.completed_revision_id, progress.completed_edition_digest = rest[8], rest[9]
            enrolment.progress_by_module[progress.module_id] = progress
    return current


def _overviews(user, courses: list[CoursePage]) -> dict[int, CourseOverview]:
    """Overviews for several courses at once: a fixed number of queries in all."""
    children_by_course = live_children_by_course(courses)
    enrolments = current_enrolments_with_progress(user, courses)
    # "Every module read" is shown from the rows below; only the other criteria are evaluated,
    # from the pages already loaded.
    criteria = (
        completion.evaluate(enrolments.values(), exclude={"modules"}, children_by_course=children_by_course)
        if enrolments
        else {}
    )
    not_enrolled = {
        course_id: children for course_id, children in children_by_course.items() if course_id not in enrolments
    }
    outlines = completion.outline(not_enrolled) if not_enrolled else {}

    overviews = {}
    for course in courses:
        enrolment = enrolments.get(course.pk)
        progress_by_module = enrolment.progress_by_module if enrolment else {}
        rows = []
        for module in modules_in(children_by_course.get(course.pk, [])):
            progress = progress_by_module.get(module.pk)
            rows.append(ModuleRow(module=module, status=_module_status(module, progress), progress=progress))
        overviews[course.pk] = CourseOverview(
            course=course,
            modules=rows,
            enrolment=enrolment,
            completion=getattr(enrolment, "completion", None) if enrolment else None,
            criteria=criteria.get(enrolment.pk, {}) if enrolment else {},
            outline=outlines.get(course.pk, {}),
        )
    return overviews


def course_overview(*, course: CoursePage, user) -> CourseOverview:
    return _overviews(user, [course])[course.pk]


@dataclass
class ModuleOverview:
    """
    What a module page shows around the reading: where it sits in the course, the links to
    the modules either side, and this officer's enrolment and progress. Nothing else of the
    course (no other completion criteria) is computed.
    """

    module: ModulePage
    course: CoursePage
    modules: list[ModulePage]
    enrolment: Enrolment | None
    row: ModuleRow

    @property
    def total(self) -> int:
        return len(self.modules)

    @property
    def position(self) -> int:
        return next((i for i, module in enumerate(self.modules, start=1) if module.pk == self.module.pk), 0)

    @property
    def previous_module(self) -> ModulePage | None:
        index = self.position - 1
        return self.modules[index - 1] if index > 0 else None

    @property
    def next_module(self) -> ModulePage | None:
        index = self.position
        return self.modules[index] if 0 < index < len(self.modules) else None

    @property
    def status(self) -> ModuleStatus:
        return self.row.status

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None

    @property
    def is_complete(self) -> bool:
        return self.enrolment is not None and self.enrolment.status == EnrolmentStatus.COMPLETED

    @property
    def needs_start(self) -> bool:
        """Enrolled on a course not yet completed, and this module has never been opened."""
        return self.is_enrolled and not self.is_complete and self.row.progress is None


def module_overview(*, module: ModulePage, user) -> ModuleOverview:
    """Two queries: the course's live modules, and the officer's enrolment with its progress."""
    course = module.course
    modules = modules_in(live_children_by_course([course]).get(course.pk, []))
    enrolment = current_enrolments_with_progress(user, [course]).get(course.pk)
    progress = enrolment.progress_by_module.get(module.pk) if enrolment else None
    row = ModuleRow(module=module, status=_module_status(module, progress), progress=progress)
    return ModuleOverview(module=module, course=course, modules=modules, enrolment=enrolment, row=row)


@dataclass
class Learning:
    """Everything "My learning" shows."""

    in_progress: list[CourseOverview]
    completed: list[CourseOverview]
    not_started: list[CourseOverview]


def learning_for(user, *, catalogue: CourseCataloguePage | None = None, required_course_ids=frozenset()) -> Learning:
    """
    The officer's courses: in progress (with progress and the next module), completed (with
    the date), and every other published course they could start. A completed course in
    ``required_course_ids`` is left out of "Completed": the required training list above it
    shows it already, with its status and expiry.
    """
    courses = CoursePage.objects.live().defer("learning_outcomes").order_by("title")
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
            if course.pk not in required_course_ids:
                completed.append(overview)
        else:
            in_progress.append(overview)
    completed.sort(key=lambda o: o.enrolment.completed_at, reverse=True)
    return Learning(in_progress=in_progress, completed=completed, not_started=not_started)


def visible_to(user) -> Q:
    """
    A filter that hides pages under a privacy restriction the user does not pass (Wagtail's
    page privacy: signed-in users, groups, or a shared password), in the same query as the
    pages: a restriction hides a page when it sits on the page or an ancestor (the page's
    path starts with the restricted page's) and the user does not pass it. Password-protected
    pages are never listed.
    """
    restrictions = PageViewRestriction.objects.annotate(
        listed_prefix=Substr(OuterRef("path"), 1, Length("page__path"), output_field=CharField())
    ).filter(listed_prefix=F("page__path"))
    if user.is_authenticated:
        not_passed = Q(restriction_type=PageViewRestriction.PASSWORD)
        if not user.is_superuser:
            in_group = PageViewRestriction.groups.through.objects.filter(
                pageviewrestriction_id=OuterRef("pk"), group__user=user
            )
            not_passed |= Q(restriction_type=PageViewRestriction.GROUPS) & ~Q(Exists(in_group))
        restrictions = restrictions.filter(not_passed)
    return ~Q(Exists(restrictions))


def visible_to_by_path(user) -> Q:
    """
    The same filter as ``visible_to`` as plain path lookups, for Wagtail search (whose
    backends accept only field lookups): restrictions are few, so they are read in one query
    (with whether the user is in one of each one's groups) and checked here.
    """
    restrictions = PageViewRestriction.objects.select_related("page").only("restriction_type", "page__path")
    if user.is_authenticated and not user.is_superuser:
        in_group = PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id=OuterRef("pk"), group__user=user
        )
        restrictions = restrictions.annotate(in_group=Exists(in_group))
    hidden = Q()
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            admitted = user.is_authenticated
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            admitted = user.is_authenticated and (user.is_superuser or restriction.in_group)
        else:
            admitted = False
        if not admitted:
            hidden |= Q(path__startswith=restriction.page.path)
    return ~hidden if hidden else Q()


@dataclass(frozen=True)
class DueForReview:
    """A course or module whose review-by date has passed or is near (the trainer's dashboard)."""

    page_id: int
    title: str
    is_course: bool
    course_title: str
    review_by: object
    is_overdue: bool


@dataclass(frozen=True)
class ReviewDue:
    """The first few items due for review, soonest first, and how many there are of each kind."""

    items: list[DueForReview]
    overdue: int
    due_soon: int


def pages_due_for_review(*, today: datetime.date, horizon_days: int) -> models.QuerySet[Page]:
    """Courses and modules whose review-by date (annotated ``review_by``) is before ``today + horizon_days``."""
    horizon = today + datetime.timedelta(days=horizon_days)
    return (
        Page.objects.filter(Q(coursepage__isnull=False) | Q(modulepage__isnull=False))
        .annotate(review_by=Coalesce("coursepage__review_by", "modulepage__review_by"))
        .filter(review_by__lte=horizon)
    )


def content_due_for_review(*, today, horizon_days: int, limit: int) -> ReviewDue:
    """
    Courses and modules whose review-by date is before ``today + horizon_days``, soonest first
    (the "Content due for review" report's rows), in two queries: the counts, and the first
    ``limit`` rows with their course's title.
    """
    due = pages_due_for_review(today=today, horizon_days=horizon_days)
    counts = due.aggregate(overdue=Count("pk", filter=Q(review_by__lt=today)), total=Count("pk"))
    parent_title = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    rows = (
        due.annotate(
            is_course=ExpressionWrapper(Q(coursepage__isnull=False), output_field=BooleanField()),
            parent_title=parent_title.values("title")[:1],
        )
        .order_by("review_by", "path")
        .values("pk", "draft_title", "is_course", "parent_title", "review_by")[:limit]
    )
    items = [
        DueForReview(
            page_id=row["pk"],
            title=row["draft_title"],
            is_course=row["is_course"],
            course_title=row["draft_title"] if row["is_course"] else row["parent_title"] or "",
            review_by=row["review_by"],
            is_overdue=row["review_by"] < today,
        )
        for row in rows
    ]
    return ReviewDue(items=items, overdue=counts["overdue"], due_soon=counts["total"] - counts["overdue"])
