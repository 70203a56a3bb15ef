import pytest
from django.core.management import CommandError, call_command

from accounts.models import Unit, UnitMembership, User
from accounts.selectors import units_managed_by
from demo.management.commands.load_demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("load_demo")
    assert not User.objects.filter(username="officer").exists()


def test_load_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (User.objects.count(), Unit.objects.count(), UnitMembership.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), Unit.objects.count(), UnitMembership.objects.count()) == counts


def test_demo_force_people_and_management(settings):
    settings.DEBUG = True
    call_command("load_demo")

    assert Unit.objects.get(code="EPS").name == "Example Police Service"
    assert Unit.objects.filter(kind="command").count() == 2
    assert Unit.objects.filter(name__icontains="Stamford Hill Safer Neighbourhood").exists()
    assert Unit.objects.filter(name__icontains="Response Team").exists()

    officer, officer2 = User.objects.get(username="officer"), User.objects.get(username="officer2")
    assert officer.unit != officer2.unit
    assert officer.check_password(DEMO_PASSWORD)
    assert not officer.has_perm("wagtailadmin.access_admin")

    sergeant, inspector = User.objects.get(username="sergeant"), User.objects.get(username="inspector")
    assert set(units_managed_by(sergeant)) == {officer.unit}
    assert officer.unit in units_managed_by(inspector)
    assert officer2.unit not in units_managed_by(inspector)
    assert User.objects.get(username="trainer").groups.filter(name="Trainer").exists()
    assert User.objects.get(username="admin").has_perm("accounts.change_unit")
