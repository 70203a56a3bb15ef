"""
Admin listing columns that read as people read (issue 12): dates as dates ("12 February 2027",
never "Just now" for a day still to come, as Wagtail's relative ``DateColumn`` shows it) and
booleans as "Yes"/"No" (not an icon titled "True").
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


def absolute_date(value, *, with_time: bool = False) -> str:
    """A date or moment as "12 February 2027" (and ", 14:05" in local time with ``with_time``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(moment, "j F Y, H:i" if with_time else "j F Y")
    return date_format(value, "j F Y")


class AbsoluteDateColumn(Column):
    """A date column that shows the date itself; sortable by the field, as Wagtail's is."""

    def __init__(self, name, *, with_time: bool = False, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)
        self.with_time = with_time

    def get_value(self, instance):
        return absolute_date(super().get_value(instance), with_time=self.with_time)


class YesNoColumn(Column):
    """A boolean as the words "Yes" or "No"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("Yes") if value else _("No")
