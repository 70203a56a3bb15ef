"""
What happens to an officer's attempts, announced for the apps that react to it (``xapi``);
``quizzes`` imports none of them. Every signal is sent inside the transaction that made the
change, so a listener's writes commit or roll back with it.
"""

from django.dispatch import Signal

#: An attempt was started and its questions frozen. Arguments: ``attempt``.
attempt_started = Signal()

#: An attempt was marked and closed (submitted, or its time ran out). Arguments: ``attempt``,
#: ``questions`` (its ``AttemptQuestion`` rows as marked, already loaded).
attempt_finished = Signal()
