from django import template

from ..video import embed_url, web_address

register = template.Library()


@register.simple_tag
def video_embed_url(url: str) -> str | None:
    return embed_url(url or "")


@register.simple_tag
def video_link_url(url: str) -> str | None:
    """The address to link to when a video cannot be embedded: an http(s) address, or None."""
    return web_address(url or "")


@register.simple_tag(takes_context=True)
def course_page_panels(context, place: str):
    """
    What the apps above ``courses`` add to a course page (a request to rate it once completed,
    its published satisfaction rate), without ``courses`` importing them: the HTML each
    ``course_page_panels`` hook returns for ``place`` ("completed" under the completion panel,
    "about" in the side column). A hook is called with ``request``, ``course``, ``overview``
    and ``place`` and returns HTML (or "").
    """
    from django.utils.html import format_html_join
    from wagtail import hooks

    parts = []
    for hook in hooks.get_hooks("course_page_panels"):
        html = hook(request=context["request"], course=context["page"], overview=context.get("overview"), place=place)
        if html:
            parts.append((html,))
    return format_html_join("", "{}", parts)
