from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quizzes.models import Attempt, AttemptStatus

from .views import PERMISSION, SubjectAccessView


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("privacy/subject-access/", SubjectAccessView.as_view(), name="privacy_subject_access")]


class SubjectAccessMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_subject_access_menu_item():
    return SubjectAccessMenuItem(
        _("Subject access"), reverse("privacy_subject_access"), name="subject_access", icon_name="user", order=650
    )


@hooks.register("own_record_rows")
def attempt_rows(person) -> list[dict]:
    """
    Every quiz attempt in an officer's own record download (``compliance.views.MyRecordView``),
    passed, failed or in progress, in the transcript's columns.
    """
    labels = {
        True: str(_("Quiz attempt %(number)s: passed")),
        False: str(_("Quiz attempt %(number)s: not passed")),
        "finished": str(_("Quiz attempt %(number)s: finished")),
        "in_progress": str(_("Quiz attempt %(number)s: not finished")),
    }
    rows = []
    for attempt in Attempt.objects.filter(user=person).order_by("started_at", "pk"):
        when = attempt.finished_at or attempt.started_at
        if attempt.status != AttemptStatus.FINISHED:
            outcome = "in_progress"
        else:
            outcome = attempt.passed if attempt.passed is not None else "finished"
        rows.append(
            {
                "date": timezone.localtime(when).strftime("%Y-%m-%d %H:%M"),
                "what": labels[outcome] % {"number": attempt.number},
                "course": f"{attempt.course_title}: {attempt.quiz_title}"
                if attempt.course_title
                else attempt.quiz_title,
                "score": attempt.score,
                "valid_until": None,
                "evidence": str(_("%(awarded)s of %(available)s marks"))
                % {
                    "awarded": attempt.marks_awarded if attempt.marks_awarded is not None else "–",
                    "available": attempt.marks_available,
                },
            }
        )
    return rows
