"""
Snapshots are never changed or deleted: every ORM path refuses (``SnapshotIsFrozen``), the
admin offers no way, and the database triggers (migration 0009_snapshot_guard) refuse raw
SQL on PostgreSQL and SQLite. Deleting a unit only clears the figures' link to it.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from compliance import services
from compliance.models import ComplianceSnapshot, ComplianceSnapshotFigure, SnapshotIsFrozen

pytestmark = pytest.mark.django_db
day = datetime.timedelta(days=1)


@pytest.fixture
def snapshot(required):
    return services.take_snapshot(day=timezone.localdate() - day)


def refused_by_the_database(sql: str, params=()):
    with (
        pytest.raises(IntegrityError, match="never changed or deleted"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def test_every_orm_path_refuses(snapshot):
    figure = snapshot.figures.first()
    attempts = {
        "save": lambda: (setattr(figure, "total", 99), figure.save()),
        "save(update_fields)": lambda: figure.save(update_fields=["total"]),
        "delete": figure.delete,
        "snapshot.save": snapshot.save,
        "snapshot.delete": snapshot.delete,
        "update": lambda: ComplianceSnapshotFigure.objects.update(total=0),
        "queryset delete": lambda: ComplianceSnapshotFigure.objects.filter(pk=figure.pk).delete(),
        "bulk_update": lambda: ComplianceSnapshotFigure.objects.bulk_update([figure], ["total"]),
        "related manager update": lambda: snapshot.figures.update(total=0),
        "related manager delete": lambda: snapshot.figures.all().delete(),
        "update_or_create": lambda: ComplianceSnapshot.objects.update_or_create(
            day=snapshot.day, defaults={"due_soon_days": 1}
        ),
        "upsert": lambda: ComplianceSnapshot.objects.bulk_create(
            [ComplianceSnapshot(day=snapshot.day, due_soon_days=1, expiring_days=1)],
            update_conflicts=True,
            unique_fields=["day"],
            update_fields=["due_soon_days"],
        ),
    }
    for name, attempt in attempts.items():
        with pytest.raises(SnapshotIsFrozen), transaction.atomic():
            attempt()
            pytest.fail(f"{name} was allowed")
    figure.refresh_from_db()
    assert figure.total != 99
    assert ComplianceSnapshot.objects.get().due_soon_days == snapshot.due_soon_days


def test_django_internals_that_bypass_the_queryset_are_refused_by_the_database(snapshot):
    figure = snapshot.figures.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ComplianceSnapshotFigure._base_manager.filter(pk=figure.pk).update(total=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        ComplianceSnapshot._base_manager.filter(pk=snapshot.pk)._raw_delete(connection.alias)
    # An instance passed off as new, saved over the old row: Django tries an UPDATE first.
    figure._state.adding = True
    figure.total = 99
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()
    assert ComplianceSnapshotFigure.objects.get(pk=figure.pk).total != 99


def test_raw_sql_cannot_change_or_delete_either_table(snapshot):
    figure = snapshot.figures.first()
    refused_by_the_database("UPDATE compliance_compliancesnapshotfigure SET total = 0 WHERE id = %s", [figure.pk])
    refused_by_the_database("DELETE FROM compliance_compliancesnapshotfigure")
    refused_by_the_database("UPDATE compliance_compliancesnapshot SET due_soon_days = 1")
    refused_by_the_database("DELETE FROM compliance_compliancesnapshot")
    # Clearing the unit together with anything else is an edit, refused.
    refused_by_the_database(
        "UPDATE compliance_compliancesnapshotfigure SET unit_id = NULL, unit_name = 'x' WHERE id = %s", [figure.pk]
    )
    if connection.vendor == "postgresql":
        # (The test's transaction has deferred foreign-key checks pending, which TRUNCATE refuses on its own.)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        refused_by_the_database("TRUNCATE compliance_compliancesnapshotfigure, compliance_compliancesnapshot")
    assert ComplianceSnapshotFigure.objects.filter(snapshot=snapshot).count() == snapshot.figures.count() > 0


def test_deleting_a_unit_only_clears_the_figures_link_and_keeps_its_name(org, hate_crime):
    from accounts.factories import UnitFactory

    disbanded = UnitFactory(parent=org.south, name="Disbanded team", code="S-X")
    snapshot = ComplianceSnapshot.objects.create(day=datetime.date(2020, 1, 31), due_soon_days=30, expiring_days=30)
    figure = ComplianceSnapshotFigure.objects.create(
        snapshot=snapshot,
        unit=disbanded,
        unit_path=disbanded.path,
        unit_name=disbanded.name,
        course=hate_crime,
        rank="PC",
        total=7,
        compliant=3,
        overdue=4,
        expiring=0,
        due_soon=0,
    )
    disbanded.delete()
    figure = ComplianceSnapshotFigure.objects.get(pk=figure.pk)
    assert (figure.unit_id, figure.unit_name, figure.unit_path, figure.total) == (
        None,
        "Disbanded team",
        figure.unit_path,
        7,
    )
    assert figure.unit_path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_manage_py_flush_is_the_one_way_to_empty_them_and_the_guard_holds_again_after(snapshot):
    # Committed rows, flushed as Django's test runner does between browser tests (the
    # teardown flushes again, with the snapshot made below in the table). With the runner's
    # options: post_migrate would make new content types, and reset sequences (PostgreSQL)
    # would hand out ids again, that the next test's restored database then collides with.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
    assert not ComplianceSnapshot.objects.exists()
    ComplianceSnapshot.objects.create(day=datetime.date(2020, 1, 31), due_soon_days=1, expiring_days=1)
    refused_by_the_database("DELETE FROM compliance_compliancesnapshot")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/compliance/compliancesnapshot/",
        "/admin/snippets/compliance/compliancesnapshot/delete/{pk}/",
        "/admin/snippets/compliance/compliancesnapshotfigure/delete/{pk}/",
        "/admin/compliance/compliancesnapshot/{pk}/delete/",
        "/admin/compliance/compliancesnapshot/{pk}/",
        "/django-admin/compliance/compliancesnapshot/{pk}/delete/",
    ],
)
def test_the_admin_has_no_edit_or_delete_view(client_as, snapshot, url):
    client = client_as("administrator")
    url = url.format(pk=snapshot.pk)
    for method in (client.get, client.post, client.delete):
        assert method(url).status_code == 404
    assert ComplianceSnapshot.objects.filter(pk=snapshot.pk).exists()


def test_the_snapshot_reports_accept_no_writes(client_as, snapshot):
    from django.urls import reverse

    client = client_as("administrator")
    for url in (
        reverse("compliance_reports:snapshots"),
        reverse("compliance_reports:snapshot", args=[snapshot.pk]),
        reverse("compliance_reports:snapshot_compare"),
    ):
        assert client.post(url).status_code == 405
        assert client.delete(url).status_code == 405
    assert ComplianceSnapshot.objects.filter(pk=snapshot.pk).exists()
