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
