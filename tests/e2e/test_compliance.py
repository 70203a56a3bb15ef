"""Managers' compliance journeys in the admin, with axe on every page; officers kept out."""

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect

REPORT_URLS = [
    "/admin/reports/compliance/",
    "/admin/reports/compliance/officers/",
    "/admin/reports/compliance/overdue/",
    "/admin/reports/compliance/expiring/",
    "/admin/reports/compliance/charts/",
]


def test_sergeant_finds_who_is_overdue_drills_into_an_officer_and_exports_csv(journey, demo):
    page = journey.sign_in_to_admin("sergeant")
    # The dashboard answers at a glance.
    expect(page.get_by_role("heading", name="Training in your units")).to_be_visible()
    journey.submit(page.get_by_role("link", name="compliant"))
    expect(page.get_by_role("heading", name="Compliance summary")).to_be_visible()
    table = page.get_by_role("table", name="Compliance by unit and course")
    expect(table.get_by_role("rowheader")).to_have_text(["Stamford Hill Safer Neighbourhood Team"])

    # Who in the team is overdue on hate crime training?
    hate_crime_column = table.get_by_role("columnheader").nth(2)
    expect(hate_crime_column).to_have_text("Hate crime: recognise, record, support")
    journey.submit(table.get_by_role("row").nth(1).get_by_role("cell").nth(1).get_by_role("link", name="overdue"))
    rows = page.locator("table.listing tbody tr")
    expect(rows.first).to_contain_text(re.compile("Overdue|Expired"))
    overdue_count = rows.count()
    assert overdue_count >= 1

    # Drill into one overdue officer's record of learning.
    name = rows.first.locator("td").nth(1).inner_text().strip()
    journey.submit(rows.first.get_by_role("link").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record of learning")
    expect(page.get_by_text(name.split(" (")[0]).first).to_be_visible()

    # Export the overdue list as CSV.
    journey.goto("/admin/reports/compliance/overdue/")
    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    body = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:2] == ["Warrant number", "Name"]
    assert all(row[3] == "Stamford Hill Safer Neighbourhood Team" for row in rows[1:])
    assert {row[5] for row in rows[1:]} <= {"Overdue", "Expired"}

    # And who expires this month?
    journey.goto("/admin/reports/compliance/expiring/")
    expect(page.locator("table.listing tbody tr").first).to_contain_text("expiring")


def test_inspector_sees_the_whole_command_and_its_charts(journey, demo):
    page = journey.sign_in_to_admin("inspector")
    journey.goto("/admin/reports/compliance/")
    table = page.get_by_role("table", name="Compliance by unit and course")
    expect(table.get_by_role("rowheader")).to_have_text(
        [
            "North East Command",
            "North East CID",
            "North East Response Team 1",
            "Stamford Hill Safer Neighbourhood Team",
        ]
    )
    journey.goto("/admin/reports/compliance/charts/")
    expect(
        page.get_by_role(
            "img", name="Share of people compliant in each unit; the same figures are in the table below."
        )
    ).to_be_visible()
    expect(page.get_by_role("table", name="Compliance at the end of each month").get_by_role("row")).to_have_count(13)
    journey.goto("/admin/reports/compliance/officers/")
    expect(page.get_by_text("South West")).to_have_count(0)


def test_an_officer_cannot_reach_any_report(journey, demo):
    page = journey.sign_in("officer")
    for url in REPORT_URLS:
        page.goto(journey.base_url + url)
        journey.check()
        # Sent to My learning, told who the admin is for (accounts.views.admin_sign_in).
        assert page.url == journey.base_url + "/"
        expect(page.get_by_text("The admin is for trainers and managers")).to_be_visible()
        expect(page.get_by_role("heading", name="Compliance summary")).to_have_count(0)
    # Their own record of learning, on the officer site, instead.
    journey.goto("/record/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your record of learning")


def test_lead_gets_a_big_xlsx_prepared_in_the_background_and_a_bad_cursor_gets_a_clear_page(journey, demo, settings):
    settings.COMPLIANCE_XLSX_SYNC_MAX_ROWS = 2  # the demo's force-wide list is far longer
    page = journey.sign_in_to_admin("lead")
    journey.goto("/admin/reports/compliance/exports/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your exports")

    # Asking for the XLSX queues a job and lands on "Your exports", where the file is ready
    # (tests run tasks at once) and downloads as a workbook.
    journey.goto("/admin/reports/compliance/officers/?export=xlsx")
    expect(page).to_have_url(re.compile("/admin/reports/compliance/exports/"))
    journey.check()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download")).first.click()
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"  # an XLSX is a zip

    # An edited cursor gets a page that says so, with a way back, never a server error.
    journey.goto("/admin/reports/compliance/officers/?after=not-a-cursor")
    expect(page.get_by_role("link", name=re.compile("first page", re.IGNORECASE))).to_be_visible()
