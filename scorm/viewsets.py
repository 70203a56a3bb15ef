"""
The SCORM packages in the admin (Settings → SCORM packages: upload, new versions, inspect),
and officers' SCORM attempts (Learner records → SCORM attempts: read-only, each viewer sees
only the officers in their scope; trainers and administrators may reset one, with a reason).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.filters import UnitTreeFilter
from accounts.scoping import ScopedToPeopleMixin, ScopedToPeopleViewSet

from . import services
from .forms import ScormPackageForm
from .models import AttemptStatus, ScormAttempt, ScormPackage

RESET_PERMISSION = "scorm.reset_scormattempt"


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    form_fields = ["title", "description"]
    icon = "folder-open-inverse"
    menu_label = _("SCORM packages")
    add_to_settings_menu = True
    list_display = ["title", "current_version", "created_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "description", "current_version", "created_at"]
    list_export = ["title", "current_version", "created_at"]

    def get_form_class(self, for_update=False):
        return ScormPackageForm


scorm_package_viewset = ScormPackageViewSet("scorm_packages")


class ScormAttemptFilterSet(WagtailFilterSet):
    unit = UnitTreeFilter(field_name="user__unit")
    status = django_filters.ChoiceFilter(choices=AttemptStatus.choices, label=_("Status"))
    updated_at = django_filters.DateFromToRangeFilter(label=_("Last accessed"))

    class Meta:
        model = ScormAttempt
        fields = []


def _minutes(attempt) -> str:
    return f"{attempt.total_seconds // 60} min {attempt.total_seconds % 60:02d} s"


class ResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this attempt reset?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the audit trail. The officer's next launch starts a new attempt; this one is kept."),
    )


class ResetAttemptView(ScopedToPeopleMixin, View):
    """Reset one attempt in the viewer's scope (``services.reset_attempt``): a form with the reason."""

    model = ScormAttempt
    template_name = "scorm/admin/reset_attempt.html"
    viewset = None

    def dispatch(self, request, pk):
        if not request.user.has_perm(RESET_PERMISSION):
            raise PermissionDenied
        self.attempt = get_object_or_404(self.scoped_queryset(), pk=pk)
        return super().dispatch(request, pk)

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "attempt": self.attempt,
                "form": form,
                "header_title": _("Reset SCORM attempt"),
                "index_url": reverse("scorm_attempts:index"),
            },
        )

    def get(self, request, pk):
        return self.render(ResetForm())

    def post(self, request, pk):
        form = ResetForm(request.POST)
        if form.is_valid():
            try:
                services.reset_attempt(attempt=self.attempt, actor=request.user, reason=form.cleaned_data["reason"])
            except services.ResetRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The attempt is reset. The officer's next launch starts a new one."))
                return redirect("scorm_attempts:inspect", self.attempt.pk)
        return self.render(form)


class ScormAttemptViewSet(ScopedToPeopleViewSet):
    """Officers' SCORM attempts, read-only: status, score, time and when last accessed."""

    model = ScormAttempt
    icon = "tasks"
    menu_label = _("SCORM attempts")
    # Trainers reset attempts for anyone, so they see everyone's (as they grant adjustments).
    see_everyone_permission = RESET_PERMISSION
    scope_select_related = ("user", "user__unit", "package_version")
    form_fields = []  # never shown: attempts are not edited in the admin
    filterset_class = ScormAttemptFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__username", "user__warrant_number", "page_title"]
    ordering = ["-updated_at"]
    list_display = [
        Column("officer", label=_("Officer"), accessor="user.display_name"),
        Column("unit", label=_("Unit"), accessor="user.unit"),
        Column("page_title", label=_("Module"), sort_key="page_title"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("score", label=_("Score (%)"), accessor="score_percent"),
        Column("time", label=_("Time"), accessor=_minutes),
        Column("updated_at", label=_("Last accessed"), sort_key="updated_at"),
        Column("reset_at", label=_("Reset"), sort_key="reset_at"),
    ]
    inspect_view_fields = [
        "user",
        "page_title",
        "package_version",
        "status",
        "lesson_status",
        "completion_status",
        "success_status",
        "score_raw",
        "score_scaled",
        "total_seconds",
        "started_at",
        "updated_at",
        "completed_at",
        "reset_at",
        "reset_by",
        "reset_reason",
    ]
    list_export = [
        "user.warrant_number",
        "user.display_name",
        "user.unit",
        "page_title",
        "package_version",
        "status",
        "score_percent",
        "total_seconds",
        "started_at",
        "updated_at",
        "completed_at",
        "reset_at",
        "reset_reason",
    ]
    export_headings = {
        "user.warrant_number": _("Warrant number"),
        "user.display_name": _("Officer"),
        "user.unit": _("Unit"),
        "page_title": _("Module"),
        "package_version": _("Package version"),
        "status": _("Status"),
        "score_percent": _("Score (%)"),
        "total_seconds": _("Time (seconds)"),
        "started_at": _("Started"),
        "updated_at": _("Last accessed"),
        "completed_at": _("Completed"),
        "reset_at": _("Reset"),
        "reset_reason": _("Reason for the reset"),
    }
    export_filename = "scorm-attempts"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "reset/<int:pk>/",
                ResetAttemptView.as_view(
                    person_field=self.person_field,
                    see_everyone_permission=self.see_everyone_permission,
                    select_related=self.scope_select_related,
                ),
                name="reset",
            )
        ]


scorm_attempt_viewset = ScormAttemptViewSet("scorm_attempts")
