"""
The learning events this app turns into statements, heard from the apps that announce them
(``courses``, ``quizzes``, ``certificates``, ``scorm``; none of them imports this app). Each
listener runs inside the event's transaction and writes its statements to the outbox with one
insert (``services.record``): the statement commits with the event or not at all.
"""

from django.dispatch import receiver

from certificates.signals import certificate_issued
from courses.signals import course_completed, course_started, module_completed, module_started
from quizzes.signals import attempt_finished, attempt_started
from scorm.signals import scorm_status_changed

from . import services
from . import statements as xs


def _course(course_id, title):
    return xs.activity("course", course_id, title)


@receiver(course_started)
def on_course_started(sender, enrolment, **kwargs):
    services.record(
        [
            xs.build(
                identity=f"course-started:{enrolment.pk}",
                event="course_started",
                user_id=enrolment.user_id,
                verb_name="attempted",
                obj=_course(enrolment.course_id, enrolment.course_title),
                when=enrolment.started_at,
                enrolment_id=enrolment.pk,
            )
        ]
    )


@receiver(module_started)
def on_module_started(sender, enrolment, progress, **kwargs):
    services.record(
        [
            xs.build(
                identity=f"module-started:{enrolment.pk}:{progress.module_id}",
                event="module_started",
                user_id=enrolment.user_id,
                verb_name="attempted",
                obj=xs.activity("module", progress.module_id, progress.module_title),
                when=progress.started_at,
                enrolment_id=enrolment.pk,
                parents=[_course(enrolment.course_id, enrolment.course_title)],
            )
        ]
    )


@receiver(module_completed)
def on_module_completed(sender, enrolment, module, version, completed_at, **kwargs):
    services.record(
        [
            xs.build(
                identity=f"module-completed:{enrolment.pk}:{module.pk}",
                event="module_completed",
                user_id=enrolment.user_id,
                verb_name="completed",
                obj=xs.activity("module", module.pk, module.title),
                when=completed_at,
                enrolment_id=enrolment.pk,
                parents=[_course(enrolment.course_id, enrolment.course_title)],
                result={"completion": True},
                # The version read, as the completion pins it (the Wagtail revision).
                extensions={"revision": version.source_revision_id} if version else None,
            )
        ]
    )


def _quiz(attempt):
    return xs.activity("quiz", attempt.quiz_id, attempt.quiz_title)


def _attempt_course(attempt):
    course_id = attempt.enrolment.course_id if attempt.enrolment_id else None
    return [_course(course_id, attempt.course_title)] if course_id else None


@receiver(attempt_started)
def on_attempt_started(sender, attempt, **kwargs):
    services.record(
        [
            xs.build(
                identity=f"attempt-started:{attempt.pk}",
                event="attempt_started",
                user_id=attempt.user_id,
                verb_name="attempted",
                obj=_quiz(attempt),
                when=attempt.started_at,
                enrolment_id=attempt.enrolment_id,
                parents=_attempt_course(attempt),
                extensions={"attempt": attempt.number},
            )
        ]
    )


@receiver(attempt_finished)
def on_attempt_finished(sender, attempt, questions, **kwargs):
    """
    When an attempt is marked: one "answered" per question answered (its answer is final now and
    its mark known; the answer itself is not sent: free text may name people), then "completed"
    with the score and "passed" or "failed".
    """
    agent = xs.actor(attempt.user_id)
    quiz, course = _quiz(attempt), _attempt_course(attempt)
    common = {
        "user_id": attempt.user_id,
        "enrolment_id": attempt.enrolment_id,
        "actor_agent": agent,
        "extensions": {"attempt": attempt.number},
    }
    built = []
    for question in questions:
        if question.response is None:
            continue
        built.append(
            xs.build(
                identity=f"answered:{attempt.pk}:{question.position}",
                event="answered",
                verb_name="answered",
                obj=xs.activity(
                    "question",
                    question.question_id or f"asked-{question.pk}",
                    question.question_title,
                    path=f"quiz/{attempt.quiz_id}/question",
                ),
                when=question.answered_at or attempt.finished_at,
                parents=[quiz],
                grouping=course,
                result={
                    "success": bool(question.correct),
                    "score": xs.score(
                        percentage=(question.marks_awarded or 0) * 100 / question.marks if question.marks else None,
                        raw=question.marks_awarded or 0,
                        maximum=question.marks,
                    ),
                },
                **common,
            )
        )
    result = {
        "score": xs.score(percentage=attempt.score, raw=attempt.marks_awarded, maximum=attempt.marks_available),
        "duration": xs.duration(attempt.started_at, attempt.finished_at),
    }
    built.append(
        xs.build(
            identity=f"attempt-completed:{attempt.pk}",
            event="attempt_completed",
            verb_name="completed",
            obj=quiz,
            when=attempt.finished_at,
            parents=course,
            result=result | {"completion": True},
            **common,
        )
    )
    built.append(
        xs.build(
            identity=f"attempt-result:{attempt.pk}",
            event="attempt_passed" if attempt.passed else "attempt_failed",
            verb_name="passed" if attempt.passed else "failed",
            obj=quiz,
            when=attempt.finished_at,
            parents=course,
            result=result | {"success": bool(attempt.passed), "completion": True},
            **common,
        )
    )
    services.record(built)


@receiver(course_completed)
def on_course_completed(sender, enrolment, completion=None, **kwargs):
    if completion is None:
        return
    services.record(
        [
            xs.build(
                identity=f"course-completed:{completion.pk}",
                event="course_completed",
                user_id=enrolment.user_id,
                verb_name="completed",
                obj=_course(completion.course_id, completion.course_title),
                when=completion.completed_at,
                enrolment_id=enrolment.pk,
                result={
                    "completion": True,
                    "score": xs.score(percentage=completion.score),
                },
                extensions={"provenance": completion.provenance, "revision": completion.course_revision_id},
            )
        ]
    )


@receiver(certificate_issued)
def on_certificate_issued(sender, certificate, **kwargs):
    completion = certificate.completion
    services.record(
        [
            xs.build(
                identity=f"certificate-issued:{certificate.pk}",
                event="certificate_issued",
                user_id=certificate.user_id,
                verb_name="earned",
                obj=xs.activity("certificate", certificate.pk, certificate.course_title),
                when=certificate.issued_at,
                enrolment_id=completion.enrolment_id,
                parents=[_course(completion.course_id, certificate.course_title)],
                extensions={"valid-until": certificate.valid_until.isoformat() if certificate.valid_until else None},
            )
        ]
    )


#: SCORM status values → verbs (1.2 ``cmi.core.lesson_status``; 2004 ``cmi.completion_status``
#: and ``cmi.success_status``). Other values (incomplete, browsed, unknown) read as "progressed".
SCORM_VERBS = {"completed": "completed", "passed": "passed", "failed": "failed"}
SCORM_STATUS_ELEMENTS = {"cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"}


#: The runtime record's columns (``scorm.models.ScormAttempt``) → the data-model elements they hold.
SCORM_FIELDS = {
    "lesson_status": "cmi.core.lesson_status",
    "completion_status": "cmi.completion_status",
    "success_status": "cmi.success_status",
    "score_raw": "score.raw",
    "score_scaled": "cmi.score.scaled",
}


@receiver(scorm_status_changed)
def on_scorm_status_changed(sender, attempt, changes, **kwargs):
    """
    One statement per status element that changed. ``changes`` names either the attempt's
    columns (what ``scorm.services.commit`` sends: ``lesson_status``, ``score_raw``…) or the
    data-model elements themselves. The module is the attempt's page (``page_id``,
    ``page_title``), kept by id and title so a deleted page still has its statements.
    """
    changes = {SCORM_FIELDS.get(name, name): value for name, value in changes.items()}
    module_id = getattr(attempt, "page_id", None) or getattr(attempt, "module_id", None)
    title = getattr(attempt, "page_title", "") or getattr(attempt, "module_title", "") or ""
    score_raw = changes.get("score.raw", changes.get("cmi.core.score.raw", changes.get("cmi.score.raw")))
    scaled = changes.get("cmi.score.scaled")
    built = []
    for element in sorted(SCORM_STATUS_ELEMENTS & set(changes)):
        value = str(changes[element] or "")
        if not value:
            continue
        verb_name = SCORM_VERBS.get(value, "progressed")
        result: dict = {}
        if verb_name in {"passed", "failed"}:
            result["success"] = verb_name == "passed"
        if verb_name == "completed" or element != "cmi.completion_status" and verb_name in {"passed", "failed"}:
            result["completion"] = True
        try:
            if scaled not in (None, ""):
                result["score"] = {"scaled": max(-1.0, min(1.0, float(scaled)))}
            elif score_raw not in (None, ""):
                result["score"] = {"raw": float(score_raw)}
        except (TypeError, ValueError):
            pass
        built.append(
            xs.build(
                identity=f"scorm:{attempt.pk}:{element}={value}",
                event=f"scorm_{verb_name}",
                user_id=attempt.user_id,
                verb_name=verb_name,
                obj=xs.activity("scorm", module_id, title, path="module"),
                when=getattr(attempt, "updated_at", None),
                enrolment_id=getattr(attempt, "enrolment_id", None),
                result=result or None,
                extensions={"scorm-element": element, "scorm-value": value},
            )
        )
    if built:
        services.record(built)
