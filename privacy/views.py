"""
The administrators' subject-access export (Settings → Subject access): everything held about
one person, as a ZIP (``privacy.subject_access``). Each export is recorded in the audit trail.
"""

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from audit.models import Action
from audit.services import record_event

from . import subject_access
from .forms import SubjectAccessForm

PERMISSION = "audit.export_subject_access"


class SubjectAccessView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "privacy/subject_access.html"
    form_class = SubjectAccessForm
    page_title = _("Subject access")
    header_icon = "user"
    permission_required = "export_subject_access"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(PERMISSION)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        person = form.cleaned_data["person"]
        with transaction.atomic():
            content, counts = subject_access.build_zip(person)
            record_event(
                action=Action.SUBJECT_ACCESS_EXPORTED,
                request=self.request,
                subject=person,
                target=f"user:{person.pk}",
                data={"rows": counts},
            )
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{subject_access.filename(person)}"'
        response["Cache-Control"] = "no-store, private"
        return response
