from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
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


@hooks.register("before_copy_page")
def refuse_copy_without_a_destination(request, page):
    """
    Wagtail's copy view looks the destination up with ``Page.objects.get(id=request.POST[...])``
    before its form is validated: a missing, non-numeric or unknown id was a server error.
    """
    if request.method != "POST":
        return None
    from wagtail.models import Page

    from .views import bad_request_page

    destination = request.POST.get("new_parent_page", "")
    try:
        exists = destination.isdigit() and Page.objects.filter(id=int(destination)).exists()
    except OverflowError:
        exists = False
    if not exists:
        return bad_request_page(request, _("Choose the page to copy it under."))
    return None


@hooks.register("before_delete_page")
def refuse_deleting_pages_that_records_depend_on(request, page):
    """
    A page that records protect (a course that a requirement names, a quiz with attempts) is
    not deleted: Wagtail's delete view would end in a server error. Say why instead, on the
    confirmation page and when it is posted.
    """
    from django.db import router
    from django.db.models import ProtectedError
    from django.db.models.deletion import Collector
    from django.shortcuts import redirect
    from wagtail.admin import messages

    try:
        for each in page.get_descendants(inclusive=True).specific():
            Collector(using=router.db_for_write(type(each))).collect([each])
    except ProtectedError:
        messages.error(
            request,
            _(
                "“%(page)s” cannot be deleted: training records or requirements depend on it or on a page "
                "below it. Unpublish it instead."
            )
            % {"page": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None
