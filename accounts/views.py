"""
Officer-facing account pages beyond Django's own auth views: the account overview, changing
one's email (with the current password), and staff's second factor (enter a code, set up an
authenticator app, backup codes, remove a device).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Action
from audit.services import record_event

from . import forms, second_factor, services, sso

#: Codes just issued, shown once by ``backup_codes`` and then dropped from the session.
NEW_BACKUP_CODES_SESSION_KEY = "accounts.new_backup_codes"


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _staff_only(request) -> None:
    if not second_factor.is_staff_member(request.user):
        raise PermissionDenied


# The way into the admin (WAGTAILADMIN_LOGIN_URL): where Wagtail sends whoever it will not let in.

#: What Wagtail says as it turns away someone signed in without access to the admin.
WAGTAIL_REFUSAL = "You do not have permission to access the admin."


def admin_sign_in(request):
    """
    Not signed in: the site's own sign-in page, coming back to the admin page afterwards, so
    that there is one sign-in page in one design. Signed in without access to the admin (an
    officer): My learning, saying who the admin is for, instead of Wagtail's sign-in form.
    """
    next_url = _next_url(request, reverse("wagtailadmin_home"))
    if not request.user.is_authenticated:
        query = QueryDict(mutable=True)
        query["next"] = next_url
        return redirect(f"{reverse('accounts:login')}?{query.urlencode(safe='/')}")
    if request.user.has_perm("wagtailadmin.access_admin"):
        return redirect(next_url)
    # Wagtail's own refusal would sit beside ours: keep every other message, drop that one.
    refusal = gettext(WAGTAIL_REFUSAL)
    storage = messages.get_messages(request)
    kept = [message for message in storage if str(message.message).strip() != refusal]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.info(request, _("The admin is for trainers and managers. Your training is here, on My learning."))
    return redirect("/")


# People with no password here (created by the HR import or SCIM, signing in by single sign-on):
# every page that asks for the current password explains instead.

SIGNS_IN_ELSEWHERE = {
    "password": (
        _("Your password"),
        _("Change your password where you sign in to your force's other systems, not here."),
    ),
    "email": (
        _("Your email address"),
        _(
            "Your email address comes from your force's HR and identity systems, which keep it up to date "
            "here. Ask your HR team to change it there."
        ),
    ),
    "second_factor": (
        _("Second factor"),
        _(
            "Getting new backup codes or removing an authenticator app is confirmed with a password, which you "
            "do not have here. Ask an administrator to reset your second factor; you then set it up again "
            "when you next sign in."
        ),
    ),
}


def has_no_password(user) -> bool:
    """Signed in by single sign-on only: no password on this platform to confirm anything with."""
    return user.is_authenticated and not user.has_usable_password()


def signs_in_elsewhere(request, what: str):
    title, explanation = SIGNS_IN_ELSEWHERE[what]
    context = {
        "title": title,
        "explanation": explanation,
        "provider": sso.provider_name(),
        "contact": settings.OIDC_SUPPORT_CONTACT,
    }
    return render(request, "accounts/signs_in_elsewhere.html", context)


# Passwords: Django's views, with the change recorded in the audit trail.


class PasswordChangeView(auth_views.PasswordChangeView):
    def dispatch(self, request, *args, **kwargs):
        if has_no_password(request.user):
            return signs_in_elsewhere(request, "password")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_event(action=Action.PASSWORD_CHANGED, subject=self.request.user, request=self.request)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_event(action=Action.PASSWORD_RESET, actor=form.user, subject=form.user, request=self.request)
        return response


# The account overview and email.


@login_required
def account(request):
    user = request.user
    context = {
        "is_staff_member": second_factor.is_staff_member(user),
        "has_no_password": has_no_password(user),
        "provider": sso.provider_name(),
    }
    return render(request, "accounts/account.html", context)


@never_cache
@login_required
def email_change(request):
    if has_no_password(request.user):
        return signs_in_elsewhere(request, "email")
    form = forms.EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.change_email(user=request.user, email=form.cleaned_data["email"], request=request)
        messages.success(request, _("Your email address is now %(email)s.") % {"email": user.email})
        return redirect("accounts:account")
    return render(request, "accounts/email_change.html", {"form": form})


# The second factor: entering a code at sign-in.


@never_cache
@login_required
def second_factor_verify(request):
    user = request.user
    is_staff = second_factor.is_staff_member(user)
    next_url = _next_url(request, reverse("wagtailadmin_home") if is_staff else "/")
    if user.is_verified() or not is_staff or request.session.get(second_factor.PROVIDER_VERIFIED_SESSION_KEY):
        return redirect(next_url)
    if not second_factor.confirmed_devices(user):
        return redirect(second_factor.second_factor_url(user, next_url))
    use_backup = request.GET.get("with") == "backup-code" or "backup" in request.POST
    form_class = forms.BackupCodeForm if use_backup else forms.AuthenticatorCodeForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.verify(request=request, token=form.cleaned_data["code"])
        if device is not None:
            if isinstance(device, StaticDevice):
                messages.info(
                    request,
                    _("You have %(count)d backup codes left.") % {"count": second_factor.backup_codes_left(user)},
                )
            return redirect(next_url)
        form.add_error(
            "code",
            _("This backup code is not right, or has been used. Check it and try again.")
            if use_backup
            else _("This code is not right. Enter the code your app shows now."),
        )
    context = {
        "form": form,
        "use_backup": use_backup,
        "next": next_url,
        "has_backup_codes": second_factor.backup_codes_left(user) > 0,
    }
    return render(request, "accounts/second_factor_verify.html", context)


@never_cache
@login_required
def second_factor_setup(request):
    """Add an authenticator app: scan the QR code (or type the key), then enter a code from it."""
    _staff_only(request)
    user = request.user
    if second_factor.confirmed_devices(user) and not user.is_verified():
        # Adding a device needs the second factor already: someone with a password alone cannot.
        return redirect(second_factor.second_factor_url(user, request.get_full_path()))
    next_url = _next_url(request, reverse("accounts:security"))
    device = second_factor.pending_authenticator_app(user)
    form = forms.AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.confirm_authenticator_app(request=request, device=device, token=form.cleaned_data["code"]):
            request.session.pop(second_factor.REQUIRED_SESSION_KEY, None)
            if not StaticDevice.objects.filter(user=user).exists():
                request.session[NEW_BACKUP_CODES_SESSION_KEY] = second_factor.issue_backup_codes(request=request)
                return redirect(f"{reverse('accounts:backup_codes')}?{urlencode({'next': next_url})}")
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(next_url)
        form.add_error("code", _("This code is not right. Enter the code your app shows now."))
    context = {
        "form": form,
        "next": next_url,
        "qr_code": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_for_manual_entry(device),
    }
    return render(request, "accounts/second_factor_setup.html", context)


@never_cache
@login_required
def backup_codes(request):
    """The backup codes just issued, shown this once."""
    _staff_only(request)
    codes = request.session.pop(NEW_BACKUP_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:security")
    next_url = _next_url(request, reverse("accounts:security"))
    return render(request, "accounts/backup_codes.html", {"codes": codes, "next": next_url})


# Managing one's devices.


@never_cache
@login_required
def security(request):
    _staff_only(request)
    form = None if has_no_password(request.user) else forms.ConfirmPasswordForm(user=request.user)
    return _security_page(request, form)


@never_cache
@login_required
def regenerate_backup_codes(request):
    _staff_only(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if has_no_password(request.user):
        return signs_in_elsewhere(request, "second_factor")
    form = forms.ConfirmPasswordForm(request.POST, user=request.user)
    if not form.is_valid():
        return _security_page(request, form)
    request.session[NEW_BACKUP_CODES_SESSION_KEY] = second_factor.issue_backup_codes(request=request)
    return redirect("accounts:backup_codes")


@never_cache
@login_required
def remove_device(request, kind: str, pk: int):
    _staff_only(request)
    model = {"app": TOTPDevice, "backup-codes": StaticDevice}.get(kind)
    if model is None:
        raise Http404
    device = model.objects.filter(user=request.user, confirmed=True, pk=pk).first()
    if device is None:
        raise Http404
    if has_no_password(request.user):
        return signs_in_elsewhere(request, "second_factor")
    form = forms.ConfirmPasswordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        second_factor.remove_device(request=request, device=device)
        messages.success(request, _("Removed."))
        return redirect("accounts:security")
    label = _("backup codes") if model is StaticDevice else device.name
    return render(request, "accounts/remove_device.html", {"form": form, "device": device, "label": label})


def _security_page(request, form):
    user = request.user
    context = {
        "authenticator_apps": second_factor.authenticator_apps(user),
        "backup_codes_left": second_factor.backup_codes_left(user),
        "backup_device": StaticDevice.objects.filter(user=user, confirmed=True).first(),
        "form": form,
        "provider": sso.provider_name(),
    }
    return render(request, "accounts/security.html", context)
