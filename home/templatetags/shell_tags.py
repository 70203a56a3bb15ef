"""The header's per-person data, read once per request (``home.selectors.header_for``)."""

from django import template

from home.selectors import header_for

register = template.Library()


@register.simple_tag(takes_context=True)
def officer_header(context):
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_officer_header"):
        request._officer_header = header_for(request.user)
    return request._officer_header
