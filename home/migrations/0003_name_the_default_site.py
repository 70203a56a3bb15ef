"""
Name the sites created without a name (``0002_create_pages`` made "localhost"): Wagtail shows
a site's hostname wherever it has no name (decision 55). The name is the platform's
(Settings → Platform) when one is set, else the default.
"""

from django.db import migrations

DEFAULT_NAME = "Police training"


def name_sites(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    PlatformSettings = apps.get_model("home", "PlatformSettings")
    names = dict(PlatformSettings.objects.values_list("site_id", "platform_name"))
    for site in Site.objects.filter(site_name=""):
        site.site_name = names.get(site.pk) or DEFAULT_NAME
        site.save(update_fields=["site_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_pages"),
    ]

    operations = [migrations.RunPython(name_sites, migrations.RunPython.noop)]
