from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.reports import Report, register_reports

from . import reports, selectors

register_reports(
    prefix="reports/feedback/",
    namespace="feedback_reports",
    reports=[
        Report("satisfaction", reports.SatisfactionReportView, label=_("Course satisfaction"), icon="pick", order=120),
        Report(
            "comments",
            reports.FeedbackCommentsView,
            "comments/",
            label=_("Course feedback comments"),
            icon="comment",
            order=121,
        ),
    ],
)


@hooks.register("course_page_panels")
def feedback_on_course_page(*, request, course, overview, place):
    """
    Under "Course completed": the request to rate it (until answered, skipped twice, or for a
    week after the first skip). In "About this course": a link to its public satisfaction page.
    """
    if place == "completed":
        completion = getattr(overview, "completion", None)
        if completion is None or not request.user.is_authenticated or completion.user_id != request.user.pk:
            return ""
        prompt = selectors.prompt_for(completion=completion)
        if prompt is None:
            return ""
        return render_to_string(
            "feedback/includes/prompt.html", {"completion": completion, "prompt": prompt}, request=request
        )
    if place == "about":
        # A link, not the figure: the course page keeps to its budget of queries (issue 10).
        return render_to_string("feedback/includes/course_rate.html", {"course": course}, request=request)
    return ""


@hooks.register("own_record_rows")
def feedback_rows(person) -> list[dict]:
    """The officer's own ratings, in their record download (``compliance.views.MyRecordView``)."""
    from django.utils import timezone

    from .models import FeedbackResponse

    rows = []
    for response in FeedbackResponse.objects.filter(user=person).order_by("submitted_at", "pk"):
        rows.append(
            {
                "date": timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
                "what": str(_("Course rated")),
                "course": response.course_title,
                "score": None,
                "valid_until": None,
                "evidence": str(
                    _("Useful for the job: %(usefulness)s of 5; confidence gained: %(confidence)s of 5. %(comment)s")
                    % {
                        "usefulness": response.usefulness,
                        "confidence": response.confidence,
                        "comment": response.comment,
                    }
                ).strip(),
            }
        )
    return rows
