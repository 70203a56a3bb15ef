"""Real mail backends for failure tests: they fail as an SMTP server does, then recover."""

import smtplib

from django.core.mail.backends import locmem


class FlakyBackend(locmem.EmailBackend):
    """Refuses the next ``failures_left`` messages as a dropped SMTP connection would, then delivers (locmem)."""

    failures_left = 0

    def send_messages(self, messages):
        if FlakyBackend.failures_left > 0:
            FlakyBackend.failures_left -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
