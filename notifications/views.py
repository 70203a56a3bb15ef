"""The officer's own page: the reminders they were sent (nobody else's, whatever the URL)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from . import selectors
from .models import ReminderStatus

STATUS_TAGS = {
    ReminderStatus.SENT: "green",
    ReminderStatus.PENDING: "grey",
    ReminderStatus.SENDING: "grey",
    ReminderStatus.RETRYING: "yellow",
    ReminderStatus.FAILED: "red",
}


class MyRemindersView(LoginRequiredMixin, TemplateView):
    """Reminders sent to you: every reminder about your own training, newest first, 50 a page."""

    template_name = "notifications/my_reminders.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(selectors.reminders_sent_to(self.request.user).select_related("requirement"), 50)
        page = paginator.get_page(self.request.GET.get("page"))
        for reminder in page.object_list:
            reminder.tag_colour = STATUS_TAGS.get(reminder.status, "grey")
        context.update(page=page, reminders=page.object_list)
        return context
