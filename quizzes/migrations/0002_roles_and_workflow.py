"""
Who may do what with quizzes, and question review:

- Trainers write questions (not publish them), manage categories, see item analysis and
  grant reasonable adjustments to anyone.
- Content approvers publish questions: the "Course approval" workflow (courses/0002) now
  covers questions as well as pages.
- Managers see attempts by the people in their units and grant them adjustments.
- Administrators do all of it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Trainer": [
        "add_question",
        "change_question",
        "view_question",
        "lock_question",
        "unlock_question",
        "add_questioncategory",
        "change_questioncategory",
        "view_questioncategory",
        "view_item_analysis",
        "add_adjustment",
        "view_adjustment",
        "grant_to_anyone",
    ],
    "Content approvers": [
        "change_question",
        "view_question",
        "publish_question",
        "view_item_analysis",
    ],
    "Manager": [
        "view_attempt",
        "add_adjustment",
        "view_adjustment",
    ],
    "Administrator": [
        "add_question",
        "change_question",
        "delete_question",
        "view_question",
        "publish_question",
        "lock_question",
        "unlock_question",
        "add_questioncategory",
        "change_questioncategory",
        "delete_questioncategory",
        "view_questioncategory",
        "view_attempt",
        "view_item_analysis",
        "add_adjustment",
        "view_adjustment",
        "delete_adjustment",
        "grant_to_anyone",
    ],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    for group_name, codenames in PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames))

    question_type = ContentType.objects.get_or_create(app_label="quizzes", model="question")[0]
    workflow = Workflow.objects.get(name="Course approval")
    WorkflowContentType.objects.get_or_create(content_type=question_type, defaults={"workflow": workflow})


def revoke(apps, schema_editor):
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(content_type__app_label="quizzes").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("courses", "0002_catalogue_roles_and_workflow"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
