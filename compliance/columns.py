"""
How the managers' lists show a value (issue 12, points 1 to 3): columns whose cells carry
their heading (``data-label``, so ``core/static/core/admin.css`` can stack a row into a card
on a phone), status as a coloured tag that always says the status in words, percentages as
"93 %", dates as dates, names without the rank and warrant number that have columns of their own.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn

from .status import ADMIN_TAG_COLOURS, Status

#: Space between a figure and its per cent sign that never breaks ("93 %").
PERCENT = "\u00a0%"


def day(value: datetime.date | None) -> str:
    """A date as a date ("9 Dec 2026"), never "1 year ago": a due date is a date."""
    return date_format(value, "j M Y") if value else ""


def percent_text(value) -> str:
    """A share or score as a whole per cent, "93 %" (not "92.86"); empty when there is none."""
    if value is None or value == "":
        return ""
    whole = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{whole}{PERCENT}"


def person_name(user) -> str:
    """A person's name alone: their rank and warrant number have columns of their own."""
    return user.get_full_name() or user.username


class LabelledColumn(Column):
    """A cell that carries its column's heading, shown beside the value when rows stack."""

    cell_template_name = "compliance/admin/tables/cell.html"


class NameColumn(TitleColumn):
    """The person's name, linking to their record of learning; wide enough to read."""

    cell_template_name = "compliance/admin/tables/name_cell.html"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("classname", "app-name")
        super().__init__(*args, **kwargs)


class StatusTagColumn(Column):
    """The status as a tag: a colour for each status, and always its name in words."""

    cell_template_name = "compliance/admin/tables/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = Status(instance.status)
        expiring = bool(getattr(instance, "expiring", False))
        context["tag"] = status_tag(status, expiring=expiring)
        return context


def status_tag(status: Status, *, expiring: bool = False) -> dict:
    """The text and colour of a status tag ("Completed, expiring" is amber)."""
    if expiring:
        return {"label": _("%(status)s, expiring") % {"status": status.label}, "colour": "amber"}
    return {"label": status.label, "colour": ADMIN_TAG_COLOURS[status]}


class DaysOverdueColumn(LabelledColumn):
    """How many days past the stored due date ("12 days"), for the overdue and expired."""

    def get_value(self, instance):
        if instance.status not in (Status.OVERDUE, Status.EXPIRED) or instance.next_due is None:
            return ""
        days = (instance.today - instance.next_due).days
        return ngettext("%(days)s day", "%(days)s days", days) % {"days": days}
