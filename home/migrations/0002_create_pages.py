"""
Replace Wagtail's placeholder page with the officer home page, add the accessibility
statement (public sector bodies must publish one) and point the default site at them.
"""

import datetime

from django.db import migrations

ACCESSIBILITY_STATEMENT = """
<p>This statement applies to the police training platform: the pages officers use to take
courses and assessments. The organisation running it wants as many people as possible to
be able to use it. That means you should be able to:</p>
<ul>
<li>change colours, contrast levels and fonts using your browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>navigate every page, including assessments, using just a keyboard</li>
<li>navigate most of the platform using speech recognition software</li>
<li>listen to the platform using a screen reader</li>
</ul>
<h2>How accessible this platform is</h2>
<p>The officer-facing pages are built with GOV.UK Frontend, a design system tested with
assistive technologies. Every page that the automated browser tests visit is checked
against the Web Content Accessibility Guidelines (WCAG) 2.2 level A and AA rules that can be
tested automatically, and the tests fail if any rule is broken.</p>
<p>Some training content is written by trainers and community partners. Images need
alternative text and videos need a transcript before they can be published.</p>
<h2>Feedback and contact information</h2>
<p>If you need information on this platform in a different format, such as large print,
an accessible PDF or a read-aloud version, or you find a problem not listed here,
contact your force's training team. We aim to reply within 5 working days.</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
If you are not happy with how we respond to your complaint, contact the Equality Advisory
and Support Service (EASS).</p>
<h2>Compliance status</h2>
<p>This platform aims to be fully compliant with the Web Content Accessibility Guidelines
version 2.2 AA standard. Automated checks cannot find every problem: a manual audit by an
accessibility specialist should be done before the platform goes live in a force, and the
results recorded here.</p>
<h2>Preparation of this statement</h2>
<p>This statement was prepared on 23 November 2026. It must be reviewed at least once a
year and after any significant change to the platform.</p>
"""


def create_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")
    InformationPage = apps.get_model("home", "InformationPage")
    PlatformSettings = apps.get_model("home", "PlatformSettings")

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Site.objects.filter(root_page__content_type=page_type, root_page__depth=2).delete()
    Page.objects.filter(content_type=page_type, depth=2, slug="home").delete()

    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="My learning",
        draft_title="My learning",
        slug="home",
        content_type=ContentType.objects.get_or_create(app_label="home", model="homepage")[0],
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/home/",
        locale=locale,
        introduction="Short courses you can take between jobs, on any device. Your progress is saved as you go.",
    )
    statement = InformationPage.objects.create(
        title="Accessibility statement",
        draft_title="Accessibility statement",
        slug="accessibility",
        content_type=ContentType.objects.get_or_create(app_label="home", model="informationpage")[0],
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/home/accessibility/",
        locale=locale,
        body=ACCESSIBILITY_STATEMENT.strip(),
        last_reviewed=datetime.date(2026, 11, 23),
    )
    Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    PlatformSettings.objects.create(site=site, accessibility_statement=statement)


def remove_pages(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.filter(depth=2, slug="home").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_pages, remove_pages)]
