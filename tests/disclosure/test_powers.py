"""权责清单: the power item page type and /powers/ (filters, exports, feed), the catalogue, search
and API, the change log, the rules, and the links to procedures and penalty standards."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from disclosure.factories import (
    AccountabilityTriggerFactory,
    DisclosureIndexPageFactory,
    PenaltyDiscretionPageFactory,
    PowerIndexPageFactory,
    PowerItemPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import (
    PowerAdjustment,
    PowerIndexPage,
    PowerItemPage,
    PowerKind,
    PowerStatus,
)
from portal.factories import DepartmentFactory
from portal.models import HomePage
from tests.utils import make_home


def power_data(department, **extra):
    """The admin's form data of a new power item."""
    return nested_form_data(
        {
            "title": "食品经营许可",
            "slug": "shipin-jingying-xuke",
            "summary": "",
            "issuing_department": department.pk,
            "document_number": "",
            "date_written": "2026-11-02",
            "topic": "market",
            "keywords": "",
            "validity": "valid",
            "superseded_by": "",
            "interpretation_of": "",
            "attachments": inline_formset([]),
            "code": "XK-0101",
            "kind": "licensing",
            "exercising_unit": "行政审批科",
            "supervision_phone": "0571-86010012",
            "legal_basis": "《中华人民共和国食品安全法》第三十五条",
            "status": "in_force",
            "responsibilities": inline_formset(
                [{"stage": "acceptance", "content": "公示申请条件，依法受理。"}]
            ),
            "triggers": inline_formset(
                [
                    {
                        "situation": "对符合条件的申请不予受理的",
                        "basis": "《中华人民共和国行政许可法》第七十二条",
                    }
                ]
            ),
            "procedures": [],
            "penalty_standard": "",
            "adjustments": inline_formset([]),
            **extra,
        }
    )


class PowerPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.powers = PowerIndexPageFactory(parent=cls.home)
        cls.department = DepartmentFactory()

    def setUp(self):
        self.login()

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(PowerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PowerIndexPage, {PowerItemPage})
        self.assertAllowedParentPageTypes(PowerItemPage, {PowerIndexPage})
        self.assertAllowedSubpageTypes(PowerItemPage, set())
        self.assertCanNotCreateAt(HomePage, PowerItemPage)
        self.assertFalse(PowerIndexPage.can_create_at(self.home))

    def test_power_index_creatable_renderable_previewable(self):
        home = make_home()
        data = nested_form_data(
            {"title": "权责清单", "slug": "powers", "summary": "", "introduction": rich_text("")}
        )
        self.assertCanCreate(home, PowerIndexPage, data)
        page = PowerIndexPage.objects.get()
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_power_item_creatable_renderable_previewable(self):
        self.assertCanCreate(self.powers, PowerItemPage, power_data(self.department))
        page = PowerItemPageFactory(parent=self.powers, issuing_department=self.department)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(
            page, post_data=power_data(self.department, slug="p2", code="XK-0102")
        )

    def test_power_item_gets_a_g_index_number_at_publication(self):
        page = PowerItemPageFactory(parent=self.powers, issuing_department=self.department)
        year = timezone.localdate().year
        self.assertEqual(page.index_number, f"{self.department.code}-G-{year}-000001")
        draft = PowerItemPageFactory(parent=self.powers, published=False)
        self.assertIsNone(draft.index_number)

    def test_a_cancelled_power_needs_an_adjustment_to_be_published(self):
        data = power_data(self.department, status="cancelled", action_publish="action-publish")
        self.client.post(
            f"/admin/pages/add/disclosure/poweritempage/{self.powers.pk}/", data, follow=True
        )
        page = PowerItemPage.objects.get(code="XK-0101")
        self.assertFalse(page.live)


@pytest.fixture
def powers(home):
    return PowerIndexPageFactory(parent=home)


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.mark.django_db
def test_code_is_unique_across_the_county(powers):
    PowerItemPageFactory(parent=powers, code="XK-0001")
    other = PowerItemPageFactory.build(code=" XK-0001 ", issuing_department=DepartmentFactory())
    with pytest.raises(ValidationError) as error:
        other.clean()
    assert "权力编码「XK-0001」已被事项" in str(error.value)


@pytest.mark.django_db
def test_only_a_penalty_power_names_a_penalty_standard(powers, catalogue):
    standard = PenaltyDiscretionPageFactory(parent=catalogue)
    item = PowerItemPageFactory.build(
        code="XK-9", kind=PowerKind.LICENSING, penalty_standard=standard
    )
    item.issuing_department = DepartmentFactory()
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "只有行政处罚事项才能关联处罚裁量基准" in str(error.value)


@pytest.mark.django_db
def test_missing_elements_of_a_power(powers):
    page = PowerItemPageFactory(parent=powers, published=False, legal_basis="")
    page.responsibilities.all().delete()
    page.status = PowerStatus.ADJUSTED
    missing = [str(label) for label in page.missing_elements()]
    assert "实施依据" in missing
    assert "责任事项" in missing
    assert any(label.startswith("调整记录") for label in missing)
    assert "追责情形" not in missing


@pytest.mark.django_db
def test_adjustment_date_cannot_be_in_the_future():
    adjustment = PowerAdjustment(
        kind=PowerStatus.ADJUSTED,
        date=timezone.localdate() + datetime.timedelta(days=1),
        document="示政发〔2026〕8号",
        after="下放至乡镇实施",
    )
    with pytest.raises(ValidationError) as error:
        adjustment.clean()
    assert "调整日期不能晚于今天" in str(error.value)


def make_list(powers):
    market = DepartmentFactory(name="示例县市场监督管理局")
    transport = DepartmentFactory(name="示例县交通运输局")
    licence = PowerItemPageFactory(
        parent=powers, title="食品经营许可", code="XK-0001", issuing_department=market
    )
    fine = PowerItemPageFactory(
        parent=powers,
        title="对无证经营食品的处罚",
        code="CF-0001",
        kind=PowerKind.PENALTY,
        issuing_department=market,
        legal_basis="《中华人民共和国食品安全法》第一百二十二条",
    )
    road = PowerItemPageFactory(
        parent=powers,
        title="道路运输经营许可",
        code="XK-0002",
        issuing_department=transport,
        status=PowerStatus.ADJUSTED,
        adjustments=[],
        published=False,
    )
    PowerAdjustment.objects.create(
        page=road,
        kind=PowerStatus.ADJUSTED,
        date=datetime.date(2026, 3, 1),
        document="示政发〔2026〕8号",
        before="县交通运输局实施",
        after="委托乡镇实施",
    )
    road.save_revision().publish()
    PowerItemPageFactory(parent=powers, title="尚未发布的事项", code="XK-0003", published=False)
    return market, transport, licence, fine, road


@pytest.mark.django_db
def test_power_list_filters(client, powers):
    market, _transport, licence, fine, road = make_list(powers)
    url = powers.url

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {item.title for item in response.context["items"]}

    assert titles() == {licence.title, fine.title, road.title}
    assert titles(department=market.pk) == {licence.title, fine.title}
    assert titles(kind="penalty") == {fine.title}
    assert titles(status="adjusted") == {road.title}
    assert titles(q="食品") == {licence.title, fine.title}
    assert titles(q="一百二十二条") == {fine.title}
    assert titles(q="XK-0002") == {road.title}
    # Malformed filters are dropped, not errors.
    assert titles(kind="nonsense", department="abc", status="x" * 300) == {
        licence.title,
        fine.title,
        road.title,
    }


@pytest.mark.django_db
def test_power_list_exports(client, powers):
    _market, _transport, licence, _fine, road = make_list(powers)
    csv_text = client.get(powers.url, {"format": "csv", "kind": "licensing"}).content.decode()
    assert csv_text.startswith("\ufeff权力编码,事项名称,权力类型")
    assert "XK-0001" in csv_text and "CF-0001" not in csv_text
    payload = json.loads(client.get(powers.url, {"format": "json"}).content)
    assert payload["count"] == 3
    assert {row["code"] for row in payload["results"]} == {"XK-0001", "XK-0002", "CF-0001"}
    assert {row["status"] for row in payload["results"]} == {"实施中", "已调整"}

    from openpyxl import load_workbook

    response = client.get(powers.url, {"format": "xlsx", "status": "adjusted"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "权力编码" and rows[1][0] == "XK-0002" and len(rows) == 2

    feed = client.get(powers.url, {"format": "atom"})
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert licence.title in feed.content.decode()
    assert client.get(powers.url, {"format": "pdf"}).status_code == 404
    assert road.title in client.get(powers.url).content.decode()


@pytest.mark.django_db
def test_catalogue_search_and_api_include_power_items(client, powers, catalogue):
    _market, _transport, licence, _fine, _road = make_list(powers)
    catalogue_html = client.get(catalogue.url, {"type": "poweritempage"}).content.decode()
    assert licence.title in catalogue_html and licence.index_number in catalogue_html
    assert "尚未发布的事项" not in catalogue_html

    results = PowerItemPage.objects.live().search("经营许可")
    assert licence.pk in {page.pk for page in results}

    api = client.get(
        "/api/v2/pages/",
        {"type": "disclosure.PowerItemPage", "fields": "code,kind_label,triggers,status_label"},
    )
    assert api.status_code == 200
    items = {item["code"]: item for item in api.json()["items"]}
    assert set(items) == {"XK-0001", "XK-0002", "CF-0001"}
    assert items["XK-0001"]["kind_label"] == "行政许可"
    assert items["XK-0002"]["status_label"] == "已调整"
    assert len(items["XK-0001"]["triggers"]) == 2
    assert {"situation", "basis", "id"} <= set(items["XK-0001"]["triggers"][0])


@pytest.mark.django_db
def test_change_log_lists_each_adjustment_with_before_and_after(client, powers):
    page = PowerItemPageFactory(parent=powers, title="道路运输经营许可", code="XK-0100")
    page = PowerItemPage.objects.get(pk=page.pk)
    page.status = PowerStatus.ADJUSTED
    page.exercising_unit = "乡镇人民政府"
    page.adjustments.add(
        PowerAdjustment(
            kind=PowerStatus.ADJUSTED,
            date=datetime.date(2026, 3, 1),
            document="示政发〔2026〕8号",
            before="县交通运输局实施",
            after="委托乡镇实施",
        )
    )
    page.save_revision().publish()
    page = PowerItemPage.objects.get(pk=page.pk)
    page.title = "道路运输经营许可（已取消）"
    page.save_revision().publish()

    from disclosure.power_selectors import power_change_log

    log = power_change_log(PowerItemPage.objects.get(pk=page.pk))
    assert len(log) == 2
    newest, adjusted = log
    assert [str(c) for c in newest["changes"]] == [
        "事项名称：道路运输经营许可 → 道路运输经营许可（已取消）"
    ]
    assert newest["adjustments"] == []
    assert "事项状态：实施中 → 已调整" in [str(c) for c in adjusted["changes"]]
    assert "实施机构：（空） → 乡镇人民政府" in [str(c) for c in adjusted["changes"]]
    assert [a.document for a in adjusted["adjustments"]] == ["示政发〔2026〕8号"]
    html = client.get(page.url).content.decode()
    assert "示政发〔2026〕8号" in html and "委托乡镇实施" in html and "县交通运输局实施" in html


@pytest.mark.django_db
def test_power_links_to_procedures_and_penalty_standard_both_ways(client, powers, catalogue):
    procedure = ServiceProcedurePageFactory(parent=catalogue, title="食品经营许可办事指南")
    standard = PenaltyDiscretionPageFactory(parent=catalogue, title="食品安全行政处罚裁量基准")
    licence = PowerItemPageFactory(parent=powers, title="食品经营许可", published=False)
    licence.procedures = [procedure]
    licence.save_revision().publish()
    fine = PowerItemPageFactory(
        parent=powers,
        title="对无证经营食品的处罚",
        kind=PowerKind.PENALTY,
        penalty_standard=standard,
    )
    licence_html = client.get(licence.url).content.decode()
    assert f'href="{procedure.url}"' in licence_html
    assert f'href="{standard.url}"' in client.get(fine.url).content.decode()
    procedure_html = client.get(procedure.url).content.decode()
    assert "对应的权责事项" in procedure_html and f'href="{licence.url}"' in procedure_html
    standard_html = client.get(standard.url).content.decode()
    assert f'href="{fine.url}"' in standard_html
    # An unpublished power is not shown on the procedure.
    PowerItemPage.objects.get(pk=licence.pk).unpublish()
    assert f'href="{licence.url}"' not in client.get(procedure.url).content.decode()


@pytest.mark.django_db
def test_trigger_string_is_short():
    trigger = AccountabilityTriggerFactory.build(situation="对" + "很长的情形" * 20)
    assert len(str(trigger)) == 41 and str(trigger).endswith("…")
