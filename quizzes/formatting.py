"""
How quiz figures read in the admin's tables and exports (issue 12 points 2 and 3): scores as
"93 %", not "92.86" or "100.00"; yes or no, not "True" or "False"; dates as dates
("12 February 2027"), never "10 hours ago" (a record's date is evidence).
"""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

NO_VALUE = "—"


def percent(value: Decimal | float | int | None) -> str:
    """A share out of 100, rounded to a whole number: "93 %"."""
    if value is None:
        return NO_VALUE
    return f"{Decimal(value).quantize(Decimal(1), rounding='ROUND_HALF_UP')} %"


def yes_no(value: bool | None) -> str:
    if value is None:
        return NO_VALUE
    return _("Yes") if value else _("No")


def absolute_date(value: date | datetime | None, *, with_time: bool = False) -> str:
    """ "12 February 2027" (or "12 February 2027, 10:47"), in the site's time zone."""
    if value is None:
        return NO_VALUE
    if isinstance(value, datetime):
        value = timezone.localtime(value)
        return date_format(value, "j F Y, H:i" if with_time else "j F Y")
    return date_format(value, "j F Y")
