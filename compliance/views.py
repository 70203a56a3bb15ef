"""
Records of learning (transcripts) for officers and their managers, and exemption evidence.
Every one is scoped: officers see their own; managers the people in their units;
administrators everyone. An id outside the viewer's scope is a 404, whatever the URL says.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from accounts.selectors import people_visible_to
from audit.models import Action
from audit.services import record_event

from . import exports, selectors
from .models import Exemption, ExportStatus
from .reports import REPORT_PERMISSION, CompliancePermissionMixin, querystring_filters


class TranscriptExport(SpreadsheetExportMixin):
    """A person's record of learning as CSV or XLSX (Wagtail's spreadsheet export), oldest first."""

    #: The export's title, sheet name and "Report" in its "about" rows.
    page_title = _("Record of learning")
    list_export = ["date", "what", "course", "score", "valid_until", "evidence"]
    export_headings = {
        "date": _("Date"),
        "what": _("What"),
        "course": _("Course"),
        "score": _("Score (%)"),
        "valid_until": _("Valid until"),
        "evidence": _("Evidence"),
    }

    def get_filename(self):
        person = self.person
        return f"record-of-learning-{person.warrant_number or person.username}-{timezone.localdate():%Y-%m-%d}"

    def export_extra_filters(self) -> list[tuple[str, str]]:
        return [(str(_("Person")), self.person.display_name)]

    #: How viewing this record is filed in the audit trail.
    viewed_action = Action.TRANSCRIPT_VIEWED

    def export_transcript(self):
        rows = self.transcript_rows()
        record_event(
            action=Action.REPORT_EXPORTED,
            request=self.request,
            subject=self.person,
            target=f"record:{self.person.pk}",
            data={"format": self.request.GET["export"], "rows": len(rows)},
        )
        return self.as_spreadsheet(rows, self.request.GET["export"])

    def transcript_rows(self) -> list[dict]:
        return list(transcript_rows(self.person))

    def record_view(self, response):
        """Record the view once the page is rendered (a write pins the request's reads to the primary)."""
        response.render()
        record_event(
            action=self.viewed_action,
            request=self.request,
            subject=self.person,
            target=f"record:{self.person.pk}",
            data={"filters": querystring_filters(self.request.GET)} if self.request.GET else None,
        )
        return response


def transcript_rows(person):
    """The transcript as spreadsheet rows (dicts keyed as ``TranscriptExport.list_export``), oldest first."""
    for entry in selectors.transcript(person):
        record = entry.record
        if entry.kind == "completion":
            modules = "; ".join(f"{v.title} (revision {v.source_revision_id})" for v in record.module_versions.all())
            assessment = record.evidence.get("assessment", {})
            evidence = modules + (f"; assessment attempt {assessment['attempt_number']}" if assessment else "")
            yield {
                "date": timezone.localtime(record.completed_at).strftime("%Y-%m-%d %H:%M"),
                "what": str(_("Completed")),
                "course": record.course_title,
                "score": record.score,
                "valid_until": record.valid_until,
                "evidence": evidence,
            }
        else:
            yield {
                "date": record.starts_on,
                "what": str(_("Exempt until %(date)s") % {"date": record.ends_on or _("further notice")}),
                "course": str(record.requirement),
                "score": None,
                "valid_until": None,
                "evidence": str(
                    _("Granted by %(who)s: %(reason)s") % {"who": record.granted_by, "reason": record.reason}
                ),
            }


class MyRecordView(LoginRequiredMixin, TranscriptExport, TemplateView):
    """An officer's own record of learning (and a download of it: their data, on request)."""

    template_name = "compliance/my_record.html"
    viewed_action = Action.RECORD_VIEWED

    def get(self, request, *args, **kwargs):
        self.person = request.user
        if self.is_export:
            return self.export_transcript()
        return self.record_view(super().get(request, *args, **kwargs))

    def transcript_rows(self) -> list[dict]:
        """
        The officer's own download is all their learning: completions and exemptions, and every
        quiz attempt, passed or not (rows added by the ``own_record_rows`` hook, which
        ``privacy`` registers), oldest first.
        """
        rows = super().transcript_rows()
        for hook in hooks.get_hooks("own_record_rows"):
            rows.extend(hook(self.person))
        return sorted(rows, key=lambda row: str(row["date"]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = selectors.transcript(self.person)
        context["requirements"] = selectors.requirements_for(self.person)
        # Links that apps above compliance put on the page (notifications: the reminders sent).
        context["record_links"] = [hook(self.request) for hook in hooks.get_hooks("own_record_links")]
        return context


class TranscriptView(
    CompliancePermissionMixin, TranscriptExport, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A person's record of learning, for their managers and administrators."""

    template_name = "compliance/admin/transcript.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.export_transcript()
        return self.record_view(super().get(request, *args, **kwargs))

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
        context["assignments"] = selectors.person_assignments(self.person, self.window)
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
    record_event(
        action=Action.EVIDENCE_DOWNLOADED,
        request=request,
        subject=exemption.user,
        target=f"exemption:{exemption.pk}",
        data={"file": exemption.evidence.name.split("/")[-1]},
    )
    return FileResponse(
        exemption.evidence.open("rb"), as_attachment=True, filename=exemption.evidence.name.split("/")[-1]
    )


class ExportListView(CompliancePermissionMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The signed-in manager's own prepared exports, with their status and download links."""

    template_name = "compliance/admin/exports.html"
    page_title = _("Your exports")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        exports.purge_expired_exports()  # lazily, as well as by `manage.py purge_exports`
        context = super().get_context_data(**kwargs)
        jobs = list(exports.exports_for(self.request.user))
        context["jobs"] = jobs
        context["waiting"] = any(job.status in (ExportStatus.PENDING, ExportStatus.RUNNING) for job in jobs)
        context["retention_hours"] = settings.COMPLIANCE_EXPORT_RETENTION_HOURS
        return context


def download_export(request, pk: int):
    """A prepared export's file, to the person who asked for it and nobody else (others get a 404)."""
    job = get_object_or_404(
        exports.exports_for(request.user).filter(status=ExportStatus.READY).exclude(file=""), pk=pk
    )
    if not request.user.has_perm(REPORT_PERMISSION):
        raise Http404
    record_event(
        action=Action.REPORT_EXPORTED,
        request=request,
        target=f"report:{job.report}",
        data={"format": "xlsx", "job": job.pk, "rows": job.row_count, "downloaded": True},
    )
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
