"""Every disclosure page type: creatable in the admin, renderable, previewable, placed right."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure.factories import (
    DisclosureIndexPageFactory,
    FeeItemFactory,
    FeeSchedulePageFactory,
    PenaltyDiscretionPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
    offence,
)
from disclosure.models import (
    DisclosureIndexPage,
    FeeSchedulePage,
    PenaltyDiscretionPage,
    PolicyDocumentPage,
    ServiceProcedurePage,
)
from portal.factories import DepartmentFactory
from portal.models import HomePage
from tests.utils import make_home


def list_block(items):
    """Form data of a ListBlock, as Wagtail's editor posts it."""
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


DISCLOSED_TYPES = {ServiceProcedurePage, FeeSchedulePage, PenaltyDiscretionPage, PolicyDocumentPage}


def metadata(department, **extra):
    return {
        "summary": "",
        "issuing_department": department.pk,
        "document_number": "",
        "date_written": "2026-11-02",
        "topic": "general",
        "keywords": "办事 指南",
        "validity": "valid",
        "superseded_by": "",
        "interpretation_of": "",
        "attachments": inline_formset([]),
        **extra,
    }


def procedure_data(department, **extra):
    return nested_form_data(
        {
            "title": "个体工商户设立登记",
            "slug": "getihu",
            **metadata(department),
            "item_type": "confirmation",
            "item_code": "",
            "legal_basis": rich_text("<p>《促进个体工商户发展条例》第八条</p>"),
            "acceptance_conditions": rich_text("<p>有经营能力的公民。</p>"),
            "materials": inline_formset(
                [
                    {
                        "name": "个体工商户登记（备案）申请书",
                        "form": "original",
                        "copies": 1,
                        "required": True,
                        "template_document": "",
                        "notes": "",
                    }
                ]
            ),
            "steps": inline_formset(
                [
                    {
                        "name": "受理",
                        "responsible_post": "登记窗口",
                        "time_limit": "即办",
                        "description": "",
                    }
                ]
            ),
            "parallel_departments": [],
            "statutory_days": 15,
            "statutory_immediate": False,
            "promised_days": 1,
            "promised_immediate": False,
            "visits_required": 1,
            "free_of_charge": True,
            "fee_items": [],
            "location": "县政务服务中心 3 号窗口",
            "office_hours": "工作日 8:30-17:30",
            "online_url": "",
            "consultation_phone": "0571-86010003",
            "supervision_phone": "12345",
            **extra,
        }
    )


class DisclosurePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.catalogue = DisclosureIndexPageFactory(parent=cls.home)
        cls.department = DepartmentFactory()

    def setUp(self):
        self.login()

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(DisclosureIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DisclosureIndexPage, DISCLOSED_TYPES)
        for page_type in DISCLOSED_TYPES:
            self.assertAllowedParentPageTypes(page_type, {DisclosureIndexPage})
            self.assertAllowedSubpageTypes(page_type, set())
        self.assertCanNotCreateAt(HomePage, ServiceProcedurePage)

    def test_catalogue_is_a_singleton(self):
        self.assertFalse(DisclosureIndexPage.can_create_at(self.home))

    def test_catalogue_creatable_renderable_previewable(self):
        home = make_home()
        data = nested_form_data(
            {
                "title": "政府信息公开",
                "slug": "disclosure",
                "summary": "",
                "introduction": rich_text(""),
            }
        )
        self.assertCanCreate(home, DisclosureIndexPage, data)
        page = DisclosureIndexPage.objects.get()
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_service_procedure_creatable_with_nested_form_data(self):
        self.assertCanCreate(self.catalogue, ServiceProcedurePage, procedure_data(self.department))

    def test_service_procedure_renderable_and_previewable(self):
        page = ServiceProcedurePageFactory(parent=self.catalogue)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=procedure_data(self.department, slug="p2"))
        html = self.client.get(page.url).content.decode()
        self.assertIn('class="flowchart"', html)
        self.assertIn(f'href="/complaints/?procedure={page.pk}"', html)
        self.assertIn(page.index_number, html)

    def test_fee_schedule_creatable_renderable_previewable(self):
        data = nested_form_data(
            {
                "title": "县不动产登记收费目录",
                "slug": "fees",
                **metadata(self.department),
                "introduction": rich_text(""),
                "items": inline_formset(
                    [
                        {
                            "name": "不动产登记费（住宅）",
                            "charging_department": self.department.pk,
                            "standard_kind": "fixed",
                            "amount": "80",
                            "amount_max": "",
                            "unit": "件",
                            "formula": "",
                            "legal_basis": "《关于不动产登记收费标准等有关问题的通知》",
                            "legal_basis_number": "发改价格规〔2016〕2559号",
                            "approval_number": "",
                            "valid_from": "2017-01-01",
                            "valid_to": "",
                            "exemptions": "小微企业免收",
                            "notes": "",
                        }
                    ]
                ),
            }
        )
        self.assertCanCreate(self.catalogue, FeeSchedulePage, data)
        page = FeeSchedulePageFactory(parent=self.catalogue)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data={**data, "slug": "fees-2"})

    def test_penalty_standard_creatable_renderable_previewable(self):
        tiers = [
            {
                "level": level,
                "circumstances": f"情形{level}",
                "penalty_kind": "fine",
                "fine_min": "100",
                "fine_max": "500",
                "penalty": "处 100 元以上 500 元以下罚款",
            }
            for level in ("lenient", "general", "severe")
        ]
        data = nested_form_data(
            {
                "title": "市场监管行政处罚裁量基准",
                "slug": "penalties",
                **metadata(self.department),
                "introduction": rich_text(""),
                "offences": streamfield(
                    [
                        (
                            "offence",
                            {
                                "name": "未按规定公示营业执照",
                                "violated_clause": "第三十六条",
                                "penalty_clause": "第四十八条",
                                "legal_maximum": "1000",
                                "tiers": list_block(tiers),
                            },
                        )
                    ]
                ),
                "first_offence_exemptions": streamfield([]),
                "minor_offence_exemptions": streamfield([]),
            }
        )
        self.assertCanCreate(self.catalogue, PenaltyDiscretionPage, data)
        page = PenaltyDiscretionPageFactory(parent=self.catalogue)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data={**data, "slug": "penalties-2"})

    def test_policy_document_creatable_renderable_previewable(self):
        data = nested_form_data(
            {
                "title": "关于进一步加强机关效能建设的实施意见",
                "slug": "xiaoneng",
                **metadata(self.department, document_number="示政办发〔2026〕15号"),
                "kind": "policy",
                "body": rich_text("<p>各乡镇人民政府、县政府各部门：</p>"),
            }
        )
        self.assertCanCreate(self.catalogue, PolicyDocumentPage, data)
        page = PolicyDocumentPageFactory(parent=self.catalogue)
        self.assertPageIsRenderable(page)
        preview = {**data, "slug": "xiaoneng-2", "document_number": "示政办发〔2026〕16号"}
        self.assertPageIsPreviewable(page, post_data=preview)

    def test_fee_item_linked_from_procedure(self):
        schedule = FeeSchedulePageFactory(parent=self.catalogue)
        fee = FeeItemFactory(page=schedule, name="证书工本费")
        page = ServiceProcedurePageFactory(
            parent=self.catalogue, free_of_charge=False, published=False
        )
        page.fee_items = [fee]
        page.save_revision().publish()
        self.assertContains(self.client.get(page.url), "证书工本费")

    def test_penalty_factory_default_offence_is_valid(self):
        from disclosure.blocks import OffenceBlock

        OffenceBlock().clean(OffenceBlock().to_python(offence()[1]))
