"""Managers see compliance for their units and grant exemptions; administrators run it all."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Manager": [
        "view_compliance_reports",
        "view_requirement",
        "add_exemption",
        "view_exemption",
    ],
    "Administrator": [
        "view_compliance_reports",
        "add_requirement",
        "change_requirement",
        "view_requirement",
        "add_exemption",
        "view_exemption",
        "delete_exemption",
        "change_compliancesettings",
    ],
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
            *Permission.objects.filter(content_type__app_label="compliance", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
