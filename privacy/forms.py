from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User, normalise_identifier


class SubjectAccessForm(forms.Form):
    """Who the export is about: one person, found by username, warrant or staff number, or email."""

    person = forms.CharField(
        label=_("Person"),
        max_length=254,
        help_text=_("Their username, warrant number, HR staff number or email address."),
    )

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        identifier = normalise_identifier(value)
        matches = list(
            User.objects.filter(
                Q(username__iexact=value)
                | Q(email__iexact=value)
                | Q(warrant_number=identifier)
                | Q(staff_number=identifier)
            )[:2]
        )
        if not matches:
            raise forms.ValidationError(_("Nobody has that username, number or email address."))
        if len(matches) > 1:
            raise forms.ValidationError(
                _("More than one person matches. Use their username or warrant number instead.")
            )
        return matches[0]
