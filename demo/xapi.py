"""
Demo xAPI: the outbox is filled by the demo's own activity (every enrolment, module, attempt,
completion and certificate the loader makes writes its statements, as on the live site). If the
local LRS of the dev settings (``make lrs``: Ralph on 127.0.0.1:8100) is running, the outbox is
sent to it after the demo commits; if not, the statements wait and ``manage.py forward_xapi``
sends them later.
"""

from django.db import transaction

from xapi import services
from xapi.models import Statement


def load_xapi() -> int:
    """Queue the forwarding for after the demo's commit (when an LRS is configured); return the outbox's size."""
    if services.lrs_configured():
        transaction.on_commit(services.forward_due)
    return Statement.objects.count()
