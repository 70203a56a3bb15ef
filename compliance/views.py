"""
Records of learning (transcripts) for officers and their managers, and exemption evidence.
Every one is scoped: officers see their own; managers the people in their units;
administrators everyone. An id outside the viewer's scope is a 404, whatever the URL says.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from accounts.selectors import people_visible_to
from audit.models import Action
from audit.services import record_event
from courses.models import CoursePage

from . import exports, periods, selectors
from .forms import ValidityRuleForm
from .models import Exemption, ExportStatus, PriorCertification, ValidityRuleChange
from .reports import REPORT_PERMISSION, CompliancePermissionMixin, querystring_filters


class TranscriptExport(SpreadsheetExportMixin):
    """A person's record of learning as CSV or XLSX (Wagtail's spreadsheet export), oldest first."""

    #: The export's title, sheet name and "Report" in its "about" rows.
    page_title = _("Record of learning")
    # The period's start and the provenance (issue 13) come last, after the columns people already read.
    list_export = ["date", "what", "course", "score", "valid_until", "evidence", "valid_from", "provenance"]
    export_headings = {
        "date": _("Date"),
        "what": _("What"),
        "course": _("Course"),
        "score": _("Score (%)"),
        "valid_until": _("Valid until"),
        "evidence": _("Evidence"),
        "valid_from": _("Valid from"),
        "provenance": _("Provenance"),
    }

    def get_filename(self):
        person = self.person
        return f"record-of-learning-{person.warrant_number or person.username}-{timezone.localdate():%Y-%m-%d}"

    def export_extra_filters(self) -> list[tuple[str, str]]:
        filters = [(str(_("Person")), self.person.display_name)]
        if self.provenance:
            filters.append((str(_("Provenance")), str(dict(selectors.provenance_choices())[self.provenance])))
        return filters

    @property
    def provenance(self) -> str | None:
        """The ``?provenance=`` filter, if it names one (anything else filters nothing)."""
        value = self.request.GET.get("provenance")
        return value if value in dict(selectors.provenance_choices()) else None

    def transcript(self):
        return selectors.transcript(self.person, provenance=self.provenance)

    def provenance_context(self) -> dict:
        return {"provenance_choices": selectors.provenance_choices(), "provenance": self.provenance or ""}

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
        return list(transcript_rows(self.person, entries=self.transcript()))

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


def record_sections(request, person, *, admin: bool) -> list:
    """
    Sections the apps above this one add to a record of learning (certificates):
    ``hook(request, person, admin=...)`` returns HTML, in the admin's style when ``admin``.
    """
    return [hook(request, person, admin=admin) for hook in hooks.get_hooks("record_of_learning_sections")]


def transcript_rows(person, *, entries=None):
    """The transcript as spreadsheet rows (dicts keyed as ``TranscriptExport.list_export``), oldest first."""
    for entry in selectors.transcript(person) if entries is None else entries:
        record = entry.record
        if entry.kind == "completion":
            modules = "; ".join(f"{v.title} (revision {v.source_revision_id})" for v in record.module_versions.all())
            assessment = record.evidence.get("assessment", {})
            evidence = modules + (f"; assessment attempt {assessment['attempt_number']}" if assessment else "")
            yield {
                "date": timezone.localtime(record.completed_at).strftime("%Y-%m-%d %H:%M"),
                "what": str(_("Completed")),
                "course": record.course_title,
                "provenance": selectors.completion_provenance_label(record),
                "score": record.score,
                "valid_from": record.valid_from,
                "valid_until": record.valid_until,
                "evidence": evidence,
            }
        else:
            yield {
                "date": record.starts_on,
                "what": str(_("Exempt until %(date)s") % {"date": record.ends_on or _("further notice")}),
                "course": str(record.requirement),
                "provenance": str(_("Exempt")),
                "score": None,
                "valid_from": None,
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
        if self.provenance is None:  # quiz attempts are not completions: a provenance filter leaves them out
            for hook in hooks.get_hooks("own_record_rows"):
                rows.extend(dict.fromkeys(self.list_export) | row for row in hook(self.person))
        return sorted(rows, key=lambda row: str(row["date"]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = self.transcript()
        context.update(self.provenance_context())
        context["requirements"] = selectors.requirements_for(self.person)
        context["record_sections"] = record_sections(self.request, self.person, admin=False)
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
        context["entries"] = self.transcript()
        context.update(self.provenance_context())
        context["assignments"] = selectors.person_assignments(self.person, self.window)
        context["record_sections"] = record_sections(self.request, self.person, admin=True)
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


class ValidityRuleView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """
    "Change validity rule", reached from a course's menu in the page editor: the new rule,
    a preview of what it would do ("Preview"), then "Apply" with the chosen scope. Only
    those who may edit the course see it (others get a 404, as for a page they cannot see).
    """

    template_name = "compliance/admin/validity_rule.html"
    form_class = ValidityRuleForm
    header_icon = "time"
    #: Checked against the course (``user_has_permission``), not a model permission.
    permission_required = "change"

    def dispatch(self, request, *args, **kwargs):
        self.course = get_object_or_404(CoursePage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return periods.may_change_rule(self.request.user, self.course)

    def get_page_title(self):
        return _("Change validity rule")

    def get_page_subtitle(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.course.pk]), "label": self.course.title},
            {"url": "", "label": _("Change validity rule")},
        ]

    def get_initial(self):
        rule = self.course.validity_rule
        return {"validity_months": rule.months, "renew_month": rule.renew_month, "renew_day": rule.renew_day}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        context["current_rule"] = self.course.validity_rule.describe()
        context["changes"] = ValidityRuleChange.objects.filter(course=self.course)[:10]
        return context

    def form_valid(self, form):
        rule = form.rule()
        if "apply" not in self.request.POST:
            preview = periods.preview_rule_change(course=self.course, rule=rule)
            return self.render_to_response(self.get_context_data(form=form, preview=preview))
        record = periods.change_validity_rule(
            course=self.course,
            rule=rule,
            choice=form.cleaned_data["choice"],
            changed_by=self.request.user,
            request=self.request,
        )
        messages.success(
            self.request,
            _("Validity rule changed to \u201c%(rule)s\u201d (%(choice)s): %(count)s completions changed.")
            % {
                "rule": record.new_rule_text,
                "choice": record.get_choice_display(),
                "count": record.completions_changed,
            },
        )
        return redirect("wagtailadmin_pages:edit", self.course.pk)


@login_required
def prior_evidence(request, pk: int):
    """Serve a prior certification's evidence file to those who may see prior certifications."""
    if not request.user.has_perm("compliance.view_priorcertification"):
        raise Http404
    prior = get_object_or_404(
        PriorCertification.objects.filter(user__in=people_visible_to(request.user)).exclude(evidence=""), pk=pk
    )
    record_event(
        action=Action.EVIDENCE_DOWNLOADED,
        request=request,
        subject=prior.user,
        target=f"prior:{prior.pk}",
        data={"file": prior.evidence.name.split("/")[-1]},
    )
    return FileResponse(prior.evidence.open("rb"), as_attachment=True, filename=prior.evidence.name.split("/")[-1])
