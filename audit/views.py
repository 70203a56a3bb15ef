"""
The administrators' audit-trail report in the Wagtail admin (Reports → Audit trail): every
event, newest first, filtered by who acted, who it concerned, what happened and when, with
CSV and XLSX downloads. Viewing and downloading it are themselves recorded.
"""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .models import Action, AuditEvent
from .services import record_event

PERMISSION = "audit.view_auditevent"


def _person(field: str):
    """Match a person by the name recorded then, or by their account's username or warrant number now."""

    def filter_person(queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(**{f"{field}_label__icontains": value})
            | Q(**{f"{field}__username__iexact": value})
            | Q(**{f"{field}__warrant_number__iexact": value})
        )

    return filter_person


class AuditEventFilterSet(WagtailFilterSet):
    actor = django_filters.CharFilter(
        label=_("Person acting"), method=_person("actor"), help_text=_("Name, username or warrant number.")
    )
    subject = django_filters.CharFilter(
        label=_("Person concerned"), method=_person("subject"), help_text=_("Name, username or warrant number.")
    )
    action = django_filters.ChoiceFilter(label=_("Action"), choices=Action.choices)
    occurred_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = []


class AuditTrailReportView(ReportView):
    page_title = _("Audit trail")
    header_icon = "list-ul"
    index_url_name = "audit:report"
    index_results_url_name = "audit:report_results"
    filterset_class = AuditEventFilterSet
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("sequence", label=_("No.")),
        DateColumn("occurred_at", label=_("When")),
        Column("action_label", label=_("Action")),
        Column("actor_label", label=_("Person acting")),
        Column("subject_label", label=_("Person concerned")),
        Column("target", label=_("Object")),
        Column("ip_address", label=_("Address")),
        Column("details", label=_("Details")),
    ]
    list_export = [
        "sequence",
        "occurred_at",
        "action",
        "action_label",
        "actor_id",
        "actor_label",
        "subject_id",
        "subject_label",
        "target",
        "ip_address",
        "details",
        "hash",
    ]
    export_headings = {
        "sequence": _("Number"),
        "occurred_at": _("When (UTC)"),
        "action": _("Action code"),
        "action_label": _("Action"),
        "actor_id": _("Person acting (id)"),
        "actor_label": _("Person acting (as named then)"),
        "subject_id": _("Person concerned (id)"),
        "subject_label": _("Person concerned (as named then)"),
        "target": _("Object"),
        "ip_address": _("Address"),
        "details": _("Details"),
        "hash": _("Hash"),
    }

    def user_has_permission(self, permission):
        return self.request.user.has_perm(PERMISSION)

    def get_filename(self):
        return f"audit-trail-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        # Every column is on the event itself (names are snapshotted): no join per row.
        return AuditEvent.objects.order_by("-sequence")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        filters = {
            key: value for key, value in request.GET.items() if key not in ("export", "p", "_w_filter_fragment")
        }
        if self.is_export:
            record_event(
                action=Action.AUDIT_TRAIL_EXPORTED,
                request=request,
                target="report:audit_trail",
                data={"format": request.GET.get("export"), "filters": filters, "rows": self.export_row_count},
            )
        elif not self.results_only:
            response.render()  # before the write, which pins the request's reads to the primary
            record_event(
                action=Action.AUDIT_TRAIL_VIEWED,
                request=request,
                target="report:audit_trail",
                data={"filters": filters},
            )
        return response

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.export_row_count = queryset.count()
        return super().as_spreadsheet(queryset, spreadsheet_format)
