from wagtail.test.utils import WagtailPageTestCase

from courses.models import CoursePage
from scorm.models import ScormModulePage


class ScormModulePageTreeTests(WagtailPageTestCase):
    def test_a_scorm_module_sits_in_a_course_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ScormModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ScormModulePage, set())
