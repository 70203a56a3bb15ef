"""
A certificate follows every course completion, inside the completion's transaction: no button
to forget, and no completion without its certificate. Only the row is written here (two
queries); the PDF is rendered when it is downloaded.
"""

from django.dispatch import receiver

from courses.signals import course_completed

from .services import issue_for_completion


@receiver(course_completed)
def issue_certificate(sender, enrolment, completion=None, **kwargs):
    if completion is not None:
        issue_for_completion(completion=completion)
