import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from disclosure.factories import (
    FeeItemFactory,
    FeeSchedulePageFactory,
    PenaltyDiscretionPageFactory,
    offence,
    tier,
)
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(catalogue):
    land = DepartmentFactory(name="示例县自然资源和规划局")
    page = FeeSchedulePageFactory(
        parent=catalogue, title="不动产登记收费目录", items=[], published=False
    )
    FeeItemFactory(
        page=page, name="不动产登记费（住宅）", amount=Decimal("80"), charging_department=land
    )
    FeeItemFactory(
        page=page, name="不动产登记费（非住宅）", amount=Decimal("550"), charging_department=land
    )
    FeeItemFactory(page=page, name="证书工本费", amount=Decimal("10"), unit="本")
    page.save_revision().publish()
    return page


def test_fee_table_filters_by_words_and_department(client, schedule):
    html = client.get(schedule.url, {"q": "登记费"}).content.decode()
    assert "不动产登记费（住宅）" in html and "证书工本费" not in html
    land = schedule.items.get(name="证书工本费").charging_department_id
    html = client.get(schedule.url, {"department": land}).content.decode()
    assert "证书工本费" in html and "不动产登记费（住宅）" not in html
    assert client.get(schedule.url, {"department": "abc"}).status_code == 200


def test_fee_downloads_csv_json_xlsx(client, schedule):
    csv = client.get(schedule.url, {"format": "csv", "q": "登记费"})
    text = csv.content.decode("utf-8")
    assert (
        text.startswith("\ufeff收费项目名称") and "550 元/件" in text and "证书工本费" not in text
    )
    data = json.loads(client.get(schedule.url, {"format": "json"}).content)
    assert data["count"] == 3
    xlsx = client.get(schedule.url, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "收费项目名称" and len(rows) == 4


def test_fee_change_log_shows_what_changed_from_what_to_what(client, schedule):
    draft = schedule.get_latest_revision_as_object()
    item = next(i for i in draft.items.all() if i.name == "证书工本费")
    item.amount = Decimal("5")
    draft.items = [i for i in draft.items.all() if i.name != "不动产登记费（非住宅）"]
    draft.save_revision().publish()
    html = client.get(schedule.url).content.decode()
    assert "收费标准：10 元/本 → 5 元/本" in html
    assert "取消项目" in html


def test_spreadsheet_formulas_in_cells_are_neutralised(client, catalogue):
    page = FeeSchedulePageFactory(parent=catalogue, items=[], published=False)
    FeeItemFactory(page=page, name='=HYPERLINK("http://x")')
    page.save_revision().publish()
    text = client.get(page.url, {"format": "csv"}).content.decode()
    assert "'=HYPERLINK" in text


def test_which_tier_view_filters_offences_and_shows_tiers_side_by_side(client, catalogue):
    page = PenaltyDiscretionPageFactory(
        parent=catalogue,
        offences=[
            offence("未按规定公示营业执照"),
            offence(
                "销售过期食品",
                tiers=[
                    tier("lenient", "货值不足 500 元", "warning", None, None),
                    tier("general", "货值 500 元以上", "fine", Decimal("5000"), Decimal("20000")),
                    tier("severe", "造成食物中毒", "fine", Decimal("20000"), Decimal("50000")),
                ],
            ),
        ],
    )
    html = client.get(page.url, {"q": "过期 食品"}).content.decode()
    assert "找到 1 项违法行为" in html
    assert "销售过期食品" in html and "未按规定公示营业执照" not in html
    assert html.index("从轻处罚") < html.index("一般处罚") < html.index("从重处罚")
    assert "5000–20000 元" in html
    empty = client.get(page.url, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "找到 0 项" in empty and "<script>alert(1)</script>" not in empty
