from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import get_edit_handler
from wagtail.blocks.base import BlockWidget

from .views import bad_request_page


@hooks.register("insert_global_admin_js")
def admin_accessibility_fixes():
    """Accessible names for Draftail editors (see core/static/core/admin-accessibility.js)."""
    return format_html('<script src="{}" defer></script>', static("core/admin-accessibility.js"))


@hooks.register("insert_global_admin_css")
def admin_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


# A page or snippet form posted without a StreamField's hidden fields ("body-count", a block's
# "-type", a list's "-count"): Wagtail's StreamField widget reads them with ``int(data[...])``
# and fails with a server error. Read each StreamField of the form first, here, and answer a
# clear 400 if that fails (issue 11, finding 4). Nothing is saved.

STREAMFIELD_UNREADABLE = _(
    "The page content could not be read: the form was sent without some of its hidden fields. "
    "Reload the editor and make your changes again."
)


def _streamfields_unreadable(request, form_class) -> bool:
    for name, field in form_class.base_fields.items():
        if isinstance(field.widget, BlockWidget):
            try:
                field.widget.value_from_datadict(request.POST, request.FILES, name)
            except (KeyError, ValueError, TypeError, IndexError, AttributeError):
                return True
    return False


def _refuse_unreadable_streamfields(request, form_class):
    if request.method == "POST" and _streamfields_unreadable(request, form_class):
        return bad_request_page(request, STREAMFIELD_UNREADABLE)
    return None


@hooks.register("before_create_page")
def refuse_page_created_without_streamfield_counts(request, parent_page, page_class):
    return _refuse_unreadable_streamfields(request, page_class.get_edit_handler().get_form_class())


@hooks.register("before_edit_page")
def refuse_page_edited_without_streamfield_counts(request, page):
    return _refuse_unreadable_streamfields(request, page.specific_class.get_edit_handler().get_form_class())


@hooks.register("before_create_snippet")
def refuse_snippet_created_without_streamfield_counts(request, model):
    return _refuse_unreadable_streamfields(request, get_edit_handler(model).get_form_class())


@hooks.register("before_edit_snippet")
def refuse_snippet_edited_without_streamfield_counts(request, instance):
    return _refuse_unreadable_streamfields(request, get_edit_handler(type(instance)).get_form_class())
