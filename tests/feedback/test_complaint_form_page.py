"""The complaint page as a Wagtail page type: created under the home page, once."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from feedback.factories import ComplaintFormPageFactory
from feedback.models import ComplaintFormPage
from portal.models import HomePage
from tests.utils import make_home


class ComplaintFormPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()

    def setUp(self):
        self.login()

    def test_can_create_under_the_home_page(self):
        data = nested_form_data(
            {
                "title": "投诉与建议",
                "slug": "complaints",
                "summary": "投诉部门作风效能问题",
                "intro": rich_text("<p>对部门作风效能问题可以在此投诉。</p>"),
                "guidance": rich_text("<ol><li>如实反映问题。</li></ol>"),
                "public_intro": rich_text("<p>已答复的投诉。</p>"),
            }
        )
        self.assertCanCreate(self.home, ComplaintFormPage, data)

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(ComplaintFormPage, {HomePage})
        self.assertAllowedSubpageTypes(ComplaintFormPage, set())
        self.assertCanNotCreateAt(Page, ComplaintFormPage)

    def test_only_one_complaint_page(self):
        ComplaintFormPageFactory(parent=self.home)
        self.assertFalse(ComplaintFormPage.can_create_at(self.home))

    def test_renderable_and_previewable(self):
        page = ComplaintFormPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        for route in ("/status/", "/public/"):
            self.assertPageIsRenderable(page, route_path=route)
        self.assertPageIsPreviewable(
            page,
            post_data=nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "summary": "",
                    "intro": rich_text("<p>预览导语</p>"),
                    "guidance": rich_text(""),
                    "public_intro": rich_text(""),
                }
            ),
        )

    def test_routes_are_served_under_complaints(self):
        page = ComplaintFormPageFactory(parent=self.home)
        self.assertEqual(page.url, "/complaints/")
        self.assertEqual(page.status_url(), "/complaints/status/")
        self.assertEqual(page.public_url(), "/complaints/public/")
        self.assertEqual(self.client.get("/complaints/nothing-here/").status_code, 404)
