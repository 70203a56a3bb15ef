"""
The festival refreshers' schedule for the next twelve months, in the admin: each send, the
festival and the day it begins, the send date, the course and module, and how many people it
would reach if it were sent today. Two queries whatever the number of officers.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from core.reports import ReportPermissionMixin
from core.tables import AbsoluteDateColumn

from . import refreshers

SCHEDULE_PERMISSION = "notifications.view_festivalrefresher"


class RefresherScheduleView(ReportPermissionMixin, ReportView):
    page_title = _("Festival refreshers: the next 12 months")
    header_icon = "date"
    index_url_name = "refresher_reports:schedule"
    index_results_url_name = "refresher_reports:schedule_results"
    permission_required = SCHEDULE_PERMISSION
    paginate_by = 100
    columns = [
        Column("festival", label=_("Festival")),
        AbsoluteDateColumn("festival_begins", label=_("Festival begins")),
        AbsoluteDateColumn("send_on", label=_("Sent on")),
        Column("course", label=_("Course")),
        Column("module", label=_("Module")),
        Column("people", label=_("People it would reach now")),
    ]
    list_export = ["festival", "festival_begins", "send_on", "course", "module", "people"]
    export_headings = {
        "festival": _("Festival"),
        "festival_begins": _("Festival begins"),
        "send_on": _("Sent on"),
        "course": _("Course"),
        "module": _("Module"),
        "people": _("People it would reach now"),
    }

    def get_filename(self):
        return f"festival-refreshers-schedule-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        today = timezone.localdate()
        rows = refreshers.schedule(start=today, end=today + datetime.timedelta(days=refreshers.SCHEDULE_DAYS))
        people = refreshers.reach(row.refresher.course_id for row in rows)
        return [
            SimpleNamespace(
                festival=str(row.festival),
                festival_begins=row.festival_begins,
                send_on=row.send_on,
                course=row.refresher.course.title,
                module=row.refresher.module.title if row.refresher.module else "",
                people=people.get(row.refresher.course_id, 0),
            )
            for row in rows
        ]
