from django.contrib.auth.views import redirect_to_login


class SignInRequiredMixin:
    """
    For pages only officers may read: anonymous visitors are sent to sign in and brought
    back afterwards. Applied in code rather than by page privacy settings, so a trainer
    cannot publish training content to the public by accident.
    """

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)
