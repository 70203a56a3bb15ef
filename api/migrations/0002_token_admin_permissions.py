"""Administrators make, list and revoke API tokens (Settings → API tokens); nobody deletes them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["add_apitoken", "change_apitoken", "view_apitoken"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Administrator").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="accounts", codename__in=PERMISSIONS))


def withdraw(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Administrator").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="accounts", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_external_completion"),
        ("accounts", "0003_api_tokens"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
