"""
Officer-facing feedback views (rate, skip) and the public satisfaction pages (a summary of
every course, and one per course). The public pages show only published rates: no names,
no units, no comments.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import selectors, services
from .forms import FeedbackForm
from .models import COMMENT_MAX_LENGTH, USEFUL_FROM


def _course_url(completion, request) -> str:
    course = completion.course
    url = course.get_url(request=request) if course is not None else None
    return url or "/"


class OwnCompletionMixin(LoginRequiredMixin):
    """The signed-in officer's own completion, by id; anyone else's is "not found"."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.completion = selectors.person_for(kwargs["completion_id"], request.user)
        if self.completion is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RateCourseView(OwnCompletionMixin, TemplateView):
    """The rating form for one of the officer's completed courses."""

    template_name = "feedback/rate.html"

    def get(self, request, *args, **kwargs):
        if self._answered():
            return self._already_answered(request)
        return self.render_to_response(self.get_context_data(form=FeedbackForm()))

    def post(self, request, *args, **kwargs):
        if self._answered():
            return self._already_answered(request)
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.submit_feedback(completion=self.completion, **form.cleaned_data)
        except services.AlreadyAnswered:
            return self._already_answered(request)
        messages.success(request, _("Thank you for rating “%(course)s”.") % {"course": self.completion.course_title})
        return redirect(_course_url(self.completion, request))

    def _answered(self) -> bool:
        return self.completion.feedback_responses.exists()

    def _already_answered(self, request):
        messages.info(request, _("You have already rated this course. Thank you."))
        return redirect(_course_url(self.completion, request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            completion=self.completion,
            course_url=_course_url(self.completion, self.request),
            comment_max_length=COMMENT_MAX_LENGTH,
            error_links=[(form.error_anchor(name), error) for name, errors in form.errors.items() for error in errors],
        )
        return context


class SkipFeedbackView(OwnCompletionMixin, TemplateView):
    """POST "Not now": record the skip and go back to the course."""

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, *args, **kwargs):
        if not self.completion.feedback_responses.exists():
            ask = services.skip_feedback(completion=self.completion)
            if ask.skips == 1:
                messages.info(
                    request, _("You skipped rating this course. We will ask you once more, in a week or so.")
                )
            else:
                messages.info(request, _("You skipped rating this course. We will not ask again."))
        return redirect(_course_url(self.completion, request))


def _definition() -> str:
    return str(
        _("“Found it useful” means they rated it %(from)s or 5 out of 5 for how useful it was for their job.")
        % {"from": USEFUL_FROM}
    )


class SatisfactionSummaryView(TemplateView):
    """Public: every course's published satisfaction rate."""

    template_name = "feedback/satisfaction_summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rates=selectors.published_rates(),
            definition=_definition(),
            minimum=max(selectors.publish_min_responses(), selectors.SUPPRESS_BELOW),
        )
        return context


class CourseSatisfactionView(TemplateView):
    """Public: one course's satisfaction rate, once published."""

    template_name = "feedback/satisfaction_course.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = get_object_or_404(selectors.public_courses(), pk=kwargs["course_id"])
        context.update(
            rate=selectors.published_rate(course),
            definition=_definition(),
            minimum=max(selectors.publish_min_responses(), selectors.SUPPRESS_BELOW),
        )
        return context
