"""
"Assessment passed": the completion criterion this app registers with ``courses`` (see
``courses.completion``). A course with a live quiz page is complete only when the officer
has passed it within the same enrolment, under the quiz's grading method (the attempt that
counts, ``selectors.counting_attempt``, passed); the completion records that attempt and
its score.
"""

from collections import defaultdict

from django.db.models import F
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.completion import CriterionResult
from courses.models import Enrolment

from .models import Attempt, AttemptStatus, Grading, QuizPage
from .selectors import counting_attempt


class AssessmentPassedCriterion:
    key = "assessment"

    def evaluate_many(self, enrolments, children_by_course=None) -> dict[int, CriterionResult]:
        course_ids = {enrolment.course_id for enrolment in enrolments if enrolment.course_id}
        if not course_ids:
            return {}
        if children_by_course is not None:
            quizzes = {
                course_id: child
                for course_id in course_ids
                for child in children_by_course.get(course_id, [])
                if child.specific_class is QuizPage
            }
        else:
            quizzes = self._live_quizzes(enrolments, course_ids)
        return self._results(enrolments, quizzes)

    def _live_quizzes(self, enrolments, course_ids) -> dict[int, QuizPage]:
        course_field = Enrolment._meta.get_field("course")
        if all(course_field.is_cached(e) for e in enrolments if e.course_id):
            course_paths = {e.course.path: e.course_id for e in enrolments if e.course_id}
        else:
            course_paths = dict(Page.objects.filter(pk__in=course_ids).values_list("path", "pk"))
        quizzes = {
            course_paths[quiz.parent_path]: quiz
            for quiz in QuizPage.objects.live()
            .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
            .filter(parent_path__in=course_paths)
            .only("pk", "title", "path", "url_path", "depth", "live_revision_id")
        }
        return quizzes

    def _results(self, enrolments, quizzes) -> dict[int, CriterionResult]:
        if not quizzes:
            return {}
        by_enrolment: dict[int, list[Attempt]] = defaultdict(list)
        for attempt in (
            Attempt.objects.filter(
                enrolment__in=[e.pk for e in enrolments],
                quiz__in=[quiz.pk for quiz in quizzes.values()],
                status=AttemptStatus.FINISHED,
            )
            .annotate(quiz_grading=F("quiz__grading"))
            .order_by("enrolment_id", "number")
        ):
            by_enrolment[attempt.enrolment_id].append(attempt)
        best: dict[int, Attempt] = {}
        for enrolment_id, attempts in by_enrolment.items():
            counting = counting_attempt(attempts, grading=attempts[0].quiz_grading or Grading.HIGHEST)
            if counting is not None and counting.passed:
                best[enrolment_id] = counting

        results = {}
        for enrolment in enrolments:
            quiz = quizzes.get(enrolment.course_id)
            if quiz is None:
                continue
            attempt = best.get(enrolment.pk)
            evidence = {}
            if attempt:
                evidence = {
                    "quiz": attempt.quiz_title,
                    "quiz_page_id": quiz.pk,
                    "attempt_id": attempt.pk,
                    "attempt_number": attempt.number,
                    "score": str(attempt.score),
                    "pass_mark": attempt.settings.get("pass_mark"),
                    "finished_at": attempt.finished_at.isoformat(),
                }
            results[enrolment.pk] = CriterionResult(
                applies=True,
                met=attempt is not None,
                label=_("Pass the assessment: %(title)s") % {"title": quiz.title},
                url=quiz.url,
                evidence=evidence,
                score=attempt.score if attempt else None,
            )
        return results
