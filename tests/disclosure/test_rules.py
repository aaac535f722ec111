"""Editors' bad input gets field-level Chinese errors; publication needs every element."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from disclosure.blocks import OffenceBlock
from disclosure.factories import (
    FeeItemFactory,
    FeeSchedulePageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
    offence,
    tier,
)
from disclosure.models import FeeItem, PolicyDocumentPage, ServiceProcedurePage, Validity
from portal.factories import DepartmentFactory
from tests.disclosure.test_pages import procedure_data

pytestmark = pytest.mark.django_db


def offence_errors(value):
    block = OffenceBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    tiers_error = error.value.block_errors["tiers"]
    return tiers_error


def test_two_tiers_are_refused_in_chinese():
    _name, value = offence(tiers=[tier("general", "a", "warning", None, None)] * 1)
    error = offence_errors(value)
    assert "裁量档次须为 3 至 5 个，现有 1 个" in str(error.non_block_errors)


def test_six_tiers_are_refused():
    levels = ["none", "mitigated", "lenient", "general", "severe", "severe"]
    _name, value = offence(tiers=[tier(level, "a", "warning", None, None) for level in levels])
    error = offence_errors(value)
    assert "现有 6 个" in str(error.non_block_errors)


def test_tiers_out_of_order_are_refused():
    levels = ["severe", "general", "lenient"]
    _name, value = offence(tiers=[tier(level, "a", "warning", None, None) for level in levels])
    assert "从轻到重" in str(offence_errors(value).non_block_errors)


def test_fine_above_the_legal_maximum_is_a_field_error():
    tiers = [
        tier("lenient", "a", "warning", None, None),
        tier("general", "b", "fine", Decimal("100"), Decimal("900")),
        tier("severe", "c", "fine", Decimal("900"), Decimal("5000")),
    ]
    _name, value = offence(maximum=Decimal("1000"), tiers=tiers)
    error = offence_errors(value)
    assert set(error.block_errors) == {2}
    assert "罚款不能超过法定上限 1000 元" in str(error.block_errors[2].block_errors["fine_max"])


def test_fine_range_upside_down_and_missing_amount_are_refused():
    tiers = [
        tier("lenient", "a", "fine", None, None),
        tier("general", "b", "fine", Decimal("800"), Decimal("100")),
        tier("severe", "c", "fine", Decimal("900"), Decimal("1000")),
    ]
    _name, value = offence(maximum=Decimal("1000"), tiers=tiers)
    error = offence_errors(value)
    assert "须填写罚款金额" in str(error.block_errors[0].block_errors["fine_max"])
    assert "不能低于下限" in str(error.block_errors[1].block_errors["fine_max"])


def test_fine_by_multiple_needs_no_amount_without_a_legal_maximum():
    tiers = [
        tier("lenient", "a", "fine", None, None),
        tier("general", "b", "fine", None, None),
        tier("severe", "c", "fine", None, None),
    ]
    block = OffenceBlock()
    block.clean(block.to_python(offence(maximum=None, tiers=tiers)[1]))


def test_valid_offence_passes():
    block = OffenceBlock()
    block.clean(block.to_python(offence()[1]))


def test_fee_valid_to_before_valid_from_is_refused():
    item = FeeItemFactory.build(
        charging_department=DepartmentFactory(),
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "执行截止日期不能早于执行起始日期" in str(error.value.message_dict["valid_to"])


@pytest.mark.parametrize(
    ("kind", "fields", "message_field"),
    [
        ("fixed", {"amount": None}, "amount"),
        ("range", {"amount": Decimal("10"), "amount_max": Decimal("5")}, "amount_max"),
        ("formula", {"formula": " "}, "formula"),
    ],
)
def test_fee_standard_needs_its_amounts(kind, fields, message_field):
    item = FeeItemFactory.build(
        charging_department=DepartmentFactory(), standard_kind=kind, **fields
    )
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert message_field in error.value.message_dict


def test_standard_labels():
    item = FeeItem(standard_kind="range", amount=Decimal("10"), amount_max=Decimal("30"), unit="次")
    assert item.standard_label == "10–30 元/次"
    assert (
        FeeItem(standard_kind="fixed", amount=Decimal("80.00"), unit="件").standard_label
        == "80 元/件"
    )


def test_duplicate_document_number_within_a_department_is_refused(catalogue):
    department = DepartmentFactory()
    PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=department, document_number="示政发〔2026〕1号"
    )
    page = PolicyDocumentPage(
        title="另一份",
        slug="another",
        issuing_department=department,
        document_number="示政发〔2026〕1号",
        body="<p>正文</p>",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "本部门已有文号为「示政发〔2026〕1号」的文件" in str(
        error.value.message_dict["document_number"]
    )
    page.issuing_department = DepartmentFactory()
    page.clean()  # the same number in another department is fine


def test_date_written_in_the_future_is_refused():
    page = PolicyDocumentPage(
        title="t",
        slug="t",
        issuing_department=DepartmentFactory(),
        body="<p>x</p>",
        date_written=timezone.localdate() + datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "成文日期不能晚于今天" in str(error.value.message_dict["date_written"])


def test_amended_needs_the_replacing_document(catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue)
    page.validity = Validity.AMENDED
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "superseded_by" in error.value.message_dict


def test_procedure_promised_limit_longer_than_statutory_is_refused():
    page = ServiceProcedurePage(
        title="t",
        slug="t",
        issuing_department=DepartmentFactory(),
        statutory_days=5,
        promised_days=9,
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "承诺时限不能长于法定时限" in str(error.value.message_dict["promised_days"])


def test_incomplete_procedure_cannot_be_published_in_code(catalogue):
    page = ServiceProcedurePageFactory(parent=catalogue, published=False, location="")
    with pytest.raises(ValidationError, match="办理地点"):
        page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.index_number is None


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.gov.cn", "pw-123456789")
    client.force_login(user)
    return client


def test_admin_refuses_to_publish_a_procedure_missing_elements_and_lists_them(
    editor_client, catalogue
):
    department = DepartmentFactory()
    data = procedure_data(
        department,
        location="",
        supervision_phone="",
        steps="",
    )
    data.update({"steps-TOTAL_FORMS": "0", "action-publish": "action-publish"})
    url = f"/admin/pages/add/disclosure/serviceprocedurepage/{catalogue.pk}/"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "缺少以下必备要素，不能发布或提交审核" in html
    for label in ("办理流程", "办理地点", "监督投诉电话"):
        assert label in html
    assert not ServiceProcedurePage.objects.exists()


def test_admin_saves_an_incomplete_procedure_as_a_draft(editor_client, catalogue):
    data = procedure_data(DepartmentFactory(), location="")
    url = f"/admin/pages/add/disclosure/serviceprocedurepage/{catalogue.pk}/"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    page = ServiceProcedurePage.objects.get()
    assert not page.live


def test_admin_publishes_a_complete_procedure_and_ignores_a_posted_date(editor_client, catalogue):
    data = procedure_data(DepartmentFactory())
    data.update(
        {
            "action-publish": "action-publish",
            "date_published": "2020-01-01",
            "index_number": "FORGED-1",
        }
    )
    url = f"/admin/pages/add/disclosure/serviceprocedurepage/{catalogue.pk}/"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    page = ServiceProcedurePage.objects.get()
    assert page.live
    assert page.date_published == timezone.localdate()
    assert page.index_number != "FORGED-1"


def test_fee_schedule_without_items_is_incomplete(catalogue):
    schedule = FeeSchedulePageFactory(parent=catalogue, items=[], published=False)
    assert "收费项目" in [str(label) for label in schedule.missing_elements()]
