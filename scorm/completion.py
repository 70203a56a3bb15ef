"""
"SCORM modules completed": the completion criterion this app registers with ``courses``
(``ScormConfig.ready()``), as ``quizzes`` registers "assessment passed". A course with live
SCORM module pages is complete only when each has a completed attempt in the enrolment
(``services.completion_of`` decides from the runtime data). The result is client-reported
(the package, in the browser, reported it), and the completion's evidence pins each
attempt's package version.
"""

from django.db.models import F
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.completion import CriterionResult
from courses.models import Enrolment, Provenance

from .models import AttemptStatus, ScormAttempt, ScormModulePage


class ScormCompletedCriterion:
    key = "scorm"

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
                .only("pk", "title", "path", "url_path", "depth")
                .order_by("path")
            ):
                pages_by_course.setdefault(course_paths[page.parent_path], []).append(page)
        if not pages_by_course:
            return {}
        done = {
            (attempt.enrolment_id, attempt.page_id): attempt
            for attempt in ScormAttempt.objects.filter(
                enrolment__in=[e.pk for e in enrolments if e.course_id in pages_by_course],
                status=AttemptStatus.COMPLETED,
            ).annotate(package_number=F("package_version__number"))
        }
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
