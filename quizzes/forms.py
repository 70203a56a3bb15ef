import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.grants import add_errors
from accounts.models import User
from accounts.scoping import GrantedForPersonFormMixin, PersonChoiceField

from .adjustments import SEE_EVERYONE, check_allowance
from .models import Adjustment
from .selectors import quiz_label, quizzes_with_courses


class QuizChoiceField(forms.ModelChoiceField):
    """A quiz picker that names each quiz with its course (two may share a title)."""

    def label_from_instance(self, obj):
        return quiz_label(obj)


class QuizChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = QuizChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", lambda request: quizzes_with_courses())
        super().__init__(*args, **kwargs)


class AdjustmentForm(GrantedForPersonFormMixin, WagtailAdminModelForm):
    """
    Trainers and administrators adjust for anyone, managers for the people in their units,
    nobody for themselves; totals are capped (``quizzes.adjustments``), which saves it.
    """

    see_everyone_permission = SEE_EVERYONE
    user = PersonChoiceField(queryset=User.objects.none(), label=_("Officer"))

    class Meta:
        model = Adjustment
        fields = ["user", "quiz", "extra_time_percent", "extra_attempts", "reason"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_people(for_user)
        quiz = self.fields["quiz"]
        self.fields["quiz"] = QuizChoiceField(
            queryset=quizzes_with_courses(),
            required=False,
            label=quiz.label,
            help_text=quiz.help_text,
            empty_label=_("Every quiz"),
        )

    def clean(self):
        cleaned_data = super().clean()
        time, attempts = cleaned_data.get("extra_time_percent"), cleaned_data.get("extra_attempts")
        if not time and not attempts:
            raise forms.ValidationError(_("Give extra time, extra attempts or both."))
        person = cleaned_data.get("user")
        if person is not None and time is not None and attempts is not None:
            # Checked again under a lock when it is saved (another grant may come first).
            try:
                check_allowance(
                    person=person, quiz=cleaned_data.get("quiz"), extra_time_percent=time, extra_attempts=attempts
                )
            except ValidationError as error:
                add_errors(self, error)
        return cleaned_data
