"""
The course catalogue page, who may edit it, and the approval workflow.

- Trainers add and edit pages under the catalogue but cannot publish.
- "Content approvers" (a new group) approve: Wagtail's "Course approval" workflow, assigned
  to the catalogue, sends every change to them; approving publishes it.
- Trainers, content approvers and administrators see the content review report.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPROVERS = "Content approvers"

PAGE_PERMISSIONS = {
    "Trainer": ["add_page", "change_page", "lock_page", "unlock_page"],
    CONTENT_APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Administrator": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
REPORT_GROUPS = ["Trainer", CONTENT_APPROVERS, "Administrator"]


def create(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    CourseCataloguePage = apps.get_model("courses", "CourseCataloguePage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    home = HomePage.objects.get(depth=2)
    position = Page.objects.filter(depth=3, path__startswith=home.path).count() + 1
    catalogue = CourseCataloguePage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug="courses",
        content_type=ContentType.objects.get_or_create(app_label="courses", model="coursecataloguepage")[0],
        path=f"{home.path}{position:04d}",
        depth=3,
        numchild=0,
        url_path=f"{home.url_path}courses/",
        locale_id=home.locale_id,
        introduction="Every course you can take. Each module takes a few minutes and saves your place.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=position)

    approvers = Group.objects.get_or_create(name=CONTENT_APPROVERS)[0]
    approvers.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=catalogue.pk,
                permission=Permission.objects.get(content_type=page_type, codename=codename),
            )
    report = Permission.objects.get(content_type__app_label="courses", codename="view_content_review_report")
    for group_name in REPORT_GROUPS:
        Group.objects.get(name=group_name).permissions.add(report)

    task = GroupApprovalTask.objects.create(
        name="Content approvers review",
        content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
        active=True,
    )
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Course approval", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page_id=catalogue.pk)


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Course approval").delete()
    apps.get_model("auth", "Group").objects.filter(name=CONTENT_APPROVERS).delete()
    apps.get_model("courses", "CourseCataloguePage").objects.filter(slug="courses", depth=3).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("home", "0002_create_pages"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, remove)]
