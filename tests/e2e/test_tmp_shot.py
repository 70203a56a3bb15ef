def test_shot(journey, demo):
    page = journey.sign_in_to_admin("inspector")
    journey.goto("/admin/reports/compliance/overdue/")
    page.screenshot(path="/tmp/overdue1280.png", full_page=False)
    journey.goto("/admin/reports/compliance/")
    page.screenshot(path="/tmp/summary1280.png", full_page=False)


def test_shot_phone(phone_journey, demo):
    page = phone_journey.sign_in_to_admin("sergeant")
    phone_journey.goto("/admin/reports/compliance/overdue/")
    page.screenshot(path="/tmp/overdue360.png", full_page=False)
    phone_journey.goto("/admin/reports/compliance/")
    page.screenshot(path="/tmp/summary360.png", full_page=True)
    phone_journey.goto("/admin/exemptions/")
    page.screenshot(path="/tmp/exemptions360.png", full_page=True)
