from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.scoping import GrantedForPersonFormMixin, PersonChoiceField
from courses.models.pages import validity_rule_errors
from courses.periods import ValidityRule

from .models import Exemption, PriorCertification, RuleChoice
from .prior import check_prior

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


class ValidityRuleForm(forms.Form):
    """The new validity rule for a course, and whether existing completions are recomputed."""

    validity_months = forms.IntegerField(
        label=_("Valid for (months)"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_("Empty: completions never expire."),
    )
    renew_month = forms.TypedChoiceField(
        label=_("Renew every (month)"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("No fixed date"))] + [(number, name) for number, name in MONTHS.items()],
    )
    renew_day = forms.IntegerField(label=_("Renew every (day)"), required=False, min_value=1, max_value=31)
    choice = forms.ChoiceField(
        label=_("Apply to"),
        choices=RuleChoice.choices,
        widget=forms.RadioSelect,
        initial=RuleChoice.NEW_ONLY,
        help_text=_(
            "New completions only: every period already issued stays as it is. Recompute existing: every "
            "completion of this course gets the period the new rule gives it, and compliance follows."
        ),
    )

    def clean(self):
        data = super().clean()
        for name, error in validity_rule_errors(
            data.get("validity_months"), data.get("renew_month"), data.get("renew_day")
        ).items():
            self.add_error(name, error)
        return data

    def rule(self) -> ValidityRule:
        data = self.cleaned_data
        return ValidityRule(
            months=data.get("validity_months"), renew_month=data.get("renew_month"), renew_day=data.get("renew_day")
        )


class PriorCertificationForm(GrantedForPersonFormMixin, WagtailAdminModelForm):
    """
    Administrators record a completion not taken on the platform, for anyone but themselves.
    The rules are ``compliance.prior.check_prior``'s; saving is ``record_prior_certification``'s.
    """

    user = PersonChoiceField(queryset=User.objects.none(), label=_("Person"))

    class Meta:
        model = PriorCertification
        fields = ["user", "course", "kind", "completed_on", "evidence", "note"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_people(for_user)
        from courses.models import CoursePage

        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["course"].required = True
        self.fields["course"].error_messages["required"] = _("Choose the course that was completed.")
        self.fields["completed_on"].error_messages["required"] = _("Give the date the course was completed.")

    def limit_people(self, for_user) -> None:
        super().limit_people(for_user)
        # The mixin sets ``granted_by``; a prior certification names its recorder.
        self.instance.__dict__.pop("granted_by", None)

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if evidence and getattr(evidence, "size", 0) > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("The evidence file must be 5 MB or smaller."))
        return evidence

    def clean(self):
        data = super().clean()
        try:
            check_prior(
                person=data.get("user"),
                course=data.get("course"),
                completed_on=data.get("completed_on"),
                recorded_by=self.for_user,
            )
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                if field not in self.errors:
                    self.add_error(field, errors)
        return data

    def save(self, commit=True):
        raise NotImplementedError("Prior certifications are recorded by compliance.prior.record_prior_certification.")
