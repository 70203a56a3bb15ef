"""
"SCORM modules completed": the completion criterion this app registers with ``courses``
(``ScormConfig.ready()``), as ``quizzes`` registers "assessment passed". A course with live
SCORM module pages is complete only when each has a completed attempt in the enrolment
(``services.roll_up`` decides from the runtime data). The result is client-reported
(the package, in the browser, reported it), and the completion's evidence pins each
attempt's package version. Each SCORM module is a line of the course's task list (its title,
the officer's status, its minutes: ``ScormModulePage.minutes``), enrolled or not
(``outline_many``).
"""

from django.db.models import F
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.completion import CriterionLine, CriterionResult
from courses.models import Enrolment, Provenance

from .models import AttemptStatus, ScormAttempt, ScormModulePage, minutes_of


def _minutes_by_page(pages) -> dict[int, int]:
    """Each SCORM page's minutes, in one query (none when the pages carry them already)."""
    missing = [page.pk for page in pages if not hasattr(page, "typical_minutes")]
    found = {}
    if missing:
        found = {
            pk: minutes_of(estimated, typical)
            for pk, estimated, typical in ScormModulePage.objects.filter(pk__in=missing).values_list(
                "pk", "estimated_minutes", "package__current_version__typical_minutes"
            )
        }
    for page in pages:
        if hasattr(page, "typical_minutes"):
            found[page.pk] = minutes_of(page.estimated_minutes, page.typical_minutes)
    return found


def _line(page, minutes: int, attempt) -> CriterionLine:
    if attempt is None:
        return CriterionLine(title=page.title, url=page.url, status=_("Not started"), minutes=minutes)
    if attempt.status == AttemptStatus.COMPLETED:
        return CriterionLine(
            title=page.title, url=page.url, status=_("Completed"), tag_colour="", done=True, minutes=minutes
        )
    return CriterionLine(
        title=page.title, url=page.url, status=_("In progress"), tag_colour="light-blue", minutes=minutes
    )


class ScormCompletedCriterion:
    key = "scorm"

    def outline_many(self, children_by_course) -> dict[int, list[CriterionLine]]:
        """Each course's SCORM modules as "not started" lines (one query, none without SCORM modules)."""
        pages_by_course = {
            course_id: found
            for course_id, children in children_by_course.items()
            if (found := [child for child in children if child.specific_class is ScormModulePage])
        }
        if not pages_by_course:
            return {}
        minutes = _minutes_by_page([page for pages in pages_by_course.values() for page in pages])
        return {
            course_id: [_line(page, minutes[page.pk], None) for page in pages]
            for course_id, pages in pages_by_course.items()
        }

    def evaluate_many(self, enrolments, children_by_course=None) -> dict[int, CriterionResult]:
        course_ids = {enrolment.course_id for enrolment in enrolments if enrolment.course_id}
        if not course_ids:
            return {}
        pages_by_course: dict[int, list] = {}
        if children_by_course is not None:
            for course_id in course_ids:
                found = [
                    child for child in children_by_course.get(course_id, []) if child.specific_class is ScormModulePage
                ]
                if found:
                    pages_by_course[course_id] = found
        else:
            course_field = Enrolment._meta.get_field("course")
            if all(course_field.is_cached(e) for e in enrolments if e.course_id):
                course_paths = {e.course.path: e.course_id for e in enrolments if e.course_id}
            else:
                course_paths = dict(Page.objects.filter(pk__in=course_ids).values_list("path", "pk"))
            for page in (
                ScormModulePage.objects.live()
                .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
                .filter(parent_path__in=course_paths)
                .annotate(typical_minutes=F("package__current_version__typical_minutes"))
                .only("pk", "title", "path", "url_path", "depth", "estimated_minutes")
                .order_by("path")
            ):
                pages_by_course.setdefault(course_paths[page.parent_path], []).append(page)
        if not pages_by_course:
            return {}
        minutes = _minutes_by_page([page for pages in pages_by_course.values() for page in pages])
        started = {
            (attempt.enrolment_id, attempt.page_id): attempt
            for attempt in ScormAttempt.objects.filter(
                enrolment__in=[e.pk for e in enrolments if e.course_id in pages_by_course],
                reset_at__isnull=True,
            )
            .annotate(package_number=F("package_version__number"))
            .defer("cmi", "suspend_data")
        }
        done = {key: attempt for key, attempt in started.items() if attempt.status == AttemptStatus.COMPLETED}
        results = {}
        for enrolment in enrolments:
            pages = pages_by_course.get(enrolment.course_id)
            if not pages:
                continue
            attempts = [done.get((enrolment.pk, page.pk)) for page in pages]
            missing = [page for page, attempt in zip(pages, attempts, strict=True) if attempt is None]
            shown = missing[0] if missing else pages[0]
            results[enrolment.pk] = CriterionResult(
                applies=True,
                met=not missing,
                label=_("Complete the SCORM module: %(title)s") % {"title": shown.title},
                url=shown.url,
                provenance=Provenance.CLIENT_REPORTED,
                lines=tuple(_line(page, minutes[page.pk], started.get((enrolment.pk, page.pk))) for page in pages),
                evidence={
                    "attempts": [
                        {
                            "page_id": attempt.page_id,
                            "module": attempt.page_title,
                            "attempt_id": attempt.pk,
                            "package_version_id": attempt.package_version_id,
                            "package_version": attempt.package_number,
                            "scorm_version": attempt.scorm_version,
                            "lesson_status": attempt.lesson_status,
                            "completion_status": attempt.completion_status,
                            "success_status": attempt.success_status,
                            "score_scaled": str(attempt.score_scaled) if attempt.score_scaled is not None else None,
                            "completed_at": attempt.completed_at.isoformat(),
                        }
                        for attempt in attempts
                        if attempt is not None
                    ]
                }
                if not missing
                else {},
            )
        return results
