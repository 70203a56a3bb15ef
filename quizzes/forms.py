from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.scoping import GrantedForPersonFormMixin, PersonChoiceField

from .models import Adjustment, QuizPage


class AdjustmentForm(GrantedForPersonFormMixin, WagtailAdminModelForm):
    """Trainers and administrators adjust for anyone; managers for the people in their units."""

    see_everyone_permission = "quizzes.grant_to_anyone"
    user = PersonChoiceField(queryset=User.objects.none(), label=_("Officer"))

    class Meta:
        model = Adjustment
        fields = ["user", "quiz", "extra_time_percent", "extra_attempts", "reason"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_people(for_user)
        self.fields["quiz"].queryset = QuizPage.objects.order_by("title")

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("extra_time_percent") and not cleaned_data.get("extra_attempts"):
            raise forms.ValidationError(_("Give extra time, extra attempts or both."))
        return cleaned_data
