"""
What happens to an officer's learning, announced for the apps that react to it (compliance,
and later certificates, notifications, xAPI). ``courses`` imports none of them: each listens
in its own ``signals.py``. Every signal is sent inside the transaction that made the change,
so a listener's writes commit or roll back with it; work that must wait for the commit
(mail, forwarding) belongs in ``transaction.on_commit``.
"""

from django.dispatch import Signal

#: An enrolment was started for the first time (its ``started_at`` was just set).
#: Arguments: ``enrolment``.
course_started = Signal()

#: An enrolment was completed and its ``CourseCompletion`` written. Arguments: ``enrolment``, ``completion``.
course_completed = Signal()

#: An officer opened a module for the first time (its ``ModuleProgress`` was just written).
#: Arguments: ``enrolment``, ``progress``.
module_started = Signal()

#: An officer completed a module, pinned to the version they read. Arguments: ``enrolment``,
#: ``module``, ``version`` (the ``ModuleVersion``), ``completed_at``.
module_completed = Signal()
