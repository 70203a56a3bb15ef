"""
Derived data follows its sources, by whatever route they change (the one use of signals
here):

- assignments follow people: when someone's unit, rank or active flag changes, their
  assignments follow (``services.sync_person``), and with them their compliance state; inside
  ``accounts.signals.people_changes_batched`` (an HR import) the people are collected and
  synchronised once, together (``services.sync_people``), when the batch announces them;
- the compliance state follows exemptions (granted, changed or withdrawn), courses started
  and completed (announced by ``courses.signals``) and units moved in the tree
  (``accounts.signals.unit_moved``).

Every receiver runs inside the transaction that made the change.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from accounts.signals import defer_person_change, people_changed, unit_moved
from courses.signals import course_completed, course_started

from .models import Exemption
from .services import record_completion, refresh_state, refresh_unit_paths, sync_people, sync_person

User = get_user_model()
WATCHED = ("unit_id", "rank", "is_active")


def _snapshot(user) -> tuple:
    return tuple(user.__dict__.get(name) for name in WATCHED)


@receiver(post_init, sender=User)
def remember_coverage(sender, instance, **kwargs):
    instance._coverage_at_load = _snapshot(instance)


@receiver(post_save, sender=User)
def follow_coverage(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created or _snapshot(instance) != instance._coverage_at_load:
        instance._coverage_at_load = _snapshot(instance)
        if not defer_person_change(instance.pk):
            sync_person(instance)


@receiver(people_changed)
def follow_people(sender, user_ids, **kwargs):
    sync_people(user_ids)


@receiver(post_save, sender=Exemption)
@receiver(post_delete, sender=Exemption)
def follow_exemption(sender, instance, raw=False, **kwargs):
    if raw:
        return
    refresh_state(user_ids=[instance.user_id], requirement_ids=[instance.requirement_id])


@receiver(course_started)
def follow_learning(sender, enrolment, **kwargs):
    if enrolment.course_id is not None:
        refresh_state(user_ids=[enrolment.user_id], course_ids=[enrolment.course_id])


@receiver(course_completed)
def follow_completion(sender, enrolment, completion=None, **kwargs):
    if enrolment.course_id is None:
        return
    if completion is None:
        refresh_state(user_ids=[enrolment.user_id], course_ids=[enrolment.course_id])
    else:
        record_completion(completion)


@receiver(unit_moved)
def follow_unit(sender, unit, **kwargs):
    refresh_unit_paths(unit=unit)
