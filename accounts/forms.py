"""Forms for officers (sign in, passwords) and for the admin (officer fields, units)."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from core.forms import GovUKFormMixin

from . import roles
from .models import Unit, UnitKind, User, normalise_identifier
from .selectors import unit_tree
from .signals import unit_moved

OFFICER_FIELDS = ["warrant_number", "staff_number", "rank", "is_detective", "unit"]


# Officer-facing authentication forms, rendered with GOV.UK Frontend.


class SignInForm(GovUKFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Enter a correct username and password. Both are case-sensitive. "
            "If you have forgotten your password, reset it using the link below."
        ),
        "inactive": _("This account is inactive. Contact your force's training team."),
    }


class PasswordChangeForm(GovUKFormMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordResetForm(GovUKFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(GovUKFormMixin, auth_forms.SetPasswordForm):
    pass


class CurrentPasswordMixin(forms.Form):
    """A "current password" field: changes to how someone signs in are confirmed with it."""

    current_password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Your current password is not right. Enter it again."))
        return password


class ConfirmPasswordForm(GovUKFormMixin, CurrentPasswordMixin):
    pass


class EmailChangeForm(GovUKFormMixin, CurrentPasswordMixin):
    email = forms.EmailField(
        label=_("New email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        help_text=_("Password reset links are sent here."),
    )
    field_order = ["email", "current_password"]

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).strip()
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(_("This is already your email address."))
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(
                _("Another account uses this email address. Ask your force's training team to check it.")
            )
        return email


class AuthenticatorCodeForm(GovUKFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6 numbers the app shows now, for example 123456."),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


class BackupCodeForm(GovUKFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Backup code"),
        help_text=_("One of the codes you saved when you set up your authenticator app. Each works once."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


# Admin forms: Wagtail's user forms with the officer fields added.


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.indented_name


class OfficerFieldsMixin(forms.ModelForm):
    unit = UnitChoiceField(queryset=unit_tree(), required=False, label=_("Unit"))

    class Meta:
        model = User
        fields = OFFICER_FIELDS

    def clean_warrant_number(self):
        return normalise_identifier(self.cleaned_data.get("warrant_number"))

    def clean_staff_number(self):
        return normalise_identifier(self.cleaned_data.get("staff_number"))


class OfficerUserCreationForm(OfficerFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(OFFICER_FIELDS)


class OfficerUserEditForm(OfficerFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(OFFICER_FIELDS)


# Units: the tree is edited by choosing a parent; treebeard places the node.


class UnitForm(WagtailAdminModelForm):
    parent = UnitChoiceField(
        queryset=unit_tree(),
        required=False,
        label=_("Part of"),
        help_text=_("The unit this one sits under. Leave empty only for the force itself."),
    )

    class Meta:
        model = Unit
        fields = ["name", "kind", "code", "parent", "managers"]
        widgets = {"managers": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["managers"].queryset = User.objects.filter(groups__name=roles.MANAGER, is_active=True).order_by(
            "last_name", "first_name"
        )
        self.fields["managers"].help_text = _(
            "People in the Manager role who see this unit's and its sub-units' training records."
        )
        if self.instance.pk:
            self.initial.setdefault("parent", self.instance.get_parent())
            # A unit cannot sit under itself or anything below it.
            self.fields["parent"].queryset = unit_tree().exclude(path__startswith=self.instance.path)

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("parent")
        kind = cleaned_data.get("kind")
        if kind == UnitKind.FORCE and parent is not None:
            self.add_error("parent", _("A force is the top of the tree: leave “Part of” empty."))
        if kind != UnitKind.FORCE and parent is None:
            self.add_error("parent", _("Choose the unit this one is part of."))
        return cleaned_data

    def save(self, commit=True):
        unit = super().save(commit=False)
        parent = self.cleaned_data["parent"]
        if unit.pk is None:
            unit = parent.add_child(instance=unit) if parent else Unit.add_root(instance=unit)
            # Sorted by name, a new unit renumbers the siblings after it: what is stored of
            # their paths (compliance state) follows, as after a move.
            unit_moved.send(sender=Unit, unit=unit)
        else:
            unit.save()
            current_parent = unit.get_parent(update=True)
            if parent != current_parent:
                if parent is None:
                    unit.move(Unit.get_first_root_node(), pos="sorted-sibling")
                else:
                    unit.move(parent, pos="sorted-child")
                unit.refresh_from_db()
                unit_moved.send(sender=Unit, unit=unit)
        self.instance = unit
        self.save_m2m()
        return unit
