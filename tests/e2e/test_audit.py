"""An administrator reads the audit trail and makes a subject-access export, with axe on every page."""

import io
import zipfile
from pathlib import Path

from playwright.sync_api import expect


def test_administrator_finds_who_viewed_a_record_and_exports_everything_about_an_officer(journey, demo):
    # A sergeant looks at an officer's record of learning...
    page = journey.sign_in_to_admin("sergeant")
    journey.goto("/admin/reports/compliance/officers/")
    journey.submit(page.locator("table.listing tbody tr").first.get_by_role("link").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record of learning")
    page.context.clear_cookies()

    # ...and the administrator sees it in the audit trail.
    page = journey.sign_in_to_admin("admin")
    journey.goto("/admin/reports/audit/?action=record.transcript_viewed")
    expect(page.get_by_role("heading", name="Audit trail")).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows.first).to_contain_text("Transcript viewed")
    expect(rows.first).to_contain_text("Jo Clarke")

    # Subject access: a person nobody has is a clear error; a real one downloads the ZIP.
    journey.goto("/admin/privacy/subject-access/")
    page.get_by_label("Person").fill("nobody-by-this-name")
    journey.submit(page.get_by_role("button", name="Download the ZIP"))
    expect(page.get_by_text("Nobody has that username, number or email address.")).to_be_visible()
    page.get_by_label("Person").fill("4721")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the ZIP").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert "quiz_attempts.csv" in archive.namelist()
    assert b"Morgan" in archive.read("profile.csv")
