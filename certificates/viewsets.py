"""
Certificates in the Wagtail admin, for administrators: list, search, filter, export, inspect;
"Add" issues a certificate on someone's behalf for a completion that has none, and "Edit" is
revoking one. Both go through ``services`` (never their own; reason, who and when recorded on
the row and in the audit trail). Certificates are never deleted.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from accounts.grants import GrantCreateView, add_errors
from accounts.scoping import ScopedEditView, ScopedToPeopleViewSet
from core.tables import AbsoluteDateColumn

from . import services
from .forms import IssueForm, RevokeForm
from .models import Certificate


class CertificateFilterSet(WagtailFilterSet):
    revoked = django_filters.BooleanFilter(
        field_name="revoked_at", lookup_expr="isnull", exclude=True, label=_("Revoked")
    )
    automatic = django_filters.BooleanFilter(
        field_name="issued_by", lookup_expr="isnull", label=_("Issued automatically")
    )
    course_title = django_filters.CharFilter(lookup_expr="icontains", label=_("Course"))

    class Meta:
        model = Certificate
        fields = ["revoked", "automatic", "course_title"]


class IssueView(GrantCreateView):
    page_title = _("Issue a certificate")
    submit_button_label = _("Issue the certificate")
    success_message = _("Certificate %(object)s issued.")

    def grant(self, form):
        return services.issue_on_behalf(
            completion=form.cleaned_data["completion"],
            issued_by=self.request.user,
            reason=form.cleaned_data["issued_reason"],
            request=self.request,
        )


class RevokeView(ScopedEditView):
    page_title = _("Revoke a certificate")
    submit_button_label = _("Revoke the certificate")
    success_message = _("Certificate %(object)s revoked.")

    def save_instance(self):
        return services.revoke(
            certificate=self.object,
            revoked_by=self.request.user,
            reason=self.form.cleaned_data["revoked_reason"],
            request=self.request,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # Refused under the lock (already revoked, or one's own): nothing was saved.
            add_errors(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


def _status(certificate) -> str:
    return certificate.get_status_display()


def _issued_by(certificate) -> str:
    return str(certificate.issued_by) if certificate.issued_by_id else str(_("Automatically"))


class CertificateViewSet(ScopedToPeopleViewSet):
    model = Certificate
    name = "certificates"
    url_namespace = "certificate_admin"  # "certificates" is the officer site's
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    menu_order = 240
    add_to_admin_menu = True
    add_view_class = IssueView
    edit_view_class = RevokeView
    scope_select_related = ("completion", "issued_by", "revoked_by")
    list_display = [
        Column("display_code", label=_("Code")),
        "full_name",
        "warrant_number",
        "course_title",
        AbsoluteDateColumn("completed_on", label=_("Completed")),
        Column("status", label=_("Status"), accessor=_status),
        Column("issued_by", label=_("Issued by"), accessor=_issued_by),
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["code", "full_name", "warrant_number", "course_title"]
    list_export = [
        "code",
        "full_name",
        "warrant_number",
        "course_title",
        "version_label",
        "completed_on",
        "valid_until",
        "issued_at",
        "issued_by",
        "issued_reason",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]
    export_filename = "certificates"
    inspect_view_fields = [
        "code",
        "full_name",
        "warrant_number",
        "course_title",
        "version_label",
        "completed_on",
        "valid_until",
        "issued_at",
        "issued_by",
        "issued_reason",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]

    def get_form_class(self, for_update=False):
        return RevokeForm if for_update else IssueForm
