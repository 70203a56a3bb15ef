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

    # Each status is a tag that says it; the name cell holds the name alone.
    expect(rows.first.locator(".app-tag")).to_have_text(re.compile("^(Overdue|Expired)$"))
    expect(rows.first.locator("td[data-label='Days overdue']")).to_have_text(re.compile(r"^\d+ days?$"))

    # Drill into one overdue officer's record of learning.
    name = rows.first.locator("td.app-name").inner_text().strip()
    assert "(" not in name and not name.startswith(("Police Constable", "Sergeant"))
    journey.submit(rows.first.get_by_role("link").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record of learning")
    expect(page.get_by_text(name).first).to_be_visible()

    # Export the overdue list as CSV, from the link beside the results.
    journey.goto("/admin/reports/compliance/overdue/")
    with page.expect_download() as download:
        page.locator(".app-export-links").get_by_role("link", name="Download CSV").click()
    assert re.fullmatch(
        r"overdue-training-stamford-hill-safer-neighbourhood-team-\d{4}-\d{2}-\d{2}\.csv",
        download.value.suggested_filename,
    )
    body = Path(download.value.path()).read_text(encoding="utf-8")
    lines = list(csv.reader(io.StringIO(body)))
    assert lines[0] == ["Report", "Overdue and expired"]
    assert lines[1][0] == "Exported by" and lines[1][1].endswith("(sergeant)")
    assert lines[3] == ["Filters", "None"]
    rows = lines[5:]
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


MANAGER_LISTS = [
    "/admin/reports/compliance/overdue/",
    "/admin/reports/compliance/expiring/",
    "/admin/reports/compliance/officers/",
    "/admin/reports/compliance/officers/?status=overdue&status=expired&status=due_soon",
]


def assert_fits_the_screen(page):
    """No sideways scrolling of the page itself."""
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width} px wide in a {inner} px window"


def assert_names_read_well(page):
    """Every name cell is wide enough to read: at least 100 px, the name on no more than two lines."""
    cells = page.locator("table.listing tbody td.app-name")
    assert cells.count() >= 1, page.url
    for index in range(min(cells.count(), 10)):
        cell = cells.nth(index)
        width = cell.bounding_box()["width"]
        lines = cell.locator("a").evaluate("a => a.getClientRects().length")  # one box per line of text
        assert width >= 100, (page.url, width)
        assert 1 <= lines <= 2, (page.url, lines)


def check_manager_pages(journey, page):
    for url in MANAGER_LISTS:
        journey.goto(url)
        assert_fits_the_screen(page)
        assert_names_read_well(page)
        row = page.locator("table.listing tbody tr").first
        # Name, course, status and due date all shown in the row, each readable.
        for label in ("Course", "Status", "Due"):
            cell = row.locator(f"td[data-label='{label}']")
            if cell.count():
                expect(cell).to_be_visible()
        expect(row.locator(".app-tag")).to_be_visible()
        # The downloads are on the page, beside the results, not only in a menu.
        links = page.locator(".app-export-links")
        expect(links.get_by_role("link", name="Download CSV")).to_be_visible()
        expect(links.get_by_role("link", name="Download XLSX")).to_be_visible()
    # The drill-down: one officer's record.
    journey.goto(MANAGER_LISTS[0])
    journey.submit(page.locator("table.listing tbody td.app-name a").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record of learning")
    assert_fits_the_screen(page)


def test_a_sergeant_answers_who_is_overdue_and_since_when_on_a_360px_phone(phone_journey, demo):
    page = phone_journey.sign_in_to_admin("sergeant")
    check_manager_pages(phone_journey, page)
    # Stacked: the row's values sit one under the other, each under its heading.
    phone_journey.goto("/admin/reports/compliance/overdue/")
    row = page.locator("table.listing tbody tr").first
    name_box = row.locator("td.app-name").bounding_box()
    due_box = row.locator("td[data-label='Due']").bounding_box()
    assert due_box["y"] > name_box["y"] and name_box["width"] > 250
    expect(row.locator("td[data-label='Days overdue']")).to_be_visible()

    # The summary reads course by course: one table a course, every figure on screen.
    phone_journey.goto("/admin/reports/compliance/")
    assert_fits_the_screen(page)
    expect(page.get_by_role("table", name="Compliance by unit and course")).to_have_count(0)
    course = page.get_by_role("table", name="Compliance by unit: Hate crime: recognise, record, support")
    expect(course).to_be_visible()
    figure = course.locator(".app-tag").first
    expect(figure).to_have_text(re.compile(r"^\d+\s%"))
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    expect(page.get_by_text(re.compile("green: 95 % or more"))).to_be_visible()


def test_the_manager_lists_and_the_summary_at_1280px(journey, demo):
    page = journey.sign_in_to_admin("inspector")
    check_manager_pages(journey, page)
    journey.goto("/admin/reports/compliance/")
    assert_fits_the_screen(page)
    table = page.get_by_role("table", name="Compliance by unit and course")
    expect(table).to_be_visible()
    # Red, amber or green with the figure in words, and a legend that states the thresholds.
    tag = table.locator(".app-tag").first
    expect(tag).to_have_text(re.compile(r"^\d+\s%\s+compliant, (red|amber|green)$"))
    assert re.search(r"app-tag--(red|amber|green)", tag.get_attribute("class"))
    expect(page.get_by_text(re.compile("amber: 80 % to under 95 %"))).to_be_visible()
    expect(page.locator(".app-export-links").get_by_role("link", name="Download XLSX")).to_be_visible()


def test_exemption_dates_are_dates_not_times_ago(journey, demo):
    page = journey.sign_in_to_admin("lead")
    journey.goto("/admin/exemptions/")
    rows = page.locator("table.listing tbody tr")
    assert rows.count() >= 1
    for index in range(rows.count()):
        for cell in rows.nth(index).locator("td").all_inner_texts():
            assert not re.search(r"ago|Just now|from now", cell), cell
    date = re.compile(
        r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$"
    )
    texts = [text.strip() for text in page.locator("table.listing tbody td").all_inner_texts()]
    assert any(date.match(text) for text in texts), texts
