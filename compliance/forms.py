from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.scoping import GrantedForPersonFormMixin, PersonChoiceField

from .models import Exemption

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024


class ExemptionForm(GrantedForPersonFormMixin, WagtailAdminModelForm):
    """
    Managers exempt the people in their units, administrators anyone, nobody themselves.
    The rules on dates and people are ``Exemption.clean``'s; saving is
    ``compliance.exemptions.grant_exemption``'s.
    """

    user = PersonChoiceField(queryset=User.objects.none(), label=_("Person"))

    class Meta:
        model = Exemption
        fields = ["user", "requirement", "reason", "evidence", "starts_on", "ends_on"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_people(for_user)
        ends_on = self.fields["ends_on"]
        ends_on.error_messages["required"] = _("Give the date the exemption ends.")
        ends_on.help_text = _(
            "At most %(months)s months from today. Grant a new exemption when this one runs out, if still needed."
        ) % {"months": settings.EXEMPTION_MAX_MONTHS}

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if evidence and getattr(evidence, "size", 0) > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("The evidence file must be 5 MB or smaller."))
        return evidence
