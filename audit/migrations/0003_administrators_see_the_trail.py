"""Administrators read the audit trail and make subject-access exports; no other role does."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATOR = "Administrator"
CODENAMES = ["view_auditevent", "export_subject_access"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("audit")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=ADMINISTRATOR)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="audit", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATOR):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="audit", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
