"""Odd input from the public never makes a server error: Unicode digits and out-of-range numbers as
ids, NUL bytes, the open-data API's paging, and the portal's own Chinese pages for 400, 403, a
failed CSRF check and a 500 (which must not need the database)."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection
from django.http import QueryDict
from django.test import Client, RequestFactory

from decisions.selectors import parse_index_filters
from disclosure.selectors import parse_catalogue_filters
from feedback.factories import ComplaintFactory, ComplaintFormPageFactory
from feedback.models import Complaint
from portal import views
from portal.factories import DepartmentFactory
from portal.inputs import CONTROL_CHARACTER_MESSAGE, clean_text, parse_id

pytestmark = pytest.mark.django_db

FORM = "/complaints/"
HOTLINE = "12345"
# Django's own zh-hans text for a NUL byte in a field, which says the field is empty.
DJANGO_NUL_MESSAGE = "不允许是用空字符串"


@pytest.fixture
def complaint_page(home):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    return page


def form_data(**overrides):
    data = {
        "submission_token": str(uuid.uuid4()),
        "category": "service_attitude",
        "subject": "窗口人员态度生硬",
        "description": "11月18日上午在政务服务中心二楼窗口办理营业执照变更，工作人员一直看手机。",
        "location": "县政务服务中心二楼",
        "name": "张三",
        "phone": "13812345678",
        "website": "",
        "captcha_0": "abc",
        "captcha_1": "PASSED",
    }
    data.update(overrides)
    return data


def html(response):
    return response.content.decode()


@pytest.mark.parametrize("value", ["7", " 7 ", "2147483647", "0007"], ids=repr)
def test_parse_id_reads_ascii_digits(value):
    assert parse_id(value) == int(value.strip())


@pytest.mark.parametrize(
    "value",
    [
        "²",
        "٣",
        "７",
        "-1",
        "+1",
        "0",
        "1.0",
        "1e3",
        "2147483648",
        "9" * 30,
        "",
        None,
        "\x00",
        "1\x00",
    ],
    ids=repr,
)
def test_parse_id_refuses_everything_else(value):
    assert parse_id(value) is None


def test_clean_text_says_what_is_wrong_with_a_nul_byte():
    assert clean_text("第一行\n第二行\t") == "第一行\n第二行\t"
    with pytest.raises(ValidationError) as refused:
        clean_text("登记\x00")
    assert "控制字符" in str(refused.value.messages[0])


# --- ids in links and hidden fields ----------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "department=²",
        "procedure=²",
        "fee=²",
        "department=99999999999999999999",
        "procedure=99999999999999999999",
        "fee=-1",
        "department=%00",
    ],
)
def test_form_links_with_odd_ids_show_the_form(client, complaint_page, query):
    response = client.get(f"{FORM}?{query}")
    assert response.status_code == 200
    assert 'name="subject"' in html(response)


@pytest.mark.parametrize(
    "query", ["department=²", "department=99999999999999999999", "month=%00", "page=²"]
)
def test_public_list_with_odd_filters_is_the_unfiltered_list(client, complaint_page, query):
    response = client.get(f"/complaints/public/?{query}")
    assert response.status_code == 200
    assert "投诉" in html(response)


@pytest.mark.parametrize("field", ["procedure", "fee_item", "department"])
@pytest.mark.parametrize("value", ["²", "99999999999999999999"])
def test_posted_odd_ids_never_make_a_server_error(client, complaint_page, field, value):
    response = client.post(FORM, form_data(**{field: value}))
    assert response.status_code == 200
    if field == "department":
        assert "请从列表中选择被投诉部门" in html(response)
    else:
        # A stale hidden link is ignored: the complaint is taken without it.
        complaint = Complaint.objects.get()
        assert complaint.procedure_id is None and complaint.fee_item_id is None


@pytest.mark.parametrize("query", ["department=²", "year=²", "department=9" + "9" * 25])
def test_disclosure_and_decision_filters_read_ids_in_one_place(query):
    DepartmentFactory()
    params = QueryDict(query)
    assert "department" not in parse_catalogue_filters(params)
    assert "year" not in parse_catalogue_filters(params)
    assert parse_index_filters(params) == {}


# --- NUL bytes -------------------------------------------------------------------------------


def test_a_nul_byte_in_the_status_link_shows_the_look_up_form(client, complaint_page):
    response = client.get("/complaints/status/?no=%00")
    assert response.status_code == 200
    assert 'name="query_code"' in html(response)


def test_rating_with_a_nul_tracking_number_asks_to_look_up_again(client, complaint_page):
    ComplaintFactory()
    response = client.post(
        "/complaints/status/", {"action": "rate", "tracking_number": "\x00", "rating": "satisfied"}
    )
    assert response.status_code == 403
    assert "重新输入投诉编号和查询码" in html(response)


@pytest.mark.parametrize("field", ["subject", "description", "name", "location"])
def test_a_nul_byte_in_a_form_field_is_refused_with_a_message_saying_so(
    client, complaint_page, field
):
    data = form_data()
    data[field] = data[field][:2] + "\x00" + data[field][2:]
    response = client.post(FORM, data)
    assert response.status_code == 200
    assert not Complaint.objects.exists()
    page = html(response)
    assert "控制字符" in page
    assert DJANGO_NUL_MESSAGE not in page
    assert str(CONTROL_CHARACTER_MESSAGE)[:20] in page


def test_a_nul_byte_in_the_status_look_up_is_refused_with_a_message_saying_so(
    client, complaint_page
):
    response = client.post(
        "/complaints/status/",
        {"action": "lookup", "tracking_number": "TS\x00", "query_code": "ABCD2345"},
    )
    assert response.status_code == 200
    assert "控制字符" in html(response) and DJANGO_NUL_MESSAGE not in html(response)


def test_search_with_a_nul_byte_searches_the_words(client, home, caplog):
    response = client.get("/search/?q=登记%00")
    assert response.status_code == 200
    assert "搜索服务暂时不可用" not in html(response)
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


# --- the open-data API -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=²",
        "limit=99999999999999999999",
        "locale=%00",
        "locale=zh%00",
        "title=%00",
        "child_of=²",
        "descendant_of=99999999999999999999",
        "search=%00",
        "unknown=1",
        "order=nonsense",
    ],
)
def test_api_refuses_unreadable_parameters_with_a_chinese_400(client, home, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    message = response.json()["message"]
    assert any("\u4e00" <= char <= "\u9fff" for char in message), message


def test_api_find_with_an_odd_id_is_a_400_and_ordinary_paging_still_works(client, home):
    assert client.get("/api/v2/pages/find/?id=²").status_code == 400
    response = client.get(f"/api/v2/pages/?offset=0&limit=10&locale=zh-hans&child_of={home.pk}")
    assert response.status_code == 200


# --- the portal's own error pages ------------------------------------------------------------


def assert_portal_error_page(response, status):
    assert response.status_code == status
    page = html(response)
    assert 'lang="zh-Hans"' in page and HOTLINE in page
    for english in ("Bad Request", "Forbidden", "DEBUG", "CSRF verification failed"):
        assert english not in page


def test_a_csrf_failure_on_a_public_form_asks_to_reload_it(complaint_page):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(FORM, form_data())
    assert_portal_error_page(response, 403)
    assert "刷新表单页面" in html(response) and "没有保存" in html(response)
    assert not Complaint.objects.exists()


def test_too_many_form_fields_is_the_portal_400(client, complaint_page, settings):
    data = form_data(**{f"extra{number}": "x" for number in range(50)})
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 40
    response = client.post(FORM, data)
    assert_portal_error_page(response, 400)
    assert "没有保存" in html(response)


def test_a_permission_denied_is_the_portal_403(client, home):
    request = RequestFactory().get("/")
    response = views.permission_denied(request, PermissionDenied())
    assert_portal_error_page(response, 403)


def _down():
    """Every query fails, as when PostgreSQL is down: the error page must need none."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server")

    return connection.execute_wrapper(refuse)


def test_with_the_database_down_a_posted_form_says_the_text_was_not_sent(complaint_page):
    browser = Client(raise_request_exception=False)
    with _down():
        response = browser.post(FORM, form_data())
    assert_portal_error_page(response, 500)
    page = html(response)
    assert "没有提交成功" in page and "后退" in page and "重新提交" in page
    assert "no-store" not in response.get("Cache-Control", "")
    with _down():
        viewed = browser.get(FORM)
    assert_portal_error_page(viewed, 500)
    assert "没有提交成功" not in html(viewed)


def test_form_pages_let_the_browser_keep_what_was_typed(client, complaint_page):
    """The form and the form shown again with its errors are private and revalidated, but not
    no-store: going back to them restores the citizen's text. The receipt stays no-store."""
    for response in (client.get(FORM), client.post(FORM, form_data(subject=""))):
        assert response.status_code == 200
        control = response["Cache-Control"]
        assert "private" in control and "no-cache" in control
        assert "no-store" not in control
    receipt = client.post(FORM, form_data())
    assert "no-store" in receipt["Cache-Control"]
