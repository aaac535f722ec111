from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.factories import DepartmentFactory, portal_settings
from portal.models import HomePage
from tests.utils import make_home


class HomePageCreationTests(WagtailPageTestCase):
    """A home page is created in the admin at the tree root, once."""

    def setUp(self):
        self.root = Page.get_first_root_node()
        self.login()

    def test_can_create_at_root_with_nested_form_data(self):
        data = nested_form_data(
            {
                "title": "示例县政务公开",
                "slug": "portal-home",
                "summary": "政务公开平台",
                "intro": rich_text("<p>公开透明、便民高效。</p>"),
                "latest_per_section": 5,
                "entry_points": streamfield(
                    [
                        (
                            "entry_point",
                            {"title": "投诉与建议", "description": "", "page": "", "url": "/x/"},
                        )
                    ]
                ),
            }
        )
        self.assertCanCreate(self.root, HomePage, data)

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_only_one_home_page(self):
        make_home()
        self.assertFalse(HomePage.can_create_at(self.root))


class HomePageRenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home(intro="<p>公开透明、便民高效。</p>")
        portal_settings(county_name="测试县", site_name="政务公开", website_code="3310220001")

    def test_renderable_and_previewable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsPreviewable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": self.home.title,
                    "slug": self.home.slug,
                    "summary": "",
                    "intro": rich_text("<p>预览</p>"),
                    "latest_per_section": 5,
                    "entry_points": streamfield([]),
                }
            ),
        )

    def test_home_is_chinese_with_county_name_search_box_and_footer(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="zh-Hans">', html)
        self.assertIn("测试县", html)
        self.assertIn('action="/search/"', html)
        self.assertIn("网站标识码：3310220001", html)
        self.assertIn('href="#main"', html)

    def test_no_inline_script_or_style_and_no_external_assets(self):
        html = self.client.get("/").content.decode()
        self.assertNotIn("<script>", html)
        self.assertNotIn("style=", html)
        self.assertNotIn("<style", html)
        self.assertNotRegex(html, r'(src|href)="(https?:)?//')

    def test_sections_show_their_latest_pages_and_entry_points_link_to_them(self):
        section = self.home.add_child(instance=Page(title="政策文件", slug="policies"))
        section.show_in_menus = True
        section.save_revision().publish()
        for n in range(7):
            section.add_child(instance=Page(title=f"通知{n}", slug=f"notice-{n}"))
        entry = {"title": "政务公开", "description": "目录", "page": section, "url": ""}
        self.home.entry_points = [("entry_point", entry)]
        self.home.latest_per_section = 5
        self.home.save_revision().publish()
        html = self.client.get("/").content.decode()
        self.assertIn('class="entry-point" href="/policies/"', html)
        self.assertIn("通知6", html)
        self.assertNotIn("通知1<", html)  # only the latest five
        self.assertIn('aria-label="主导航"', html)

    def test_entry_point_to_a_missing_page_is_hidden(self):
        self.home.entry_points = [
            ("entry_point", {"title": "月通报", "description": "", "page": None, "url": ""})
        ]
        self.home.save_revision().publish()
        self.assertNotIn("月通报", self.client.get("/").content.decode())

    def test_home_query_count_does_not_grow_with_the_number_of_pages(self):
        section = Page(title="公告", slug="notices", show_in_menus=True)
        self.home.add_child(instance=section)
        for n in range(3):
            section.add_child(instance=Page(title=f"公告{n}", slug=f"n{n}"))
        few = self._count_home_queries()
        for n in range(3, 30):
            section.add_child(instance=Page(title=f"公告{n}", slug=f"n{n}"))
        self.assertEqual(self._count_home_queries(), few)

    def _count_home_queries(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.get("/")  # warm the site-root and settings caches first
        with CaptureQueriesContext(connection) as ctx:
            self.assertEqual(self.client.get("/").status_code, 200)
        return len(ctx)


class DepartmentInTemplatesTests(WagtailPageTestCase):
    def test_department_str_and_display_name(self):
        department = DepartmentFactory(name="示例县医疗保障局", short_name="县医保局")
        self.assertEqual(str(department), "示例县医疗保障局")
        self.assertEqual(department.display_name, "县医保局")
