"""
Unit history is derived data: whenever ``User.unit`` changes, by whatever route (the
admin, an HR import, the shell), ``UnitMembership`` is brought up to date.

Changes to the organisation that other apps keep derived data about are announced as
signals defined here (``accounts`` imports none of those apps), sent inside the transaction
that made the change.
"""

from django.db.models.signals import post_init, post_save
from django.dispatch import Signal, receiver

from .models import User
from .services import record_unit_change

#: A unit moved in the tree, so its path and its sub-units' paths changed. Arguments: ``unit``.
unit_moved = Signal()


@receiver(post_init, sender=User)
def remember_unit(sender, instance: User, **kwargs):
    instance._unit_id_at_load = instance.__dict__.get("unit_id")


@receiver(post_save, sender=User)
def record_unit_history(sender, instance: User, created: bool, raw: bool = False, **kwargs):
    if raw:
        return
    if created or instance.unit_id != instance._unit_id_at_load:
        if instance.unit_id is not None or not created:
            record_unit_change(user=instance, unit=instance.unit)
        instance._unit_id_at_load = instance.unit_id
