"""
Assignments are derived data: when someone's unit, rank or active flag changes, by any
route, their assignments follow (``services.sync_person``).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver

from .services import sync_person

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
        sync_person(instance)
