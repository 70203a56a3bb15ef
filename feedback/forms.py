from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import GovUKFormMixin

from .models import COMMENT_MAX_LENGTH, Rating


class FeedbackForm(GovUKFormMixin, forms.Form):
    """An officer's rating of a course they completed: two 1–5 ratings and an optional comment."""

    usefulness = forms.TypedChoiceField(
        label=_("How useful was this course for your job?"),
        help_text=_("1 is not at all useful, 5 is very useful."),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how useful the course was for your job"),
            "invalid_choice": _("Select a number from 1 to 5 for how useful the course was"),
        },
    )
    confidence = forms.TypedChoiceField(
        label=_("How much more confident do you feel doing this part of your job?"),
        help_text=_("1 is no more confident, 5 is much more confident."),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how much confidence the course gave you"),
            "invalid_choice": _("Select a number from 1 to 5 for the confidence the course gave you"),
        },
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell the course's trainers? (optional)"),
        help_text=_(
            "Up to %(max)s characters. Trainers and managers read comments without your name; "
            "do not include anything that identifies you or anyone else."
        )
        % {"max": COMMENT_MAX_LENGTH},
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _("The comment must be %(limit_value)s characters or fewer (it has %(show_value)s)")
        },
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if "\x00" in comment:
            raise forms.ValidationError(_("The comment contains a character that cannot be stored"))
        return comment

    def error_anchor(self, name: str) -> str:
        """Where the error summary links to: a radio group's first radio, else the field."""
        field = self[name]
        return f"{field.auto_id}_0" if name in {"usefulness", "confidence"} else field.auto_id
