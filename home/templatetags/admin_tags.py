"""
What the Wagtail admin's templates need from the platform (decision 55): the names
it is branded with, and whether a page is for signed-in people only.
"""

from django import template
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Site

from core.mixins import SignInRequiredMixin
from home.models import PlatformSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def platform_branding(context):
    """
    The platform's and the force's names (Settings → Platform), for the admin's title, sign-in
    page and dashboard, without a query on a warm cache: the settings come from the cache as on
    every officer page (``PlatformSettings.for_site``), and on a single-site install the site
    from Wagtail's cached site root paths rather than a lookup by hostname.
    """
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        root_paths = Site.get_site_root_paths()
        if len(root_paths) == 1:
            site = Site(pk=root_paths[0].site_id)
        elif request is not None:
            site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    # No site at all (an install before its first site): the settings' defaults.
    return PlatformSettings.for_site(site) if site is not None else PlatformSettings()


@register.filter
def needs_sign_in(page) -> bool:
    """
    Whether the page's type sends visitors to sign in (``SignInRequiredMixin``): Wagtail's
    privacy indicator would say "Visible to all" of such a page when it has no restriction of
    its own. Reads the class from the content type (cached), never the database.
    """
    page_class = getattr(page, "specific_class", None) or type(page)
    return issubclass(page_class, SignInRequiredMixin)


@register.simple_tag(takes_context=True)
def can_work_with_pages(context) -> bool:
    """Wagtail's own test for the Pages menu and page search (any page permission)."""
    request = context.get("request")
    return request is not None and user_has_any_page_permission(request.user)
