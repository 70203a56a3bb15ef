"""Officer-facing sign in, sign out, passwords, email and staff's second factor, styled as the site."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import forms, sso, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    # The sign-in page offers "Sign in with <provider>" when single sign-on is on (accounts/sso.py).
    path("sign-in/", sso.SignInView.as_view(authentication_form=forms.SignInForm), name="login"),
    path("sign-out/", sso.SignOutView.as_view(), name="logout"),
    # Where Wagtail sends anyone it keeps out of the admin (WAGTAILADMIN_LOGIN_URL).
    path("admin-sign-in/", views.admin_sign_in, name="admin_sign_in"),
    path(
        "password/",
        views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            form_class=forms.PasswordChangeForm,
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/changed/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=forms.PasswordResetForm,
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=forms.SetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("email/", views.email_change, name="email_change"),
    # Staff's second factor (accounts/second_factor.py).
    path("second-factor/", views.second_factor_verify, name="second_factor_verify"),
    path("second-factor/set-up/", views.second_factor_setup, name="second_factor_setup"),
    path("second-factor/backup-codes/", views.backup_codes, name="backup_codes"),
    path("security/", views.security, name="security"),
    path("security/backup-codes/", views.regenerate_backup_codes, name="regenerate_backup_codes"),
    path("security/<slug:kind>/<int:pk>/remove/", views.remove_device, name="remove_device"),
]
