"""
The HR import's rules, without HTTP (accounts.importing): reading files of every kind, the
plan a dry run shows, applying it all or nothing, full and partial imports, movers' history
and their assignments, and the record of each run.
"""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts import importing
from accounts.factories import UserFactory
from accounts.importing.reading import read_rows
from accounts.models import ImportRun, Rank, Unit, UnitMembership, User
from audit.models import Action, AuditEvent
from compliance.factories import RequirementFactory, unit_target
from compliance.models import Assignment
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage

FIXTURES = Path(__file__).parent.parent / "fixtures" / "hr"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def plan_of(name: str, *, full=False, run_by=None):
    return importing.planning.plan_import(read_rows(fixture(name)), full=full, run_by=run_by)


def messages(plan) -> list[tuple[int, str]]:
    return [(error.row, error.message) for error in plan.errors]


# Reading: encodings and formats


@pytest.mark.parametrize("name", ["good.csv", "good-bom.csv", "good.xlsx"])
def test_utf8_with_or_without_bom_and_xlsx_read_the_same(org, name):
    rows = read_rows(fixture(name))
    assert [row.number for row in rows] == [2, 3, 4]
    assert rows[0].values["warrant_number"] == "9001"
    assert rows[0].values["first_name"] == "Priya"
    assert rows[1].values["line_manager_warrant_number"] == "9001"


def test_windows_1252_is_read_with_its_accents(org):
    rows = read_rows(fixture("windows-1252.csv"))
    assert rows[1].values["first_name"] == "Siobhán"
    assert rows[1].values["last_name"] == "Ó Briain"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing-columns.csv", "missing columns: staff_number, email, rank, unit_path"),
        ("wrong-columns.csv", "unknown columns: team"),
        ("bad-encoding.csv", "not UTF-8 or Windows-1252"),
        ("not-a-spreadsheet.png", "This is not a spreadsheet"),
        ("broken.xlsx", "This is not a readable XLSX workbook"),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(org, name, expected):
    with pytest.raises(importing.ImportFileError) as raised:
        read_rows(fixture(name))
    assert expected in str(raised.value)


def test_an_empty_file_says_it_is_empty(org):
    with pytest.raises(importing.ImportFileError, match="empty"):
        read_rows(b"")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(org, settings):
    settings.HR_IMPORT_MAX_MEGABYTES = 20
    big = fixture("good.csv") + b"9,S9,A,B,,PC,Test Constabulary,,\r\n" * (50 * 1024 * 1024 // 34)
    assert len(big) > 50 * 1024 * 1024
    with pytest.raises(importing.ImportFileError, match="the limit is 20 MB"):
        read_rows(big)
    result = importing.preview(content=big, file_name="big.csv", full=False, run_by=None)
    assert result.run.outcome == ImportRun.Outcome.INVALID_FILE
    assert User.objects.filter(warrant_number="9").count() == 0


# Row errors: each with its row number and a plain message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("duplicate-warrant.csv", [(3, "Warrant number 9001 is also on row 2.")]),
        (
            "unknown-rank.csv",
            [(3, "Unknown rank “Grand Vizier”. Use a rank's name or code, for example Police Constable or PC.")],
        ),
        ("unit-cycle.csv", [(2, "names the same unit twice: a unit cannot be inside itself")]),
        ("unit-orphan.csv", [(2, "does not start with the force, “Test Constabulary”")]),
        ("unit-empty-part.csv", [(2, "has an empty part")]),
        ("unknown-manager.csv", [(3, "The line manager NOBODY-1 is neither in the file nor on the platform.")]),
    ],
)
def test_each_bad_row_is_reported_with_its_number(org, name, expected):
    found = messages(plan_of(name))
    assert len(found) == len(expected), found
    for (row, message), (expected_row, expected_text) in zip(found, expected, strict=True):
        assert row == expected_row
        assert expected_text in message


def test_a_manager_already_on_the_platform_is_accepted(org):
    UserFactory(warrant_number="NOBODY-1", unit=org.team_a)
    assert messages(plan_of("unknown-manager.csv")) == []


def test_a_plan_with_row_errors_is_refused_whole(org):
    result = importing.run(content=fixture("one-bad-row.csv"), file_name="x.csv", full=False, dry_run=False)
    assert result.run.outcome == ImportRun.Outcome.ROW_ERRORS
    assert [error.row for error in result.plan.errors] == [3]
    assert not User.objects.filter(warrant_number__in=["9001", "9003"]).exists()
    assert not Unit.objects.filter(name="CID").exists()


# The plan and its application


def test_the_dry_run_lists_creations_units_and_writes_nothing(org):
    result = importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=True)
    plan = result.plan
    assert [person.key for person in plan.creates] == ["9001", "9002", "9003"]
    assert plan.units_to_create == ["Test Constabulary/North Command/CID"]
    assert plan.counts() == {
        "rows": 3,
        "create": 3,
        "update": 0,
        "move": 0,
        "deactivate": 0,
        "units_to_create": 1,
        "errors": 0,
    }
    assert not User.objects.filter(warrant_number="9001").exists()
    assert result.run.outcome == ImportRun.Outcome.PREVIEWED


def test_applying_creates_people_units_managers_and_history(org):
    result = importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    assert result.applied
    priya, tom, dana = (User.objects.get(warrant_number=number) for number in ("9001", "9002", "9003"))
    assert (priya.rank, priya.unit, priya.username) == (Rank.SERGEANT, org.team_a, "9001")
    assert tom.line_manager == priya
    assert dana.is_detective and dana.rank == Rank.POLICE_CONSTABLE
    cid = Unit.objects.get(name="CID")
    assert cid.get_parent() == org.north
    assert dana.unit == cid
    assert UnitMembership.objects.filter(user=dana, unit=cid, ended_at__isnull=True).exists()
    assert not priya.has_usable_password()
    # The import grants nothing: no staff status, no superuser, no roles.
    for person in (priya, tom, dana):
        assert not person.is_staff and not person.is_superuser
        assert not person.groups.exists()


def test_importing_the_same_file_again_changes_nothing(org):
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    plan = plan_of("good.csv")
    assert (plan.creates, plan.updates, plan.deactivations, plan.units_to_create) == ([], [], [], [])


def test_updates_are_shown_field_by_field_and_movers_keep_their_history(org):
    course = CoursePageFactory(parent=CourseCataloguePage.objects.get(slug="courses"), title="Team A safety")
    requirement = RequirementFactory(course=course, targets=[unit_target(org.team_a)])
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    tom = User.objects.get(warrant_number="9002")
    assert Assignment.objects.filter(user=tom, requirement=requirement, ended_on__isnull=True).exists()

    moved = fixture("good.csv").replace(
        b"9002,S9002,Tom,Baker,tom.baker@example.org,Police Constable,Test Constabulary/North Command/Team A",
        b"9002,S9002,Tom,Baker,tom.b@example.org,Sergeant,Test Constabulary/South Command/Team B",
    )
    plan = importing.planning.plan_import(read_rows(moved), full=False)
    [update] = plan.updates
    assert update.changes == {
        "email": ["tom.baker@example.org", "tom.b@example.org"],
        "rank": ["PC", "SGT"],
        "unit": ["Test Constabulary/North Command/Team A", "Test Constabulary/South Command/Team B"],
    }
    assert plan.moves == [update]

    importing.run(content=moved, file_name="moved.csv", full=False, dry_run=False)
    tom.refresh_from_db()
    assert tom.unit == org.team_b
    spells = list(UnitMembership.objects.filter(user=tom).order_by("started_at").values_list("unit", "ended_at"))
    assert [unit for unit, _ended in spells] == [org.team_a.pk, org.team_b.pk]
    assert spells[0][1] is not None and spells[1][1] is None
    # Re-synchronised in the same transaction: the Team A requirement's assignment ended.
    assert not Assignment.objects.filter(user=tom, requirement=requirement, ended_on__isnull=True).exists()
    assert Assignment.objects.filter(user=tom, requirement=requirement).exists()  # kept, ended


def test_a_partial_import_touches_only_its_rows(org, people):
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    only_priya = b"\r\n".join(fixture("good.csv").split(b"\r\n")[:2])
    plan = importing.planning.plan_import(read_rows(only_priya), full=False)
    assert plan.deactivations == []
    importing.run(content=only_priya, file_name="priya.csv", full=False, dry_run=False)
    assert User.objects.get(warrant_number="9002").is_active
    assert User.objects.get(pk=people["officer"].pk).is_active


def test_a_full_import_deactivates_those_missing_never_deletes_nor_the_importer(org, people):
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    only_priya = b"\r\n".join(fixture("good.csv").split(b"\r\n")[:2])
    admin = people["administrator"]
    admin.staff_number = "ADMIN-1"
    admin.save()
    result = importing.run(content=only_priya, file_name="priya.csv", full=True, dry_run=False, run_by=admin)
    gone = {person.key for person in result.plan.deactivations}
    assert {"9002", "9003", people["officer"].warrant_number} <= gone
    assert "ADMIN-1" not in gone  # not the person running it
    assert people["trainer"].warrant_number is None  # no HR numbers: not HR's to deactivate
    assert User.objects.get(pk=people["trainer"].pk).is_active
    tom = User.objects.get(warrant_number="9002")
    assert not tom.is_active  # deactivated, kept
    assert AuditEvent.objects.filter(action=Action.PERSON_DEACTIVATED, subject=tom).exists()
    assert User.objects.get(pk=admin.pk).is_active


def test_a_passed_leaving_date_deactivates_and_a_future_one_is_kept(org):
    today = datetime.date.today()
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    lines = fixture("good.csv").decode().split("\r\n")
    lines[1] = lines[1].rstrip(",") + f",,{(today - datetime.timedelta(days=1)).isoformat()}"
    lines[2] = lines[2] + (today + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    result = importing.run(content="\r\n".join(lines).encode(), file_name="x.csv", full=False, dry_run=False)
    assert [person.key for person in result.plan.deactivations] == ["9001"]
    priya, tom = User.objects.get(warrant_number="9001"), User.objects.get(warrant_number="9002")
    assert not priya.is_active and tom.is_active
    assert tom.leaving_date == today + datetime.timedelta(days=30)


def test_the_import_never_reactivates_anyone(org):
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    User.objects.filter(warrant_number="9001").update(is_active=False)
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    assert not User.objects.get(warrant_number="9001").is_active


# Preview and confirmation


def test_confirm_applies_exactly_the_preview(org, people):
    admin = people["administrator"]
    preview = importing.preview(content=fixture("good.csv"), file_name="good.csv", full=False, run_by=admin)
    assert preview.run.outcome == ImportRun.Outcome.PREVIEWED and preview.run.stored_file
    assert not User.objects.filter(warrant_number="9001").exists()
    result = importing.confirm(run_id=preview.run.pk, run_by=admin)
    assert result.applied
    assert User.objects.filter(warrant_number__in=["9001", "9002", "9003"]).count() == 3
    with pytest.raises(ImportRun.DoesNotExist):  # a run is confirmed once
        importing.confirm(run_id=preview.run.pk, run_by=admin)


def test_confirm_refuses_when_the_platform_changed_since_the_preview(org, people):
    admin = people["administrator"]
    importing.run(content=fixture("good.csv"), file_name="good.csv", full=False, dry_run=False)
    changed = fixture("good.csv").replace(b"Sergeant", b"Inspector")
    preview = importing.preview(content=changed, file_name="x.csv", full=False, run_by=admin)
    User.objects.filter(warrant_number="9001").update(first_name="Priyanka")  # someone edits meanwhile
    result = importing.confirm(run_id=preview.run.pk, run_by=admin)
    assert result.run.outcome == ImportRun.Outcome.STALE
    assert "changed after the preview" in result.file_error
    assert User.objects.get(warrant_number="9001").rank == Rank.SERGEANT


def test_confirm_refuses_when_the_stored_file_was_altered(org, people):
    from core.storage import private_storage

    admin = people["administrator"]
    # A file of this test's own: the stored file is named by its hash, shared by identical uploads.
    content = fixture("good.csv").replace(b"Priya", b"Priyanka")
    preview = importing.preview(content=content, file_name="good.csv", full=False, run_by=admin)
    private_storage.delete(preview.run.stored_file)
    private_storage.save(preview.run.stored_file, __import__("io").BytesIO(fixture("duplicate-warrant.csv")))
    result = importing.confirm(run_id=preview.run.pk, run_by=admin)
    assert result.run.outcome == ImportRun.Outcome.STALE
    assert not User.objects.filter(warrant_number="9001").exists()


def test_only_the_person_who_previewed_may_confirm(org, people):
    preview = importing.preview(
        content=fixture("good.csv"), file_name="good.csv", full=False, run_by=people["administrator"]
    )
    with pytest.raises(ImportRun.DoesNotExist):
        importing.confirm(run_id=preview.run.pk, run_by=people["manager_of_unit"])


def test_each_run_is_recorded_and_audited(org, people):
    importing.run(content=fixture("one-bad-row.csv"), file_name="bad.csv", full=False, dry_run=True)
    run = ImportRun.objects.get()
    assert (run.source, run.outcome, run.counts["errors"]) == ("command", "row_errors", 1)
    assert run.errors[0]["row"] == 3
    event = AuditEvent.objects.get(action=Action.HR_IMPORT_RUN)
    assert event.data["outcome"] == "row_errors" and event.target == f"import:{run.pk}"


# The command


def run_command(*args):
    with pytest.raises(SystemExit) as raised:
        call_command("import_people", *args)
    return raised.value.code


def test_the_command_exit_codes(org, tmp_path, capsys):
    assert run_command(str(FIXTURES / "not-a-spreadsheet.png")) == 2
    assert "Invalid file: This is not a spreadsheet" in capsys.readouterr().err
    assert run_command(str(tmp_path / "missing.csv")) == 2
    assert run_command(str(FIXTURES / "one-bad-row.csv")) == 3
    assert "Row 3: Unknown rank" in capsys.readouterr().out
    call_command("import_people", str(FIXTURES / "good.csv"), "--dry-run")
    out = capsys.readouterr().out
    assert "3 rows: 3 to create" in out and "Dry run: nothing was written" in out
    assert not User.objects.filter(warrant_number="9001").exists()
    call_command("import_people", str(FIXTURES / "good.xlsx"))
    assert User.objects.filter(warrant_number__in=["9001", "9002", "9003"]).count() == 3
    assert list(ImportRun.objects.order_by("pk").values_list("outcome", flat=True)) == [
        "invalid_file",
        "row_errors",
        "previewed",
        "applied",
    ]
