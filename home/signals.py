"""
Derived data only: the cached site settings (``PlatformSettings.for_site``) are dropped
when they change, and when a page is published, unpublished, moved or deleted (the
accessibility statement's link and whether it is live come with them). The cached headers
(``selectors.header_for``: a person's unit and admin link) go stale when a unit changes or
anyone's groups or permissions do.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import Unit

from .models import PlatformSettings
from .selectors import forget_headers


@receiver(post_save, sender=PlatformSettings)
@receiver(post_delete, sender=PlatformSettings)
def forget_changed_settings(sender, instance, **kwargs):
    PlatformSettings.forget([instance.site_id])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_settings_of_changed_site(sender, instance, **kwargs):
    PlatformSettings.forget([instance.pk])


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_settings_when_pages_change(sender, **kwargs):
    PlatformSettings.forget()


@receiver(post_delete)
def forget_settings_when_a_page_is_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        PlatformSettings.forget()


@receiver(post_save, sender=Unit, dispatch_uid="home.headers.unit_saved")
@receiver(post_delete, sender=Unit, dispatch_uid="home.headers.unit_deleted")
@receiver(post_delete, sender=Group, dispatch_uid="home.headers.group_deleted")
@receiver(post_delete, sender=Permission, dispatch_uid="home.headers.permission_deleted")
def forget_headers_when_units_or_groups_change(sender, **kwargs):
    forget_headers()


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="home.headers.groups")
@receiver(m2m_changed, sender=get_user_model().user_permissions.through, dispatch_uid="home.headers.user_permissions")
@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="home.headers.group_permissions")
def forget_headers_when_permissions_change(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        forget_headers()
