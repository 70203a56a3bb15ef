from django import template

from ..status import TAG_COLOURS, Status

register = template.Library()


@register.filter
def status_colour(status: str) -> str:
    return TAG_COLOURS.get(status, "grey")


@register.filter
def status_label(status: str) -> str:
    return dict(Status.choices).get(status, status)
