import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission

from accounts import roles

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group():
    assert set(Group.objects.filter(name__in=roles.ALL_ROLES).values_list("name", flat=True)) == set(roles.ALL_ROLES)


def test_officers_never_need_the_admin(people):
    assert not people["officer"].has_perm("wagtailadmin.access_admin")


def test_trainers_use_the_admin_and_the_image_and_document_libraries(people):
    trainer = people["trainer"]
    assert trainer.has_perm("wagtailadmin.access_admin")
    root = Collection.get_first_root_node()
    granted = set(
        GroupCollectionPermission.objects.filter(group__name=roles.TRAINER, collection=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= granted
    assert not trainer.has_perm("accounts.change_user")


def test_managers_reach_the_admin_but_cannot_edit_people_or_units(people):
    manager = people["manager_of_unit"]
    assert manager.has_perm("wagtailadmin.access_admin")
    assert manager.has_perm("accounts.view_unit")
    assert not manager.has_perm("accounts.change_unit")
    assert not manager.has_perm("accounts.change_user")
    assert not manager.has_perm("accounts.view_all_training_records")


def test_administrators_manage_people_and_units_and_see_all_records(people):
    administrator = people["administrator"]
    assert not administrator.is_superuser
    for permission in (
        "accounts.add_user",
        "accounts.change_user",
        "accounts.add_unit",
        "accounts.change_unit",
        "accounts.view_all_training_records",
    ):
        assert administrator.has_perm(permission), permission
