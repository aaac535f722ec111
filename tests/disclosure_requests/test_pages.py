"""The page types of 依申请公开 and the annual reports: created in the admin, rendered,
previewed, placed only where they belong."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from disclosure_requests.factories import (
    AnnualReportIndexPageFactory,
    DisclosureGuidePageFactory,
    DisclosureRequestIndexPageFactory,
)
from disclosure_requests.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    DisclosureGuidePage,
    DisclosureRequestIndexPage,
)
from portal.models import HomePage
from tests.utils import make_home


def _base(title, slug):
    return {"title": title, "slug": slug, "summary": ""}


GUIDE = {
    **_base("政府信息公开指南", "guide"),
    "how_to_apply": rich_text("<p>网上申请、当面申请或信函申请。</p>"),
    "offices": streamfield(
        [
            (
                "office",
                {
                    "name": "县政务公开办",
                    "address": "人民路 1 号",
                    "hours": "工作日 8:30—17:30",
                    "phone": "",
                    "postcode": "",
                },
            )
        ]
    ),
    "time_limits": rich_text("<p>20 个工作日内答复。</p>"),
    "fees": rich_text(""),
    "remedies": rich_text("<p>可以申请行政复议或者提起行政诉讼。</p>"),
}


class RequestPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()

    def setUp(self):
        self.login()

    def test_request_page_created_under_home_once(self):
        data = nested_form_data(
            {**_base("依申请公开", "requests"), "intro": rich_text("<p>说明</p>")}
        )
        self.assertCanCreate(self.home, DisclosureRequestIndexPage, data)
        self.assertFalse(DisclosureRequestIndexPage.can_create_at(self.home))
        self.assertAllowedParentPageTypes(DisclosureRequestIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DisclosureRequestIndexPage, {DisclosureGuidePage})
        self.assertCanNotCreateAt(Page, DisclosureRequestIndexPage)

    def test_guide_created_under_the_request_page(self):
        index = DisclosureRequestIndexPageFactory(parent=self.home)
        self.assertCanCreate(index, DisclosureGuidePage, nested_form_data(GUIDE))
        self.assertAllowedParentPageTypes(DisclosureGuidePage, {DisclosureRequestIndexPage})
        self.assertAllowedSubpageTypes(DisclosureGuidePage, set())

    def test_request_pages_renderable_and_previewable(self):
        index = DisclosureRequestIndexPageFactory(parent=self.home)
        guide = DisclosureGuidePageFactory(parent=index)
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(index, route_path="/status/")
        self.assertPageIsRenderable(guide)
        self.assertPageIsPreviewable(
            index,
            post_data=nested_form_data({**_base(index.title, index.slug), "intro": rich_text("")}),
        )
        self.assertPageIsPreviewable(guide, post_data=nested_form_data(GUIDE))

    def test_report_pages_rules_render_and_preview(self):
        self.assertCanCreate(
            self.home,
            AnnualReportIndexPage,
            nested_form_data(
                {**_base("政府信息公开工作年度报告", "annual-reports"), "intro": rich_text("")}
            ),
        )
        index = AnnualReportIndexPage.objects.get()
        self.assertAllowedParentPageTypes(AnnualReportIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AnnualReportIndexPage, {AnnualReportPage})
        self.assertAllowedParentPageTypes(AnnualReportPage, {AnnualReportIndexPage})
        report = {
            **_base("县人民政府2025年政府信息公开工作年度报告", "2025"),
            "year": "2025",
            "department": "",
            "overview": rich_text("<p>总体情况。</p>"),
            "rules_issued": "0",
            "rules_repealed": "0",
            "rules_in_force": "0",
            "normative_issued": "3",
            "normative_repealed": "1",
            "normative_in_force": "12",
            "licensing_decisions": "120",
            "penalty_decisions": "45",
            "coercion_decisions": "2",
            "fee_amount": "12.5",
            "problems": rich_text("<p>问题。</p>"),
            "other_matters": rich_text("<p>无。</p>"),
        }
        self.assertCanCreate(index, AnnualReportPage, nested_form_data(report))
        page = AnnualReportPage.objects.get()
        assert page.slug == "2025"
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(index)
        self.assertPageIsPreviewable(page, post_data=nested_form_data(report))

    def test_index_lists_only_published_reports(self):
        index = AnnualReportIndexPageFactory(parent=self.home)
        self.assertPageIsRenderable(index)
