"""
Retire the "Moderators" and "Editors" groups that Wagtail creates on every new install
(decision 55): they stood beside the platform's roles (accounts/roles.py) in the
group list, with page permissions over the whole tree that no role should have.

- Their members, if any, keep the same kind of work: Moderators join "Content approvers",
  Editors join "Trainer".
- Any approval task that names them (Wagtail's default "Moderators approval", assigned to
  the root of the page tree) names "Content approvers" instead, and Wagtail's default
  workflow is renamed for what it covers now: the pages outside the course catalogue
  (the home page, information pages). The course catalogue keeps "Course approval".
- Then the groups go, with their page and collection permissions.

Nothing is put back on reversal: the roles are the platform's groups.
"""

from django.db import migrations

WAGTAIL_GROUPS = {"Moderators": "Content approvers", "Editors": "Trainer"}
WAGTAIL_WORKFLOW = "Moderators approval"
RENAMED_WORKFLOW = "Site page approval"
RENAMED_TASK = "Content approvers review of site pages"


def retire(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    for old_name, new_name in WAGTAIL_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.get(name=new_name)
        new.user_set.add(*User.objects.filter(groups=old))
        for task in GroupApprovalTask.objects.filter(groups=old):
            task.groups.remove(old)
            task.groups.add(Group.objects.get(name="Content approvers"))
            if task.name == WAGTAIL_WORKFLOW:
                task.name = RENAMED_TASK
                task.save(update_fields=["name"])
        old.delete()

    Workflow.objects.filter(name=WAGTAIL_WORKFLOW).update(name=RENAMED_WORKFLOW)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_name_the_default_site"),
        ("accounts", "0002_roles"),
        ("courses", "0002_catalogue_roles_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
