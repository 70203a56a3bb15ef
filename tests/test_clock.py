"""The suite's clock: real unless ``TEST_CLOCK`` moves it (CI does, see tests/conftest.py)."""

import datetime
import os
import time
import zoneinfo

from django.utils import timezone


def test_the_clock_is_where_test_clock_puts_it(tmp_path):
    # The file system stamps files with the kernel's real time, which no clock travel moves.
    stamp = tmp_path / "now"
    stamp.write_text("")
    offset = time.time() - stamp.stat().st_mtime
    moment = os.environ.get("TEST_CLOCK")
    if moment:
        when = datetime.datetime.fromisoformat(moment)
        if when.tzinfo is None:
            when = when.replace(tzinfo=zoneinfo.ZoneInfo("Europe/London"))
        assert timezone.localdate() == timezone.localtime(when).date()
        assert abs(timezone.now() - when) < datetime.timedelta(hours=1)  # the clock ticks on from there
    else:
        assert abs(offset) < 60
