"""
The "Partner reviewers" role, and who sees the partner review records.

- Partner reviewers: admin access and ``review_as_partner``, nothing else. What they may
  open is the partner review step's business (``PartnerReviewTask``) and the fence's
  (``reviews.middleware``); no model or page permission is granted here.
- Administrators manage partner organisations and their reviewers and see the approvals.
- Trainers and content approvers see the approvals (which version a partner approved).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PARTNER_REVIEWERS = "Partner reviewers"

ROLE_PERMISSIONS = {
    PARTNER_REVIEWERS: ["wagtailadmin.access_admin", "reviews.review_as_partner"],
    "Administrator": [
        "reviews.add_partnerorganisation",
        "reviews.change_partnerorganisation",
        "reviews.delete_partnerorganisation",
        "reviews.view_partnerorganisation",
        "reviews.view_partnerapproval",
    ],
    "Trainer": ["reviews.view_partnerapproval"],
    "Content approvers": ["reviews.view_partnerapproval"],
}


def create(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, dotted_names in ROLE_PERMISSIONS.items():
        group = Group.objects.get_or_create(name=name)[0]
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PARTNER_REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_partner_review"),
        ("accounts", "0002_roles"),
        ("courses", "0002_catalogue_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
