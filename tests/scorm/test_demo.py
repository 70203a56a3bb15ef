from django.core.management import call_command

from scorm.models import ScormModulePage


def test_the_demo_holds_a_scorm_12_and_a_scorm_2004_module_in_one_course_and_one_in_parts(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - idempotent
    pages = list(ScormModulePage.objects.live().select_related("package__current_version").order_by("path"))
    assert [page.package.current_version.scorm_version for page in pages] == ["1.2", "2004", "2004"]
    assert [page.get_parent().slug for page in pages] == [
        "hate-crime-e-learning",
        "hate-crime-e-learning",
        "stop-and-search-e-learning",
    ]
    assert len(pages[2].package.current_version.activities) == 4
    assert all(page.package.versions.count() == 1 for page in pages)
