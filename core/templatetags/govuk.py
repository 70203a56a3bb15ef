"""Template helpers for GOV.UK Frontend markup."""

from django import template

register = template.Library()


@register.filter
def widget_type(bound_field) -> str:
    """The widget's class name in lower case: "textinput", "checkboxinput", "radioselect"."""
    name = type(bound_field.field.widget).__name__.lower()
    if name == "checkboxinput":
        return "checkbox"
    return name


@register.simple_tag
def field_widget(bound_field):
    """Render the widget with aria-describedby pointing at its hint and error message."""
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else None
    return bound_field.as_widget(attrs=attrs)
