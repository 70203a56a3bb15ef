"""The demo's festival refreshers: on the Judaism guide, pointing to its festivals module, in the schedule."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from notifications.models import FestivalRefresher

pytestmark = pytest.mark.django_db


def test_demo_refreshers_are_on_the_judaism_guide_and_in_the_schedule(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - idempotent
    refreshers = FestivalRefresher.objects.select_related("course", "module")
    assert sorted(r.festival_label for r in refreshers) == [
        "Chanukah",
        "Pesach (Passover)",
        "Rosh Hashanah (New Year)",
    ]
    assert {(r.course.slug, r.module.slug) for r in refreshers} == {("guide-to-judaism", "shabbat-and-festivals")}
    from accounts.models import User

    client.force_login(User.objects.filter(groups__name="Trainer").first())
    page = client.get(reverse("refresher_reports:schedule")).content.decode()
    for label in ("Chanukah", "Pesach (Passover)", "Rosh Hashanah (New Year)"):
        assert label in page
