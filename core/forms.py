"""
GOV.UK Frontend markup for officer-facing Django forms.

Wagtail's admin renders its own forms; only forms that mix in ``GovUKFormMixin`` use these
templates, so the two never interfere.
"""

from django import forms
from django.forms.widgets import Input

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.FileInput: "govuk-file-upload",
    Input: "govuk-input",
}


def widget_class(widget: forms.Widget) -> str:
    for widget_type in type(widget).__mro__:
        if widget_type in WIDGET_CLASSES:
            return WIDGET_CLASSES[widget_type]
    return ""


class GovUKFormMixin:
    """Render a form with GOV.UK Frontend classes, hints and accessible error messages."""

    template_name = "forms/govuk/form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css_class = widget_class(field.widget)
            if css_class and css_class not in field.widget.attrs.get("class", ""):
                field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css_class}".strip()
            field.widget.attrs.setdefault("id", f"id_{self.add_prefix(name)}")

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                error_class = f"{widget_class(widget)}--error"
                if widget_class(widget) in {"govuk-input", "govuk-select", "govuk-textarea", "govuk-file-upload"}:
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}".strip()
                widget.attrs["aria-invalid"] = "true"
