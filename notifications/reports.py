"""
The preview report: who the next run of ``queue_reminders`` would remind of what, before
anything is sent. Managers see their units' people; administrators and the training lead
everyone (``accounts.selectors.people_visible_to``).
"""

import django_filters
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from accounts.selectors import can_see_all_training_records, people_visible_to
from compliance.models import ComplianceState, Requirement
from compliance.reports import REPORT_PERMISSION
from core.reports import ReportPermissionMixin

from . import selectors
from .models import ReminderKind
from .models.reminders import PERSONAL_KINDS


class PreviewFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=[(kind.value, kind.label) for kind in PERSONAL_KINDS], method="keep"
    )

    class Meta:
        model = ComplianceState
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class PreviewReportView(ReportPermissionMixin, ReportView):
    permission_required = REPORT_PERMISSION
    page_title = _("Reminders preview")
    header_icon = "mail"
    index_url_name = "notifications_reports:preview"
    index_results_url_name = "notifications_reports:preview_results"
    filterset_class = PreviewFilterSet
    paginate_by = 50
    columns = [
        Column("person", label=_("Person")),
        Column("email", label=_("Address")),
        Column("kind_label", label=_("Reminder")),
        Column("requirement", label=_("Requirement")),
        Column("cycle", label=_("About the date")),
        Column("seq", label=_("Sequence")),
    ]
    list_export = ["person", "email", "kind_label", "requirement", "cycle", "seq"]
    export_headings = {
        "person": _("Person"),
        "email": _("Address"),
        "kind_label": _("Reminder"),
        "requirement": _("Requirement"),
        "cycle": _("About the date"),
        "seq": _("Sequence"),
    }

    def get_filename(self):
        return f"reminders-preview-{timezone.localdate():%Y-%m-%d}"

    def filter_queryset(self, queryset):
        return queryset  # the kind is applied inside each part of the union (get_base_queryset)

    def get_base_queryset(self):
        user = self.request.user
        people = None if can_see_all_training_records(user) else people_visible_to(user)
        kind = None
        if self.filters and self.filters.is_valid():
            kind = self.filters.form.cleaned_data.get("kind") or None
        return selectors.preview(timezone.localdate(), people=people, kind=kind)

    def get_ordering(self):
        return None

    def decorate_paginated_queryset(self, rows):
        rows = list(rows)
        people = get_user_model().objects.in_bulk({row["user_id"] for row in rows})
        requirements = Requirement.objects.select_related("course").in_bulk({row["requirement_id"] for row in rows})
        labels = dict(ReminderKind.choices)
        for row in rows:
            person = people.get(row["user_id"])
            row["person"] = person.display_name if person else ""
            row["email"] = person.email if person else ""
            row["requirement"] = str(requirements.get(row["requirement_id"], ""))
            row["kind_label"] = labels.get(row["kind"], row["kind"])
        return rows

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate_paginated_queryset(queryset), spreadsheet_format)
