"""An officer completes a course, downloads the certificate from My learning and verifies it publicly."""

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import Certificate
from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage


def test_officer_completes_a_course_downloads_the_certificate_and_verifies_it(journey, demo):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Certificates in practice", slug="certificates-in-practice")
    ModulePageFactory(parent=course, title="The one module", slug="the-one-module")

    page = journey.sign_in("officer2")
    journey.goto(course.url)
    journey.press_enter(page.get_by_role("button", name=re.compile("Enrol")))
    expect(page.get_by_role("heading", level=1)).to_have_text("The one module")
    journey.press_enter(page.get_by_role("button", name="I have read and understood this module"))

    journey.goto("/")
    expect(page.get_by_role("heading", name="Your certificates")).to_be_visible()
    certificate = Certificate.objects.get(user__username="officer2", course_title="Certificates in practice")
    link = page.locator(f'a[href="/certificates/{certificate.pk}/download/"]')
    expect(link).to_contain_text("Download certificate")
    with page.expect_download() as download:
        link.click()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages)
    assert "Sam Patel" in text and "Certificates in practice" in text
    code = re.search(r"Verification code: (\w{4}-\w{4}-\w{4})", text).group(1)
    assert code == certificate.display_code

    journey.goto("/certificates/verify/")
    page.get_by_label("Verification code").fill(code.lower())
    journey.press_enter(page.get_by_role("button", name="Check the certificate"))
    expect(page.get_by_role("heading", name="This certificate is valid")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("S. Patel")

    # An unknown code: a clear "not found", in the site's own style.
    journey.goto("/certificates/verify/0000-0000-0000/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificate not found")
