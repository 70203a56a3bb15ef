"""
The reminder and digest emails: a plain-text part and an HTML part (simple, one column,
real headings and link text that says where it goes), rendered from
``templates/notifications/email/``, each with an absolute link straight to the course.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from . import selectors
from .models import Reminder, ReminderKind

SUBJECTS = {
    ReminderKind.BEFORE_DUE: _("Training due by %(date)s: %(course)s"),
    ReminderKind.OVERDUE: _("Overdue training: %(course)s"),
    ReminderKind.BEFORE_EXPIRY: _("Your training runs out on %(date)s: %(course)s"),
    ReminderKind.MANAGER_DIGEST: _("Your units' overdue and expiring training, week of %(date)s"),
    ReminderKind.LEAD_DIGEST: _("Force training: overdue and expiring, %(date)s"),
}


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def course_urls(course_ids) -> dict[int, str]:
    """Absolute URLs of the courses (one query, plus Wagtail's cached site roots)."""
    urls = {}
    for course in CoursePage.objects.filter(pk__in=set(course_ids)).defer_streamfields():
        url = course.get_url()
        if url:
            urls[course.pk] = url if url.startswith("http") else absolute(url)
    return urls


def _message(subject: str, to: str, template: str, context: dict) -> EmailMultiAlternatives:
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=str(subject), body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message


def build_messages(batch: list[Reminder], *, today: datetime.date) -> dict[int, EmailMultiAlternatives]:
    """``{reminder id: message}`` for a claimed batch; personal reminders cost one query for all their links."""
    urls = course_urls(reminder.course_id for reminder in batch if reminder.course_id)
    own_page = absolute(reverse("notifications:mine"))
    messages = {}
    for reminder in batch:
        context = {
            "reminder": reminder,
            "person": reminder.user,
            "course_title": reminder.course_title,
            "course_url": urls.get(reminder.course_id, absolute("/")),
            "date": date_format(reminder.cycle_due, "j F Y"),
            "own_page_url": own_page,
            "kind": reminder.kind,
        }
        if reminder.kind in (ReminderKind.MANAGER_DIGEST, ReminderKind.LEAD_DIGEST):
            context.update(digest_context(reminder, today=today))
            template = "digest"
        else:
            template = "reminder"
        subject = SUBJECTS[reminder.kind] % {"date": context["date"], "course": reminder.course_title}
        messages[reminder.pk] = _message(subject, reminder.email, template, context)
    return messages


def digest_context(reminder: Reminder, *, today: datetime.date) -> dict:
    """What a digest lists: the manager's people (capped), or the force's totals per course."""
    from accounts.selectors import units_managed_by

    states = selectors.attention_states(today)
    report_url = absolute(reverse("compliance_reports:overdue"))
    if reminder.kind == ReminderKind.LEAD_DIGEST:
        return {"totals": selectors.digest_course_totals(states), "report_url": report_url, "lead": True}
    rows, total = selectors.digest_rows(
        states.filter(unit__in=units_managed_by(reminder.user)), limit=settings.REMINDER_DIGEST_MAX_ROWS
    )
    return {"rows": rows, "total": total, "more": total - len(rows), "report_url": report_url, "lead": False}
