"""Administrators register LTI platforms, link accounts and rotate the tool keys; no other role sees them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Administrator": [
        "view_platform",
        "add_platform",
        "change_platform",
        "delete_platform",
        "view_linkedaccount",
        "add_linkedaccount",
        "change_linkedaccount",
        "delete_linkedaccount",
        "view_toolkey",
        "rotate_toolkey",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("lti")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, codenames in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="lti", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("lti", "0001_platforms_keys_nonces_and_grades"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
