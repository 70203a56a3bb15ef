"""Trainers and administrators read every course's feedback; managers that of their units."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Trainer": ["view_feedback_reports", "view_all_feedback"],
    "Manager": ["view_feedback_reports"],
    "Administrator": ["view_feedback_reports", "view_all_feedback"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, codenames in PERMISSIONS.items():
        Group.objects.get(name=group_name).permissions.add(
            *Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_feedback_responses_and_asks"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
