"""The public side: the form and its receipt, the status look-up, the reply's documents and
letter downloadable only with the query code, and the report's HTML, XLSX and PDF."""

import io
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from pypdf import PdfReader

from disclosure_requests import services
from disclosure_requests.models import (
    ApplicantType,
    DisclosureRequest,
    Outcome,
    Reason,
    Status,
)
from feedback.uploads import CleanUpload
from portal.codes import normalize_query_code
from tests.disclosure_requests.conftest import at
from tests.utils import minimal_pdf

pytestmark = pytest.mark.django_db

URL = "/requests/"


def form_data(department, /, **overrides):
    data = {
        "submission_token": str(uuid.uuid4()),
        "department": str(department.pk),
        "applicant_type": "natural_person",
        "name": "王五",
        "id_number": "11010519491231002X",
        "contact_person": "",
        "phone": "138 1234 5678",
        "email": "",
        "address": "",
        "description": "请提供2025年城关镇老旧小区改造项目的资金安排文件。",
        "document_number": "",
        "other_features": "",
        "form_wanted": "electronic",
        "delivery": "online",
        "website": "",
        "captcha_0": "abc",
        "captcha_1": "PASSED",
    }
    data.update(overrides)
    return data


def receipt(response):
    html = response.content.decode()
    number = re.search(r'receipt__code">(YS\d+)<', html).group(1)
    code = re.search(r"<dt>查询码</dt><dd class=\"receipt__code\">([A-Z0-9-]+)<", html)
    return number, normalize_query_code(code.group(1)) if code else None


def look_up(client, number, code):
    return client.post(
        URL + "status/", {"tracking_number": number, "query_code": code}, follow=True
    )


def test_form_links_the_guide_and_asks_every_field(client, request_page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/requests/guide/"' in html
    for label in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "纸质", "电子"):
        assert label in html
    assert 'for="id_captcha_1"' in html


def test_apply_receipt_and_lookup(client, request_page, housing):
    response = client.post(
        URL,
        form_data(
            housing,
            attachments=SimpleUploadedFile("id.pdf", minimal_pdf(), "application/pdf"),
        ),
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    number, code = receipt(response)
    assert re.fullmatch(r"YS\d{8}0001", number) and len(code) == 8
    req = DisclosureRequest.objects.get()
    assert (req.name, req.phone, req.status) == ("王五", "13812345678", Status.SUBMITTED)
    assert req.attachments.count() == 1

    status = look_up(client, number, code)
    assert "待确认收到" in status.content.decode()
    assert req.description in status.content.decode()


def test_double_submit_saves_once_and_shows_the_same_receipt(client, request_page, housing):
    data = form_data(housing)
    first = client.post(URL, data)
    second = client.post(URL, {**data, "captcha_1": "used-up"})
    assert DisclosureRequest.objects.count() == 1
    assert receipt(first)[0] == receipt(second)[0]
    assert "此申请已经提交过" in second.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id_number": "110105194912310021"}, "校验位正确"),
        ({"applicant_type": "business", "id_number": "91330100MA2XXXXX0X"}, "请填写联系人"),
        (
            {"applicant_type": "business", "id_number": "123", "contact_person": "赵六"},
            "统一社会信用代码",
        ),
        ({"delivery": "post"}, "选择邮寄时请填写通信地址"),
        ({"description": "太短"}, "内容描述至少 10 个字"),
        ({"phone": "12345"}, "有效的手机号码"),
        ({"department": ""}, "请选择受理机关"),
    ],
)
def test_bad_input_gets_a_chinese_error(client, request_page, housing, overrides, message):
    response = client.post(URL, form_data(housing, **overrides))
    assert message in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_organisation_with_credit_code_is_accepted(client, request_page, housing):
    client.post(
        URL,
        form_data(
            housing,
            applicant_type="legal_services",
            name="示例律师事务所",
            id_number="31330000MD0123456X",
            contact_person="赵六",
        ),
    )
    assert DisclosureRequest.objects.get().applicant_type == ApplicantType.LEGAL_SERVICES


def test_wrong_code_is_refused_and_reply_files_need_the_code(
    client, request_page, housing, housing_handler
):
    response = client.post(URL, form_data(housing))
    number, code = receipt(response)
    req = DisclosureRequest.objects.get()
    req = services.request_confirm_receipt(request=req, actor=housing_handler)
    upload = CleanUpload(content=minimal_pdf(), kind="pdf", original_name="资金安排.pdf")
    req = services.request_reply(
        request=req,
        actor=housing_handler,
        outcome=Outcome.DISCLOSED,
        text="现予提供。",
        documents=[upload],
    )
    document = req.attachments.get(role="reply")
    download = f"{URL}status/files/{document.pk}/?no={number}"
    letter = f"{URL}status/letter/?no={number}"

    assert client.get(download).status_code == 404
    assert client.get(letter).status_code == 404
    wrong = look_up(client, number, "ABCD2345")
    assert "申请编号或查询码不正确" in wrong.content.decode()
    assert client.get(download).status_code == 404

    page = look_up(client, number, code).content.decode()
    assert "予以公开" in page and "现予提供。" in page and "资金安排.pdf" in page
    file_response = client.get(download)
    assert file_response.status_code == 200
    assert file_response["Content-Disposition"].startswith("attachment;")
    assert b"".join(file_response.streaming_content).startswith(b"%PDF")

    letter_page = client.get(letter).content.decode()
    assert "政府信息公开申请答复告知书" in letter_page
    assert "第三十六条第（二）项" in letter_page and "行政复议" in letter_page
    pdf = client.get(letter + "&format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "答复告知书" in text and number in text


def test_letter_names_the_reason_and_its_basis(client, request_page, housing, housing_handler):
    number, code = receipt(client.post(URL, form_data(housing)))
    req = services.request_confirm_receipt(
        request=DisclosureRequest.objects.get(), actor=housing_handler
    )
    services.request_reply(
        request=req,
        actor=housing_handler,
        outcome=Outcome.WITHHELD,
        reason=Reason.PROCESS_INFORMATION,
    )
    look_up(client, number, code)
    html = client.get(f"{URL}status/letter/?no={number}").content.decode()
    assert "属于四类过程性信息" in html and "第十六条第二款" in html


def test_report_html_xlsx_and_pdf(client, report_index, make_request, housing_handler):
    req = make_request(channel="in_person")
    services.request_reply(
        request=req, actor=housing_handler, outcome=Outcome.DISCLOSED, now=at(req.received_on)
    )
    page, _created = services.annual_report_draft(index_page=report_index, year=2026)
    page.get_latest_revision().publish()
    html = client.get("/annual-reports/2026/").content.decode()
    for text in (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "法人或其他组织",
        "3.危及“三安全一稳定”",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "四、结转下年度继续办理",
        "未经复议直接起诉",
        "行政事业性收费",
    ):
        assert text in html, text
    assert '<th rowspan="22" colspan="1">三、本年度办理结果</th>' in html
    assert "2026 年度" in client.get("/annual-reports/").content.decode()

    xlsx = client.get("/annual-reports/2026/download/xlsx/")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert "三、本年度办理结果" in values and "（一）予以公开" in values
    pdf = client.get("/annual-reports/2026/download/pdf/")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "结转下年度继续办理" in text
