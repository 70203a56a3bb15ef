from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CourseCompletion

from .models import Certificate, normalise_code


class VerifyForm(forms.Form):
    """The code as printed on a certificate; dashes, spaces and case do not matter."""

    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("12 letters and numbers, printed under the QR code. For example, 7K3M-Q9XD-4TBN."),
        max_length=40,
        strip=True,
        error_messages={
            "required": _("Enter the verification code"),
            "max_length": _("A verification code is 12 letters and numbers"),
        },
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(_("A verification code is 12 letters and numbers, like 7K3M-Q9XD-4TBN"))
        return code


class CompletionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, completion):
        return f"{completion.user.display_name} – {completion.course_title} ({completion.completed_at:%d %b %Y})"


class IssueForm(forms.ModelForm):
    """Issue the certificate of a completion that has none, on the officer's behalf, with a reason."""

    completion = CompletionChoiceField(
        label=_("Completion"),
        queryset=CourseCompletion.objects.filter(certificate__isnull=True).select_related("user", "user__unit"),
        help_text=_("Only completions without a certificate are listed."),
    )

    class Meta:
        model = Certificate
        fields = ["completion", "issued_reason"]
        labels = {"issued_reason": _("Why are you issuing it?")}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_reason"].required = True


class RevokeForm(forms.ModelForm):
    """Revoke a certificate, saying why."""

    class Meta:
        model = Certificate
        fields = ["revoked_reason"]
        labels = {"revoked_reason": _("Why are you revoking it?")}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked_reason"].required = True
