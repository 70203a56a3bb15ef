import pytest
from django.urls import reverse

from accounts.models import Rank, Unit, UnitKind, User

pytestmark = pytest.mark.django_db


def test_user_edit_form_in_the_admin_shows_the_officer_fields(client_as, people):
    client = client_as("administrator")
    response = client.get(reverse("wagtailusers_users:edit", args=[people["officer"].pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for field in ("warrant_number", "staff_number", "rank", "is_detective", "unit"):
        assert f'name="{field}"' in content, field


def test_administrator_creates_an_officer_with_warrant_number_rank_and_unit(client_as, org):
    client = client_as("administrator")
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newpc",
            "email": "newpc@example.police.uk",
            "first_name": "New",
            "last_name": "Constable",
            "warrant_number": "pc 9001",
            "staff_number": "300900",
            "rank": Rank.POLICE_CONSTABLE,
            "unit": org.team_a.pk,
            "password1": "a-long-enough-password",
            "password2": "a-long-enough-password",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    officer = User.objects.get(username="newpc")
    assert officer.warrant_number == "PC9001"
    assert officer.unit == org.team_a
    assert officer.unit_memberships.get().unit == org.team_a


def test_user_listing_shows_warrant_number_and_filters_by_unit_with_sub_units(client_as, people, org):
    client = client_as("administrator")
    response = client.get(reverse("wagtailusers_users:index"), {"unit": org.north.pk})
    content = response.content.decode()
    assert response.status_code == 200
    assert people["officer"].warrant_number in content
    assert people["other_officer"].warrant_number not in content


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 302),
        ("manager_of_other_unit", 302),
        ("manager_of_unit", 302),
        ("administrator", 200),
    ],
)
def test_only_administrators_reach_the_user_admin(client_as, role, status):
    response = client_as(role).get(reverse("wagtailusers_users:index"))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("other_officer", 302),
        ("trainer", 302),
        ("manager_of_other_unit", 200),
        ("manager_of_unit", 200),
        ("administrator", 200),
    ],
)
def test_unit_listing_is_for_managers_and_administrators(client_as, role, status, org):
    response = client_as(role).get(reverse("units:index"))
    assert response.status_code == status
    if status == 200:
        content = response.content.decode()
        assert content.index("North Command") < content.index("Team A") < content.index("South Command")


def test_managers_cannot_add_units(client_as):
    response = client_as("manager_of_unit").get(reverse("units:add"))
    assert response.status_code == 302


def test_administrator_adds_a_team_under_a_command(client_as, people, org):
    client = client_as("administrator")
    response = client.post(
        reverse("units:add"),
        {"name": "Team C", "kind": UnitKind.TEAM, "code": "N-C", "parent": org.north.pk, "managers": []},
    )
    assert response.status_code == 302
    team = Unit.objects.get(code="N-C")
    assert team.get_parent() == org.north


def test_administrator_moves_a_team_to_another_command_with_its_sub_units(client_as, people, org):
    client = client_as("administrator")
    response = client.post(
        reverse("units:edit", args=[org.team_a.pk]),
        {
            "name": "Team A",
            "kind": UnitKind.TEAM,
            "code": "N-A",
            "parent": org.south.pk,
            "managers": [people["manager_of_unit"].pk],
        },
    )
    assert response.status_code == 302
    org.team_a_sub.refresh_from_db()
    assert org.team_a_sub.is_descendant_of(org.south)
    assert list(Unit.objects.get(pk=org.team_a.pk).managers.all()) == [people["manager_of_unit"]]


def test_a_team_must_be_part_of_something_and_a_force_cannot_be(client_as, org):
    client = client_as("administrator")
    response = client.post(reverse("units:add"), {"name": "Loose team", "kind": UnitKind.TEAM, "code": "X"})
    assert response.status_code == 200
    assert "Choose the unit this one is part of." in response.content.decode()
    response = client.post(
        reverse("units:add"), {"name": "Nested force", "kind": UnitKind.FORCE, "code": "Y", "parent": org.north.pk}
    )
    assert response.status_code == 200
    assert not Unit.objects.filter(code__in=["X", "Y"]).exists()


def test_a_unit_cannot_be_moved_under_its_own_sub_unit(client_as, org):
    client = client_as("administrator")
    response = client.post(
        reverse("units:edit", args=[org.north.pk]),
        {"name": "North Command", "kind": UnitKind.COMMAND, "code": "N", "parent": org.team_a.pk},
    )
    assert response.status_code == 200
    org.north.refresh_from_db()
    assert org.north.get_parent() == org.force


def test_deleting_a_unit_with_people_explains_instead_of_failing(client_as, people, org):
    client = client_as("administrator")
    response = client.post(reverse("units:delete", args=[org.team_b.pk]), follow=True)
    assert response.status_code == 200
    assert "still has people or history in it" in response.content.decode()
    assert Unit.objects.filter(pk=org.team_b.pk).exists()


def test_unit_history_cannot_be_edited_by_anyone(client_as, people):
    client = client_as("administrator")
    membership = people["officer"].unit_memberships.get()
    assert client.get(reverse("unit_history:index")).status_code == 200
    assert client.get(reverse("unit_history:edit", args=[membership.pk])).status_code == 302
    assert client.post(reverse("unit_history:delete", args=[membership.pk])).status_code == 302
    assert membership.__class__.objects.filter(pk=membership.pk).exists()


def test_deleting_a_person_with_training_records_explains_and_keeps_everything(client_as, people):
    from django.utils import timezone

    from courses.factories import CoursePageFactory
    from courses.models import CourseCataloguePage, Enrolment

    course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"))
    Enrolment.objects.create(user=people["officer"], course=course, course_title="x", enrolled_at=timezone.now())
    client = client_as("administrator")
    response = client.post(reverse("wagtailusers_users:delete", args=[people["officer"].pk]), follow=True)
    assert response.status_code == 200
    assert "has training records, which are kept as evidence" in response.content.decode()
    assert User.objects.filter(pk=people["officer"].pk).exists()
    assert people["officer"].unit_memberships.exists()


def test_a_person_without_records_can_be_deleted(client_as, people):
    stranger = User.objects.create_user("stranger", password="x")
    response = client_as("administrator").post(reverse("wagtailusers_users:delete", args=[stranger.pk]))
    assert response.status_code == 302
    assert not User.objects.filter(pk=stranger.pk).exists()


def test_an_administrator_changing_someones_email_and_password_is_audited(client_as, people):
    from audit.models import Action, AuditEvent

    officer = people["officer"]
    client = client_as("administrator")
    page = client.get(reverse("wagtailusers_users:edit", args=[officer.pk]))
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "groups"}
    data.update(
        {
            "email": "new.address@example.police.uk",
            "password1": "another-long-enough-password",
            "password2": "another-long-enough-password",
            "groups": [group.pk for group in officer.groups.all()],
            "unit": officer.unit_id,
            "is_active": "on",
        }
    )
    data.pop("is_superuser", None)
    response = client.post(reverse("wagtailusers_users:edit", args=[officer.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    officer.refresh_from_db()
    assert officer.email == "new.address@example.police.uk"
    email = AuditEvent.objects.get(action=Action.EMAIL_CHANGED)
    assert (email.actor, email.subject) == (people["administrator"], officer)
    assert email.data["to"] == "new.address@example.police.uk"
    password = AuditEvent.objects.get(action=Action.PASSWORD_CHANGED)
    assert (password.actor, password.subject) == (people["administrator"], officer)
    assert "another-long-enough-password" not in str(password.data)


def test_an_edit_that_changes_neither_email_nor_password_records_neither(client_as, people):
    from audit.models import Action, AuditEvent

    officer = people["officer"]
    client = client_as("administrator")
    form = client.get(reverse("wagtailusers_users:edit", args=[officer.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "groups"}
    data.update({"groups": [g.pk for g in officer.groups.all()], "unit": officer.unit_id, "is_active": "on"})
    data.update({"first_name": "Alexandra", "password1": "", "password2": ""})
    data.pop("is_superuser", None)
    response = client.post(reverse("wagtailusers_users:edit", args=[officer.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert not AuditEvent.objects.filter(action__in=[Action.EMAIL_CHANGED, Action.PASSWORD_CHANGED]).exists()
