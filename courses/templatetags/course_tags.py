from django import template

from ..video import embed_url

register = template.Library()


@register.simple_tag
def video_embed_url(url: str) -> str | None:
    return embed_url(url or "")
