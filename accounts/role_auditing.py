"""
Changes to who may do what, recorded in the audit trail whatever made them (the admin's user
form, an HR import, the shell): roles (groups) added or removed, administrator and staff
status, and accounts deactivated or reactivated. The acting person and address come from the
request being served (``audit.middleware``), if any.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_init, post_save, pre_save
from django.dispatch import receiver

from audit.models import Action
from audit.services import record_event

from .models import User

#: Flags whose change is recorded, and the action for each.
WATCHED_FLAGS = ("is_superuser", "is_staff", "is_active")


@receiver(post_init, sender=User)
def remember_flags(sender, instance: User, **kwargs):
    instance._flags_at_load = {flag: instance.__dict__.get(flag) for flag in WATCHED_FLAGS}


@receiver(pre_save, sender=User)
def note_flag_changes(sender, instance: User, raw: bool = False, **kwargs):
    before = getattr(instance, "_flags_at_load", {})
    if raw or instance._state.adding:
        instance._flag_changes = {
            flag: (None, getattr(instance, flag)) for flag in ("is_superuser", "is_staff") if getattr(instance, flag)
        }
        return
    instance._flag_changes = {
        flag: (before.get(flag), getattr(instance, flag))
        for flag in WATCHED_FLAGS
        if before.get(flag) is not None and before.get(flag) != getattr(instance, flag)
    }


@receiver(post_save, sender=User)
def record_flag_changes(sender, instance: User, created: bool, raw: bool = False, **kwargs):
    changes = getattr(instance, "_flag_changes", {})
    instance._flag_changes = {}
    if raw or not changes:
        return
    status = {flag: change for flag, change in changes.items() if flag != "is_active"}
    if status:
        record_event(
            action=Action.STAFF_STATUS_CHANGED,
            subject=instance,
            target=f"user:{instance.pk}",
            data={flag: {"from": old, "to": new} for flag, (old, new) in status.items()},
        )
    if "is_active" in changes:
        record_event(
            action=Action.PERSON_REACTIVATED if instance.is_active else Action.PERSON_DEACTIVATED,
            subject=instance,
            target=f"user:{instance.pk}",
        )
    instance._flags_at_load = {flag: getattr(instance, flag) for flag in WATCHED_FLAGS}


def _group_names(pks) -> list[str]:
    return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))


@receiver(m2m_changed, sender=User.groups.through)
def record_group_changes(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    if action == "pre_clear":
        # Remember who was in what, since post_clear is told nothing.
        instance._groups_before_clear = list(
            instance.user_set.values_list("pk", flat=True) if reverse else instance.groups.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    key = "added" if action == "post_add" else "removed"
    if action == "post_clear":
        pk_set = set(getattr(instance, "_groups_before_clear", []))
    if not pk_set:
        return
    if reverse:  # group.user_set.add(...): one event per person
        for user in User.objects.filter(pk__in=pk_set):
            record_event(
                action=Action.GROUPS_CHANGED, subject=user, target=f"user:{user.pk}", data={key: [instance.name]}
            )
    else:
        record_event(
            action=Action.GROUPS_CHANGED,
            subject=instance,
            target=f"user:{instance.pk}",
            data={key: _group_names(pk_set)},
        )
