"""The symposium and accountability page types: where they may be created, that editors can
create them with their nested forms, and that they render and preview."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from feedback.factories import (
    AccountabilityIndexPageFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
)
from feedback.models import (
    AccountabilityIndexPage,
    SymposiumIndexPage,
    SymposiumPage,
    SymposiumRosterEntry,
)
from portal.factories import DepartmentFactory
from portal.models import HomePage
from tests.utils import make_home


def session_form(department, *, title="2026年上半年责任追究执行情况座谈会", roster=None):
    return nested_form_data(
        {
            "title": title,
            "slug": "2026-h1",
            "summary": "",
            "date": "2026-07-20",
            "period": "2026年上半年",
            "place": "县行政中心三楼第一会议室",
            "theme": "听取各界对责任追究执行情况的意见和建议",
            "host_department": department.pk,
            "roster": inline_formset(
                roster
                if roster is not None
                else [
                    {
                        "sector": "npc_deputy",
                        "count": 3,
                        "organisations": "县人大常委会",
                        "names": "李国庆 周丽 何建军",
                    },
                    {
                        "sector": "media",
                        "count": 1,
                        "organisations": "县融媒体中心",
                        "names": "许晨",
                    },
                ]
            ),
            "minutes": rich_text("<p>会议纪要。</p>"),
        }
    )


class SymposiumPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.department = DepartmentFactory(name="示例县人民政府办公室", code="11331001")
        cls.index = SymposiumIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(SymposiumIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SymposiumIndexPage, {SymposiumPage})
        self.assertAllowedParentPageTypes(SymposiumPage, {SymposiumIndexPage})
        self.assertAllowedSubpageTypes(SymposiumPage, set())
        self.assertCanNotCreateAt(HomePage, SymposiumPage)
        self.assertCanNotCreateAt(Page, SymposiumIndexPage)
        # One symposium section per site.
        self.assertFalse(SymposiumIndexPage.can_create_at(self.home))

    def test_index_creatable_under_the_home_page(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            SymposiumIndexPage,
            nested_form_data(
                {
                    "title": "座谈会",
                    "slug": "symposiums",
                    "summary": "",
                    "introduction": rich_text("<p>每半年召开一次。</p>"),
                }
            ),
        )
        self.assertEqual(SymposiumIndexPage.objects.get().url, "/symposiums/")

    def test_session_creatable_with_its_roster(self):
        self.assertCanCreate(self.index, SymposiumPage, session_form(self.department))
        page = SymposiumPage.objects.get()
        self.assertEqual(page.url, "/symposiums/2026-h1/")
        self.assertEqual(page.participant_total, 4)
        self.assertEqual(
            list(page.roster.values_list("sector", "count")), [("npc_deputy", 3), ("media", 1)]
        )

    def test_session_form_refuses_a_bad_period_and_an_empty_count(self):
        data = session_form(
            self.department,
            roster=[{"sector": "media", "count": "", "organisations": "", "names": ""}],
        )
        data["period"] = "2026上半年"
        response = self.client.post(
            f"/admin/pages/add/feedback/symposiumpage/{self.index.pk}/", data
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "期别应写作")
        self.assertFalse(SymposiumPage.objects.exists())
        self.assertFalse(SymposiumRosterEntry.objects.exists())

    def test_renderable_and_previewable(self):
        page = SymposiumPageFactory(parent=self.index, host_department=self.department)
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(page, query_data={"status": "replied", "topic": "service"})
        self.assertPageIsPreviewable(page, post_data=session_form(self.department))
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data(
                {
                    "title": "座谈会",
                    "slug": "symposiums",
                    "summary": "",
                    "introduction": rich_text(""),
                }
            ),
        )

    def test_admin_header_offers_recording_the_sessions_views(self):
        page = SymposiumPageFactory(parent=self.index, host_department=self.department)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, "录入会上意见")
        self.assertContains(response, f"/admin/symposium-views/new/?session={page.pk}")


class AccountabilityIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()

    def setUp(self):
        self.login()

    def form(self):
        return nested_form_data(
            {
                "title": "追责问责",
                "slug": "accountability",
                "summary": "",
                "introduction": rich_text("<p>公开已作出决定的问责案件。</p>"),
            }
        )

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(AccountabilityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AccountabilityIndexPage, set())
        self.assertCanNotCreateAt(Page, AccountabilityIndexPage)

    def test_creatable_once_under_the_home_page(self):
        self.assertCanCreate(self.home, AccountabilityIndexPage, self.form())
        page = AccountabilityIndexPage.objects.get()
        self.assertEqual(page.url, "/accountability/")
        self.assertFalse(AccountabilityIndexPage.can_create_at(self.home))

    def test_renderable_and_previewable(self):
        page = AccountabilityIndexPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(page, query_data={"year": "2026"})
        self.assertPageIsRenderable(page, query_data={"year": "abc", "page": "99"})
        self.assertPageIsPreviewable(page, post_data=self.form())
