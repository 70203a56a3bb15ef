"""
An administrator imports the demo's sample HR file in the Wagtail admin: the file with one bad
row is refused with that row's error, the fixed file's dry run shows what would change, and
confirming applies it: the joiners exist, the mover is in the new unit, and the run is listed.
Buttons are pressed with the keyboard (a file chooser is the browser's own); axe on every page.
"""

from pathlib import Path

from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import ImportRun, User

SAMPLES = Path(__file__).resolve().parents[2] / "demo" / "hr"


def preview(journey, name: str):
    page = journey.page
    page.get_by_label("HR export").set_input_files(str(SAMPLES / name))
    return journey.press_enter(page.get_by_role("button", name="Preview the import"))


def test_administrator_fixes_a_bad_row_and_applies_the_import(journey, demo):
    page = journey.sign_in_to_admin("admin")
    journey.goto(reverse("hr_import:index"))
    expect(page.get_by_role("heading", name="Upload an HR export")).to_be_visible()

    # The file with a mistake: row 5's rank is refused, nothing can be imported.
    preview(journey, "sample-people.csv")
    expect(page.get_by_text("Some rows have errors, so nothing can be imported yet.")).to_be_visible()
    errors = page.locator("section[aria-labelledby=hr-import-errors] tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first.locator("td").first).to_have_text("5")
    expect(errors.first).to_contain_text("Constable")
    assert not User.objects.filter(staff_number="100610").exists()

    # The fixed file: the dry run, and nothing changed yet.
    preview(journey, "sample-people-fixed.csv")
    expect(page.get_by_role("heading", name="Confirm the HR import")).to_be_visible()
    summary = page.locator("section[aria-labelledby=hr-import-summary]")
    expect(summary).to_contain_text("People to create: 4")
    expect(summary).to_contain_text("People moving unit: 1")
    expect(summary).to_contain_text("Units to create: 1")
    expect(page.locator("section[aria-labelledby=hr-import-moves]")).to_contain_text("South West Custody")
    expect(page.get_by_text("This preview expires at")).to_be_visible()
    assert not User.objects.filter(staff_number="100610").exists()

    # Confirming applies it, all at once.
    journey.press_enter(page.get_by_role("button", name="Apply the import"))
    expect(page.get_by_text("HR import applied: 4 created")).to_be_visible()
    assert ImportRun.objects.filter(outcome=ImportRun.Outcome.APPLIED).count() == 1
    joiners = User.objects.filter(staff_number__in=["100610", "100611", "100612", "100613"])
    assert joiners.count() == 4 and not any(person.has_usable_password() for person in joiners)
    assert User.objects.get(staff_number="100610").unit.name == "Hackney Central Safer Neighbourhood Team"
    assert User.objects.get(staff_number="100583").unit.name == "South West Custody"

    # The people are in the admin: a joiner, and the mover in the new unit.
    journey.goto("/admin/users/?q=Levy")
    expect(page.locator("main")).to_contain_text("Hannah Levy")
    journey.goto("/admin/users/?q=Patel")
    expect(page.locator("main")).to_contain_text("Sam Patel")
    journey.goto(reverse("hr_imports:index"))
    expect(page.locator("table.listing tbody tr").first).to_contain_text("sample-people-fixed.csv")
