"""Trainers and administrators upload SCORM packages and new versions of them; only administrators delete one."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Trainer": ["add_scormpackage", "change_scormpackage", "view_scormpackage"],
    "Administrator": ["add_scormpackage", "change_scormpackage", "delete_scormpackage", "view_scormpackage"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="scorm", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("scorm", "0001_packages_pages_attempts"),
        ("quizzes", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
