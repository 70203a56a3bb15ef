"""
Derived data only: the cached site settings (``PlatformSettings.for_site``) are dropped
when they change, and when a page is published, unpublished, moved or deleted (the
accessibility statement's link and whether it is live come with them).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PlatformSettings


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
