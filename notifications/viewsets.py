"""
Admin for reminders: each requirement's own schedule, and the delivery log (read-only, for
administrators). Attached from this app: compliance knows nothing of reminders.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.tables import AbsoluteDateColumn

from .models import Reminder, ReminderSchedule


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The delivery log is written by the sending only: viewable, never added, changed or deleted."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


register_permission_policy(Reminder, ReadOnlyPermissionPolicy(Reminder))


class ReminderScheduleViewSet(ModelViewSet):
    model = ReminderSchedule
    name = "reminder_schedules"
    icon = "date"
    menu_label = _("Reminder schedules")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "requirement",
        "enabled",
        "before_due_days",
        "overdue_every_days",
        "overdue_max",
        "before_expiry_days",
    ]
    list_filter = ["enabled"]
    search_fields = ["requirement__name", "requirement__course__title"]
    form_fields = [
        "requirement",
        "enabled",
        "before_due_days",
        "overdue_every_days",
        "overdue_max",
        "before_expiry_days",
    ]


class ReminderLogViewSet(ModelViewSet):
    model = Reminder
    name = "reminder_log"
    icon = "mail"
    menu_label = _("Delivery log")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("email", label=_("Sent to")),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        "course_title",
        AbsoluteDateColumn("cycle_due", label=_("About the date")),
        Column("sequence", label=_("Sequence")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("attempts", label=_("Attempts")),
        AbsoluteDateColumn("sent_at", label=_("Sent"), with_time=True),
        AbsoluteDateColumn("next_attempt_at", label=_("Next try"), with_time=True),
    ]
    list_filter = {"kind": ["exact"], "status": ["exact"], "created_at": ["gte", "lte"], "requirement": ["exact"]}
    search_fields = ["email", "course_title", "user__last_name", "user__warrant_number"]
    list_export = [
        "created_at",
        "kind",
        "email",
        "user.display_name",
        "course_title",
        "cycle_due",
        "sequence",
        "scheduled_for",
        "status",
        "attempts",
        "sent_at",
        "next_attempt_at",
        "last_error",
    ]
    export_headings = {"user.display_name": _("Person")}
    export_filename = "reminder-delivery-log"
    # Never used (no add or edit view is open to anyone), but Wagtail requires a form.
    form_fields = ["status"]
    inspect_view_fields = [
        "kind",
        "user",
        "email",
        "requirement",
        "course_title",
        "cycle_due",
        "sequence",
        "scheduled_for",
        "created_at",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]

    def get_queryset(self, request):
        return Reminder.objects.select_related("user", "requirement__course")


class RemindersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Reminders")
    menu_icon = "mail"
    menu_order = 235
    items = (ReminderScheduleViewSet, ReminderLogViewSet)
