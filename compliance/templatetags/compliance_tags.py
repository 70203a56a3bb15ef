from django import template

from ..status import ADMIN_TAG_COLOURS, TAG_COLOURS, Status

register = template.Library()


@register.filter
def status_colour(status: str) -> str:
    return TAG_COLOURS.get(status, "grey")


@register.filter
def status_label(status: str) -> str:
    return dict(Status.choices).get(status, status)


@register.filter
def admin_tag_colour(status: str) -> str:
    """The admin tag colour of a status (``app-tag--<colour>``, core/static/core/admin.css)."""
    return ADMIN_TAG_COLOURS.get(status, "grey")


@register.filter
def provenance_label(completion) -> str:
    """How a completion came about, e.g. "Completed here (modules read)" or "Imported"."""
    from ..selectors import completion_provenance_label

    return completion_provenance_label(completion)
