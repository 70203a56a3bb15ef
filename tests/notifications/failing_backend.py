"""
A real mail backend that fails while told to (``FailingBackend.failures`` > 0), then works:
the stand-in for an SMTP server that is down, for the retry tests. Messages that go are kept
in ``django.core.mail.outbox`` as the locmem backend keeps them.
"""

from django.core.mail.backends.locmem import EmailBackend


class MailServerDown(ConnectionError):
    pass


class FailingBackend(EmailBackend):
    #: How many more sends fail (each message counts once).
    failures = 0

    def send_messages(self, messages):
        if FailingBackend.failures > 0:
            FailingBackend.failures -= 1
            raise MailServerDown("421 Service not available")
        return super().send_messages(messages)
