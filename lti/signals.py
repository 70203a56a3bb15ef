"""Listens for course completions (``courses.signals``) to owe the launching platforms a score."""

from django.dispatch import receiver

from courses.signals import course_completed

from . import services


@receiver(course_completed, dispatch_uid="lti_owe_scores")
def owe_scores_on_completion(sender, enrolment, completion, **kwargs):
    services.owe_scores(completion=completion)
