"""
A certificate follows every course completion, inside the completion's transaction: no button
to forget, and no completion without its certificate. Only the row is written here (two
queries); the PDF is rendered when it is downloaded.
"""

from django.dispatch import Signal, receiver

from courses.signals import course_completed

#: A certificate was issued (at completion, or by an administrator on someone's behalf), sent
#: inside the transaction that wrote it, for the apps that react to it (``xapi``), which this
#: app does not import. Arguments: ``certificate``.
certificate_issued = Signal()


@receiver(course_completed)
def issue_certificate(sender, enrolment, completion=None, **kwargs):
    from .services import issue_for_completion  # services sends certificate_issued, defined above

    if completion is not None:
        issue_for_completion(completion=completion)
