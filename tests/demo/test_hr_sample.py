"""The sample HR export shipped for the demo (demo/hr/): one bad row, and its fixed version."""

from pathlib import Path

from accounts import importing
from accounts.models import User
from demo.compliance import load_crowd
from demo.organisation import load_people, load_units

SAMPLES = Path(__file__).resolve().parents[2] / "demo" / "hr"


def test_the_sample_has_one_bad_row_and_the_fixed_file_applies(db):
    units = load_units()
    load_people(units, password="demo-password-123")
    # The demo's crowd of officers too (warrants from 6100): the sample's joiners must not be any of them.
    load_crowd(units, password="demo-password-123")
    bad = importing.run(
        content=(SAMPLES / "sample-people.csv").read_bytes(), file_name="sample.csv", full=False, dry_run=True
    )
    assert [(error.row, error.message[:25]) for error in bad.plan.errors] == [(5, "Unknown rank “Constable”.")]

    fixed = importing.run(
        content=(SAMPLES / "sample-people-fixed.csv").read_bytes(), file_name="fixed.csv", full=False, dry_run=False
    )
    counts = fixed.plan.counts()
    assert (counts["create"], counts["update"], counts["move"], counts["units_to_create"]) == (4, 1, 1, 1)
    assert User.objects.get(warrant_number="5832").unit.name == "South West Custody"
    assert User.objects.get(warrant_number="7102").line_manager.warrant_number == "2210"
