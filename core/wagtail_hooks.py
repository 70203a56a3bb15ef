from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_accessibility_fixes():
    """Accessible names for Draftail editors (see core/static/core/admin-accessibility.js)."""
    return format_html('<script src="{}" defer></script>', static("core/admin-accessibility.js"))


@hooks.register("insert_global_admin_css")
def admin_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("before_serve_document")
def documents_need_sign_in(document, request):
    """
    Training documents are for the force's people only (issue 11, finding 8): anyone not
    signed in is sent to sign in first, and comes back to the document afterwards. Wagtail's
    own collection privacy still applies on top.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
    return None
