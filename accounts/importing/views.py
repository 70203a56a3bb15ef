"""
The HR import in the Wagtail admin (Organisation → HR import): upload a file and see the dry
run; confirm it to apply exactly that. For those who may add people (``accounts.add_user``:
administrators). Each preview and confirmation is an ``ImportRun`` (Organisation → HR imports).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from core.storage import private_storage
from core.tables import AbsoluteDateColumn

from ..models import ImportRun
from . import COLUMNS, ImportFileError, check_size, confirm, expired_message, is_expired, preview, preview_lifetime
from .planning import LABELS, plan_import
from .reading import read_rows

PERMISSION = "accounts.add_user"
#: Rows listed per section of the preview (the counts are always complete).
SHOWN = 500


class HRImportForm(forms.Form):
    file = forms.FileField(
        label=_("HR export"),
        help_text=_("A CSV (UTF-8 or Windows-1252) or XLSX file with the columns listed below."),
    )
    full = forms.BooleanField(
        label=_("Full import"),
        required=False,
        help_text=_(
            "The file lists everyone: people with a warrant or staff number who are not in it are deactivated "
            "(never deleted). Leave unticked to change only the people in the file."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
        except ImportFileError as error:
            raise ValidationError(str(error)) from None
        return upload


class ImportPermissionMixin(PermissionCheckedMixin):
    permission_required = "add_user"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(PERMISSION)


def _shown(value) -> str:
    if value is None or value == "":
        return "–"
    if value is True:
        return str(_("yes"))
    if value is False:
        return str(_("no"))
    return str(value)


def plan_context(plan) -> dict:
    updates = [
        {
            "row": person.row,
            "name": person.name,
            "key": person.key,
            "changes": [(LABELS[name], _shown(old), _shown(new)) for name, (old, new) in person.changes.items()],
            "deactivate": person.deactivate,
        }
        for person in plan.updates[:SHOWN]
    ]
    return {
        "plan": plan,
        "counts": plan.counts(),
        "creates": plan.creates[:SHOWN],
        "updates": updates,
        "moves": plan.moves[:SHOWN],
        "deactivations": plan.deactivations[:SHOWN],
        "units_to_create": plan.units_to_create[:SHOWN],
        "errors": plan.errors[:SHOWN],
        "shown_limit": SHOWN,
    }


class HRImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "accounts/admin/hr_import.html"
    form_class = HRImportForm
    page_title = _("HR import")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = COLUMNS
        context["runs_url"] = reverse("hr_imports:index")
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        result = preview(
            content=upload.read(),
            file_name=upload.name,
            full=form.cleaned_data["full"],
            run_by=self.request.user,
            request=self.request,
        )
        if result.run.outcome == ImportRun.Outcome.PREVIEWED:
            return redirect("hr_import:confirm", result.run.pk)
        context = self.get_context_data(form=form, run=result.run, file_error=result.file_error)
        if result.plan is not None:
            context.update(plan_context(result.plan))
        return self.render_to_response(context)


class HRImportConfirmView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The dry run of a previewed file (GET) and its confirmation (POST)."""

    template_name = "accounts/admin/hr_import_confirm.html"
    page_title = _("Confirm the HR import")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("hr_import:index"), "label": _("HR import")},
            {"url": "", "label": self.page_title},
        ]

    def get_run(self) -> ImportRun:
        run = ImportRun.objects.filter(
            pk=self.kwargs["pk"], outcome=ImportRun.Outcome.PREVIEWED, run_by=self.request.user
        ).first()
        if run is None:
            raise Http404
        return run

    def get(self, request, *args, **kwargs):
        Outcome = ImportRun.Outcome
        run = ImportRun.objects.filter(
            pk=self.kwargs["pk"], run_by=request.user, outcome__in=[Outcome.PREVIEWED, Outcome.EXPIRED]
        ).first()
        if run is None:
            raise Http404
        if run.outcome == Outcome.EXPIRED or is_expired(run):
            # Purged or not yet: say so and offer the upload again, never a 404 or a stale plan.
            messages.error(request, expired_message())
            return redirect("hr_import:index")
        return super().get(request, *args, run=run, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = kwargs.get("run") or self.get_run()
        context["run"] = run
        context["expires_at"] = run.started_at + preview_lifetime()
        if "plan" not in kwargs:
            try:
                with private_storage.open(run.stored_file, "rb") as handle:
                    rows = read_rows(handle.read())
            except (OSError, ImportFileError):
                raise Http404 from None
            context.update(plan_context(plan_import(rows, full=run.full, run_by=self.request.user)))
        return context

    def post(self, request, *args, **kwargs):
        run = ImportRun.objects.filter(pk=self.kwargs["pk"], run_by=request.user).first()
        if run is None:
            raise Http404
        try:
            result = confirm(run_id=run.pk, run_by=request.user, request=request)
        except ImportRun.DoesNotExist:
            raise Http404 from None
        if result.applied:
            counts = result.run.counts
            messages.success(
                request,
                _("HR import applied: %(create)s created, %(update)s updated, %(deactivate)s deactivated.") % counts,
            )
            return redirect("hr_imports:inspect", result.run.pk)
        messages.error(request, result.file_error)
        return redirect("hr_import:index")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class HRImportViewSet(ViewSet):
    """The upload and confirm views, as a viewset so that the Organisation menu lists them."""

    name = "hr_import"
    url_prefix = "hr-import"
    icon = "upload"
    menu_label = _("HR import")

    @property
    def menu_item_class(self):
        return ImportMenuItem

    @property
    def menu_url(self):
        return reverse("hr_import:index")

    def get_urlpatterns(self):
        return [
            path("", HRImportView.as_view(), name="index"),
            path("<int:pk>/", HRImportConfirmView.as_view(), name="confirm"),
        ]


class ImportRunIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("run_by")


class ImportRunViewSet(ModelViewSet):
    """Every HR import run (admin previews and confirmations, the command's runs): read-only."""

    model = ImportRun
    name = "hr_imports"
    icon = "list-ul"
    menu_label = _("HR imports")
    index_view_class = ImportRunIndexView
    add_to_reference_index = False
    form_fields = []  # never shown: the policy forbids adding and editing
    list_display = [
        "file_name",
        "source",
        "outcome",
        "full",
        "dry_run",
        "run_by",
        AbsoluteDateColumn("started_at", label=_("Started")),
    ]
    list_filter = ["source", "outcome", "full"]
    search_fields = ["file_name", "file_sha256"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "file_name",
        "file_sha256",
        "source",
        "outcome",
        "full",
        "dry_run",
        "run_by",
        "started_at",
        "finished_at",
        "counts",
        "errors",
    ]
    copy_view_enabled = False
    ordering = ["-started_at"]
