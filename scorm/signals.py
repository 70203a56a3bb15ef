"""
What the SCORM runtime announces (``xapi`` and others listen; ``scorm`` imports none of them).
Every signal is sent inside the transaction that stored the change.
"""

from django.dispatch import Signal

#: An officer's SCORM attempt changed status (lesson/completion/success status or score).
#: Arguments: ``attempt`` (the runtime record), ``changes`` (dict of element → new value).
scorm_status_changed = Signal()
