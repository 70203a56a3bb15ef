"""
Two places where Django and Wagtail answer bad input with a server error, guarded once here
for every form that uses them (ours and Wagtail's). ``CoreConfig.ready`` installs both; the
reasons are in docs/decisions.md ("Bad input: where each guard lives").
"""

from django.core.exceptions import BadRequest, ValidationError
from django.utils.translation import gettext_lazy as _


class UnreadableForm(BadRequest):
    """A form that cannot be read as sent; Django answers it with ``handler400`` (core.views)."""


STREAMFIELD_UNREADABLE = _(
    "The content could not be read: the form was sent without some of its hidden fields. "
    "Reload the editor and make your changes again. Nothing was saved."
)


def refuse_ids_out_of_range() -> None:
    """
    Make Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` treat an id too big for
    the database (≥ 2^63) as an invalid choice, as they treat "abc".

    On SQLite the driver raises ``OverflowError`` while binding such a number. Django 5 turns
    an out-of-range value into "no match" for a plain integer lookup, but not for a lookup
    through a relation (a page's id is its ``page_ptr``) nor for ``__in``, and the form fields
    catch only ``ValueError`` and ``TypeError``. Every chooser, every report filter and every
    Wagtail filter is one of these two fields, so this one change covers all of them.
    """
    from django.forms import models

    if getattr(models.ModelChoiceField, "_refuses_ids_out_of_range", False):
        return
    to_python = models.ModelChoiceField.to_python
    check_values = models.ModelMultipleChoiceField._check_values

    def safe_to_python(self, value):
        try:
            return to_python(self, value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None

    def safe_check_values(self, value):
        try:
            return check_values(self, value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "…"}
            ) from None

    models.ModelChoiceField.to_python = safe_to_python
    models.ModelMultipleChoiceField._check_values = safe_check_values
    models.ModelChoiceField._refuses_ids_out_of_range = True


def refuse_unreadable_streamfields() -> None:
    """
    A StreamField posted without its hidden fields (``body-count``, a block's ``-type``, a
    list's ``-count``) or with one that is not a number: Wagtail's widget reads them with
    ``int(data[...])`` and fails with a server error, in the page and snippet editors and
    their previews alike. Refuse the request with a clear 400 instead (``UnreadableForm``).
    The widget is read while the form is validated, before anything is saved.
    """
    from wagtail.blocks.base import BlockWidget

    if getattr(BlockWidget, "_refuses_unreadable_data", False):
        return
    value_from_datadict = BlockWidget.value_from_datadict

    def safe_value_from_datadict(self, data, files, name):
        try:
            return value_from_datadict(self, data, files, name)
        except (KeyError, ValueError, TypeError, IndexError, OverflowError, AttributeError) as error:
            raise UnreadableForm(STREAMFIELD_UNREADABLE) from error

    BlockWidget.value_from_datadict = safe_value_from_datadict
    BlockWidget._refuses_unreadable_data = True


def refuse_garbage_ids_in_wagtail_choosers() -> None:
    """
    Wagtail's choosers look ids up with ``objects.get(pk=value)`` and catch only "does not
    exist": an id that is not a number ("..", "abc", 2^64) raises ``ValueError`` (or
    ``OverflowError`` on SQLite) instead, from a URL (``chooser/chosen/<str:pk>/``, ``?id=``) or
    when a form that failed validation is shown again with the value that was sent. Treat such
    an id as one that does not exist. A chooser's "create" URL posted to for a model whose
    chooser has no creation form is not found, rather than a server error.
    """
    from django.http import Http404
    from wagtail.admin.views.generic import chooser as chooser_views
    from wagtail.admin.widgets import chooser as chooser_widgets

    if getattr(chooser_views.ChosenViewMixin, "_refuses_garbage_ids", False):
        return
    bad_id = (ValueError, TypeError, OverflowError)
    get_object = chooser_views.ChosenViewMixin.get_object
    get_objects = chooser_views.ChosenMultipleViewMixin.get_objects
    get_instance = chooser_widgets.BaseChooser.get_instance
    create_post = chooser_views.CreateViewMixin.post

    def safe_get_object(self, pk):
        try:
            return get_object(self, pk)
        except bad_id:
            raise self.model_class.DoesNotExist from None

    def safe_get_objects(self, pks):
        try:
            return list(get_objects(self, pks))
        except bad_id:
            return []

    def safe_get_instance(self, value):
        try:
            return get_instance(self, value)
        except bad_id:
            return None

    def safe_create_post(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return create_post(self, request, *args, **kwargs)

    chooser_views.ChosenViewMixin.get_object = safe_get_object
    chooser_views.ChosenMultipleViewMixin.get_objects = safe_get_objects
    chooser_widgets.BaseChooser.get_instance = safe_get_instance
    chooser_views.CreateViewMixin.post = safe_create_post
    chooser_views.ChosenViewMixin._refuses_garbage_ids = True


def refuse_missing_link_addresses() -> None:
    """
    Wagtail's "external link" chooser form reads its address with ``value.startswith("/")``
    before checking that one was sent: a form without it was a server error. Treat a missing
    address as an empty one (the field is required, so the form says so).
    """
    from wagtail.admin.forms.choosers import URLOrAbsolutePathField

    if getattr(URLOrAbsolutePathField, "_refuses_missing_values", False):
        return
    to_python = URLOrAbsolutePathField.to_python

    def safe_to_python(self, value):
        if not isinstance(value, str):
            value = ""
        return to_python(self, value)

    URLOrAbsolutePathField.to_python = safe_to_python
    URLOrAbsolutePathField._refuses_missing_values = True


def delete_only_through_the_confirmation_form() -> None:
    """
    Wagtail's generic delete views inherit Django's ``DeletionMixin.delete``: an HTTP DELETE
    deletes the object at once, skipping the confirmation form's checks (records that protect
    it, the log entry), so a protected question raised ``ProtectedError``, a 500. A DELETE to
    a delete view is refused with 405; deleting is the confirmation form's POST.
    """
    from django.views.generic import View
    from wagtail.admin.views.generic.models import DeleteView

    DeleteView.http_method_names = [method for method in View.http_method_names if method != "delete"]
