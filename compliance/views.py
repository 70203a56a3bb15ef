"""
Records of learning (transcripts) for officers and their managers, and exemption evidence.
Every one is scoped: officers see their own; managers the people in their units;
administrators everyone. An id outside the viewer's scope is a 404, whatever the URL says.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from accounts.selectors import people_visible_to

from . import selectors
from .models import Exemption
from .reports import CompliancePermissionMixin


class _Echo:
    def write(self, value):
        return value


def transcript_rows(person):
    """The transcript as spreadsheet rows, oldest first."""
    yield [_("Date"), _("What"), _("Course"), _("Score (%)"), _("Valid until"), _("Evidence")]
    for entry in selectors.transcript(person):
        record = entry.record
        if entry.kind == "completion":
            modules = "; ".join(f"{v.title} (revision {v.source_revision_id})" for v in record.module_versions.all())
            assessment = record.evidence.get("assessment", {})
            evidence = modules + (f"; assessment attempt {assessment['attempt_number']}" if assessment else "")
            yield [
                timezone.localtime(record.completed_at).strftime("%Y-%m-%d %H:%M"),
                _("Completed"),
                record.course_title,
                record.score if record.score is not None else "",
                record.valid_until or "",
                evidence,
            ]
        else:
            yield [
                record.starts_on,
                _("Exempt until %(date)s") % {"date": record.ends_on or _("further notice")},
                str(record.requirement),
                "",
                "",
                _("Granted by %(who)s: %(reason)s") % {"who": record.granted_by, "reason": record.reason},
            ]


def transcript_csv(person):
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in transcript_rows(person)), content_type="text/csv"
    )
    filename = f"record-of-learning-{person.warrant_number or person.username}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def my_record(request):
    """An officer's own record of learning (and a download of it: their data, on request)."""
    if request.GET.get("export") == "csv":
        return transcript_csv(request.user)
    return TemplateResponse(
        request,
        "compliance/my_record.html",
        {"entries": selectors.transcript(request.user), "requirements": selectors.requirements_for(request.user)},
    )


class TranscriptView(CompliancePermissionMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A person's record of learning, for their managers and administrators."""

    template_name = "compliance/admin/transcript.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=kwargs["user_id"])
        if request.GET.get("export") == "csv":
            if not self.user_has_permission(self.permission_required):
                raise Http404
            return transcript_csv(self.person)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Record of learning")

    def get_page_subtitle(self):
        return self.person.display_name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("compliance_reports:officers"), "label": _("Officers' training status")},
            {"url": "", "label": self.person.display_name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["entries"] = selectors.transcript(self.person)
        window = selectors.Window.now()
        context["assignments"] = selectors.annotate(self.person.assignments.select_related("course"), window).order_by(
            "-assigned_on"
        )
        context["status_labels"] = selectors.status_labels()
        return context


@login_required
def exemption_evidence(request, pk: int):
    """Serve an exemption's evidence file to the officer it concerns and to those who may see them."""
    visible = Exemption.objects.filter(user__in=people_visible_to(request.user)) | Exemption.objects.filter(
        user=request.user
    )
    exemption = get_object_or_404(visible.exclude(evidence=""), pk=pk)
    if not (exemption.user_id == request.user.pk or request.user.has_perm("compliance.view_exemption")):
        raise Http404
    return FileResponse(
        exemption.evidence.open("rb"), as_attachment=True, filename=exemption.evidence.name.split("/")[-1]
    )
