from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from accounts.selectors import people_visible_to

from .models import Adjustment, QuizPage


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        unit = f", {obj.unit}" if obj.unit_id else ""
        return f"{obj.display_name}{unit}"


class AdjustmentForm(WagtailAdminModelForm):
    """
    Trainers and administrators may adjust for anyone; managers only for the people in
    the units they manage. Who granted it is recorded from the signed-in user.
    """

    user = OfficerChoiceField(queryset=User.objects.none(), label=_("Officer"))

    class Meta:
        model = Adjustment
        fields = ["user", "quiz", "extra_time_percent", "extra_attempts", "reason"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        people = User.objects.filter(is_active=True).select_related("unit")
        if not (for_user and for_user.has_perm("quizzes.grant_to_anyone")):
            people = people.filter(pk__in=people_visible_to(for_user).values("pk"))
        self.fields["user"].queryset = people.order_by("last_name", "first_name")
        self.fields["quiz"].queryset = QuizPage.objects.order_by("title")

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("extra_time_percent") and not cleaned_data.get("extra_attempts"):
            raise forms.ValidationError(_("Give extra time, extra attempts or both."))
        return cleaned_data

    def save(self, commit=True):
        self.instance.granted_by = self.for_user
        return super().save(commit=commit)
