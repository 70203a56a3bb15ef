"""
The outbox in the admin (Settings → xAPI outbox): every statement, its state, how many requests
carried it and the LRS's last error, for administrators. Read-only: only the forwarding writes it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from core.tables import AbsoluteDateColumn

from .models import Statement


class StatementViewSet(ModelViewSet):
    model = Statement
    name = "xapi_outbox"
    icon = "resubmit"
    menu_label = _("xAPI outbox")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("event", label=_("Event")),
        Column("object_id", label=_("Activity")),
        Column("state", label=_("State"), accessor="get_state_display"),
        Column("posts", label=_("Requests")),
        AbsoluteDateColumn("created_at", label=_("Recorded"), with_time=True),
        AbsoluteDateColumn("sent_at", label=_("Accepted"), with_time=True),
        AbsoluteDateColumn("next_attempt_at", label=_("Next try"), with_time=True),
    ]
    list_filter = {"state": ["exact"], "event": ["exact"], "created_at": ["gte", "lte"]}
    search_fields = ["statement_id", "object_id"]
    list_export = [
        "statement_id",
        "event",
        "verb",
        "object_id",
        "state",
        "posts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    export_filename = "xapi-outbox"
    # Never used (no add or edit view is open to anyone), but Wagtail requires a form.
    form_fields = ["state"]
    inspect_view_fields = [
        "statement_id",
        "event",
        "verb",
        "object_id",
        "state",
        "posts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "payload",
    ]
