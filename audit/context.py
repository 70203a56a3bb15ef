"""
The request being served, for events recorded where no request is at hand (a signal on
``User.groups`` fired by the admin's user form). Set by ``audit.middleware``; each thread and
each request has its own.
"""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("audit_current_request", default=None)
