"""The page tree rules, and creating a course and a module through the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CourseCataloguePage, CoursePage, ModulePage
from home.models import HomePage, InformationPage
from tests.courses.conftest import new_course_form


class TestCoursePageTree(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(self.create_superuser("admin"))  # django-axes needs a request to check a password
        self.catalogue = CourseCataloguePage.objects.get(slug="courses")

    def test_catalogue_sits_under_home_and_holds_courses(self):
        self.assertAllowedParentPageTypes(CourseCataloguePage, {HomePage})
        self.assertAllowedSubpageTypes(CourseCataloguePage, {CoursePage})
        self.assertAllowedSubpageTypes(HomePage, {InformationPage, CourseCataloguePage})

    def test_course_holds_modules_and_modules_hold_nothing(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseCataloguePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(Page, CoursePage)

    def test_course_page_allows_exactly_the_page_types_that_name_it_as_parent(self):
        allowed = set(CoursePage.allowed_subpage_models())
        assert ModulePage in allowed
        assert all(CoursePage in model.allowed_parent_page_models() for model in allowed)

    def test_a_course_and_a_module_can_be_created_in_the_admin(self):
        self.assertCanCreate(self.catalogue, CoursePage, new_course_form())
        course = CoursePage.objects.get(slug="disability-hate-crime")
        self.assertCanCreate(
            course,
            ModulePage,
            nested_form_data(
                {
                    "title": "What disability hate crime looks like",
                    "slug": "what-it-looks-like",
                    "summary": "",
                    "estimated_minutes": 6,
                    "body": streamfield(
                        [
                            ("heading", {"text": "Recognise it", "level": "h2"}),
                            ("paragraph", rich_text("<p>Hostility can be hidden as friendship.</p>")),
                            (
                                "callout",
                                {"kind": "key_point", "title": "", "body": rich_text("<p>Record it.</p>")},
                            ),
                            (
                                "details",
                                {"summary": "Mate crime", "body": rich_text("<p>Exploitation by a friend.</p>")},
                            ),
                        ]
                    ),
                }
            ),
        )
        module = ModulePage.objects.get(slug="what-it-looks-like")
        assert [block.block_type for block in module.body] == ["heading", "paragraph", "callout", "details"]
