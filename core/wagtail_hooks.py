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
