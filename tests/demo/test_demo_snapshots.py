"""The demo's two month-end compliance snapshots, and the reports that read them."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from compliance.models import ComplianceSnapshot
from compliance.selectors import month_ends

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_monthly_snapshots_to_compare(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent: the month ends already taken are left alone
    days = month_ends(timezone.localdate(), 3)[:-1]
    snapshots = list(ComplianceSnapshot.objects.order_by("day"))
    assert [snapshot.day for snapshot in snapshots] == days
    assert all(snapshot.figures.exists() for snapshot in snapshots)
    client.force_login(User.objects.get(username="admin"))
    response = client.get(reverse("compliance_reports:snapshot_compare"))
    assert response.status_code == 200
    assert f"{days[0]:%d %B %Y}" in response.content.decode()
