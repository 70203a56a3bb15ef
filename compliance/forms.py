from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.scoping import GrantedForPersonFormMixin, PersonChoiceField

from .models import Assignment, Exemption

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024


class ExemptionForm(GrantedForPersonFormMixin, WagtailAdminModelForm):
    """Managers exempt the people in their units; administrators anyone. Who granted it is recorded."""

    user = PersonChoiceField(queryset=User.objects.none(), label=_("Person"))

    class Meta:
        model = Exemption
        fields = ["user", "requirement", "reason", "evidence", "starts_on", "ends_on"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_people(for_user)

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if evidence and getattr(evidence, "size", 0) > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("The evidence file must be 5 MB or smaller."))
        return evidence

    def clean(self):
        cleaned_data = super().clean()
        starts, ends = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("An exemption cannot end before it starts."))
        person, requirement = cleaned_data.get("user"), cleaned_data.get("requirement")
        if person and requirement and not Assignment.objects.filter(user=person, requirement=requirement).exists():
            self.add_error(
                "requirement",
                _("%(person)s is not required to complete this, so there is nothing to exempt them from.")
                % {"person": person.display_name},
            )
        return cleaned_data
