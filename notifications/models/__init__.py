"""
Notifications' models: reminders and digests (``reminders``) and festival refreshers
(``refreshers``).
"""

from .refreshers import *  # noqa: F403
from .reminders import *  # noqa: F403
