"""Personal data in every form people write it: full-width digits, Chinese numerals, separators
inside numbers, bracketed area codes, 15-digit ID numbers, IDs split by spaces and e-mail
addresses spelt name(at)host are masked wherever published text, exports, logs and search
statistics show them; dates, amounts, document and tracking numbers are left alone."""

import csv
import datetime
import io
import logging
import re
import runpy
import unicodedata
from pathlib import Path

import pytest
from gunicorn.config import Config
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from feedback.factories import ComplaintFactory, ComplaintFormPageFactory, advance, supervisor
from feedback.models import Status
from portal.deidentify import deidentify, mask_contact_data
from portal.factories import DepartmentFactory
from portal.logs import PersonalDataFilter, mask_personal_data
from portal.middleware import MAX_REQUEST_LINE
from portal.search.services import search_query_record

CHINESE = dict(zip("0123456789", "〇一二三四五六七八九", strict=True))
FULL_WIDTH = {chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def digits_of(text):
    """What a reader can recover from `text`: its digits after NFKC and Chinese numerals."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(CHINESE.get(char, char) for char in text)
    text = text.translate(str.maketrans("〇○零一二三四五六七八九", "000123456789"))
    return re.sub(r"[^0-9Xx]", "", text)


def with_check_digit(first17):
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


# -- the listed variants, one by one ---------------------------------------------------------

VARIANTS = [
    ("电话１３８００１３８０００请回电", "13800138000", "138****8000"),
    ("电话138－0013－8000", "13800138000", "138****8000"),
    ("电话138.0013.8000", "13800138000", "138****8000"),
    ("电话+86 １３８ ００１３ ８０００", "13800138000", "138****8000"),
    ("电话一三八〇〇一三八〇〇〇", "13800138000", "138****8000"),
    ("电话幺三八 零零幺三 八零零零", "13800138000", "138****8000"),
    ("老身份证330102900101123号码", "330102900101123", "330102*********"),
    ("身份证330102 19900101 123X", "33010219900101123X", "330102************"),
    ("身份证３３０１０２１９９００１０１１２３４", "330102199001011234", "330102************"),
    ("座机(0571)86012345", "057186012345", "0571-****"),
    ("座机（０５７１）８６０１２３４５", "057186012345", "0571-****"),
    ("座机0571 8601 2345", "057186012345", "0571-****"),
    ("座机０１０－１２３４５６７８转", "01012345678", "010-****"),
]


@pytest.mark.parametrize(("text", "secret", "shown"), VARIANTS)
def test_every_variant_is_masked(text, secret, shown):
    masked = deidentify(text)
    assert secret not in digits_of(masked), masked
    assert shown in masked


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("邮箱wang.xm(at)example.com", "w***@example.com"),
        ("邮箱 wang.xm [at] example [dot] com 谢谢", "w***@example.com"),
        ("邮箱ｗａｎｇ．ｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", "w***@example.com"),
        ("邮箱 wang.xm @ example.com", "w***@example.com"),
    ],
)
def test_spelt_out_email_addresses_are_masked(text, shown):
    masked = deidentify(text)
    assert "wang.xm" not in masked and "ｗａｎｇ" not in masked
    assert shown in masked


def test_masking_replaces_only_the_number_and_keeps_the_rest_of_the_text():
    text = (
        "我于2026年12月6日反映，电话１３８－００１３－８０００ 13900139000，"
        "多收1,380.00元，文号〔2026〕13号。"
    )
    assert deidentify(text) == (
        "我于2026年12月6日反映，电话138****8000 139****9000，多收1,380.00元，文号〔2026〕13号。"
    )


def test_logs_and_search_statistics_use_the_same_masking():
    for text, secret, _shown in VARIANTS:
        assert secret not in digits_of(mask_personal_data(text)), text
        assert mask_personal_data(text) == mask_contact_data(text)


# -- property tests: generated numbers through random variant transforms ---------------------

SEPARATORS = ["-", "－", ".", " ", "　", "·", "—", " - "]


@st.composite
def rendered(draw, digits):
    """`digits` as a citizen might type them: each digit ASCII, full-width or a Chinese
    numeral, with separators between some of them."""
    style = draw(st.sampled_from(["ascii", "full", "chinese", "mixed"]))
    out = []
    for index, digit in enumerate(digits):
        choice = style if style != "mixed" else draw(st.sampled_from(["ascii", "full", "chinese"]))
        if digit in "Xx":
            out.append(digit if choice != "full" else FULL_WIDTH[digit])
        elif choice == "full":
            out.append(FULL_WIDTH[digit])
        elif choice == "chinese":
            out.append(CHINESE[digit])
        else:
            out.append(digit)
        if index < len(digits) - 1 and draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)
id_numbers = st.builds(
    lambda area, born, sequence: with_check_digit(f"{area}{born:%Y%m%d}{sequence:03d}"),
    st.integers(110000, 659999),
    st.dates(datetime.date(1930, 1, 1), datetime.date(2020, 12, 31)),
    st.integers(0, 999),
)
old_id_numbers = st.builds(
    lambda area, born, sequence: f"{area}{born:%y%m%d}{sequence:03d}",
    st.integers(110000, 659999),
    st.dates(datetime.date(1930, 1, 1), datetime.date(1999, 12, 31)),
    st.integers(0, 999),
)
landlines = st.builds(
    lambda area, first, rest: f"{area}{first}{rest}",
    st.sampled_from(["010", "021", "0571", "0755", "0574"]),
    st.sampled_from("2345678"),
    st.text("0123456789", min_size=7, max_size=7),
)
contexts = st.tuples(
    st.sampled_from(["我的电话是", "联系方式：", "身份证号", "请拨打", "号码 ", ""]),
    st.sampled_from(["，请回电。", "。", " 谢谢", "（本人）", ""]),
)


@given(number=st.one_of(mobiles, id_numbers, old_id_numbers, landlines), data=st.data())
def test_generated_numbers_leave_nothing_recoverable(number, data):
    before, after = data.draw(contexts)
    text = before + data.draw(rendered(number)) + after
    masked = deidentify(text)
    assert number not in digits_of(masked), (text, masked)
    assert mask_personal_data(text) == mask_contact_data(text)
    assert number not in digits_of(mask_personal_data(text))


@given(
    local=st.from_regex(r"[a-z][a-z0-9._]{2,10}[a-z0-9]", fullmatch=True),
    domain=st.sampled_from(["example.com", "mail.example.gov.cn", "qq.com"]),
    at=st.sampled_from(["@", "＠", "(at)", " (at) ", "[at]", " @ ", "（at）"]),
    full_width=st.booleans(),
    context=contexts,
)
def test_generated_email_addresses_leave_nothing_recoverable(
    local, domain, at, full_width, context
):
    address = local + at + domain
    if full_width:
        address = "".join(FULL_WIDTH.get(char, char) for char in address)
    masked = deidentify(context[0] + address + context[1])
    flat = unicodedata.normalize("NFKC", masked).replace(" ", "")
    assert local not in flat and f"{local}@{domain}" not in flat, masked
    assert f"{local[0]}***@{domain}" in flat


ordinary = st.one_of(
    st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)).map(
        lambda day: f"{day.year}年{day.month}月{day.day}日"
    ),
    st.builds(
        lambda yuan, fen: f"{yuan:,}.{fen:02d}元", st.integers(0, 99_999_999), st.integers(0, 99)
    ),
    st.builds(lambda year, n: f"〔{year}〕{n}号", st.integers(2000, 2030), st.integers(1, 999)),
    st.builds(
        lambda day, n: f"TS{day:%Y%m%d}{n:04d}",
        st.dates(datetime.date(2020, 1, 1), datetime.date(2030, 12, 31)),
        st.integers(1, 99999),
    ),
    st.builds(lambda n: f"第{n}条", st.integers(1, 200)),
)


@given(st.lists(ordinary, min_size=1, max_size=6), st.sampled_from(["，", "、", " ", "；"]))
def test_dates_amounts_document_and_tracking_numbers_stay(tokens, joiner):
    text = "经核查，" + joiner.join(tokens) + "。"
    assert deidentify(text) == text
    assert mask_personal_data(text) == text


# -- where the masking is applied ------------------------------------------------------------

SUBJECT = "请回电１３８－００１３－８０００"
DESCRIPTION = (
    "身份证330102 19900101 123X，老证330102900101123，座机(0571)86012345、0571 8601 2345，"
    "手机一三八〇〇一三八〇〇〇，邮箱wang.xm(at)example.com。窗口多收了1,380.00元。"
)
REPLY = "已致电138.0013.8000说明情况。"
SECRETS = ("13800138000", "33010219900101123X", "330102900101123", "057186012345")


@pytest.fixture
def market(db):
    return DepartmentFactory(name="示例县市场监督管理局", code="11331003")


@pytest.fixture
def chief(db):
    return supervisor(email="chief@example.gov.cn")


@pytest.fixture
def replied(market, chief):
    complaint = ComplaintFactory(department=market, subject=SUBJECT, description=DESCRIPTION)
    return advance(complaint, Status.REPLIED, actor=chief, reply=REPLY)


def assert_nothing_recoverable(text):
    digits = digits_of(text)
    for secret in SECRETS:
        assert secret not in digits, secret
    assert "wang.xm" not in text


def test_public_complaint_page_masks_every_variant(client, home, replied):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    for url in ("/complaints/public/", f"/complaints/public/{replied.pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "138****8000" in html
        assert_nothing_recoverable(html)
    assert "1,380.00元" in html


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_admin_complaint_export_masks_the_subject(client, chief, replied, export):
    client.force_login(chief)
    response = client.get(f"/admin/complaints/?export={export}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        rows = list(csv.reader(io.StringIO(body.decode().lstrip("\ufeff"))))
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        rows = [[str(cell) if cell is not None else "" for cell in row] for row in sheet.values]
    column = rows[0].index("投诉主题")
    assert [row[column] for row in rows[1:]] == ["请回电138****8000"]
    assert_nothing_recoverable("\n".join(",".join(row) for row in rows))


def test_log_filter_masks_every_variant():
    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "%s", (DESCRIPTION,), None)
    PersonalDataFilter().filter(record)
    assert_nothing_recoverable(record.getMessage())


@pytest.mark.django_db
def test_search_statistics_keep_only_masked_queries():
    from wagtail.contrib.search_promotions.models import Query

    for query in ("１３８－００１３－８０００", "一三八〇〇一三八〇〇〇", "330102 19900101 123X"):
        search_query_record(query_string=query, result_count=0)
    stored = " ".join(Query.objects.values_list("query_string", flat=True))
    assert stored and "13800138000" not in digits_of(stored)
    assert "33010219900101123" not in digits_of(stored)


# -- gunicorn: the access log and the request-line limit -------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_logger():
    """The logger gunicorn builds from gunicorn.conf.py, as the Dockerfile starts it."""
    values = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    for name, value in values.items():
        if name in config.settings:
            config.set(name, value)
    assert config.limit_request_line > MAX_REQUEST_LINE
    return config.logger_class(config)


def test_gunicorn_access_log_has_no_query_string_and_masks_the_path(capsys):
    assert '"--config", "gunicorn.conf.py"' in (ROOT / "Dockerfile").read_text()
    logger = gunicorn_logger()
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger.access_log.addHandler(handler)
    logger.error_log.addHandler(handler)
    query = "q=13800138000&id=330102199001011234&email=wang.xm%40example.com"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/search/?{query}",
        "PATH_INFO": "/complaints/status/１３８００１３８０００/",
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
        "HTTP_REFERER": f"https://portal.example.gov.cn/search/?{query}",
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    response = type("Response", (), {"status": "200 OK", "sent": 512, "headers": []})()
    logger.access(response, environ, environ, datetime.timedelta(seconds=0, microseconds=1500))
    logger.error("Error handling request GET /search/?q=wang.xm@example.com 13800138000")
    capsys.readouterr()
    assert len(lines) == 2 and '"GET /complaints/status/138****8000/ HTTP/1.1" 200' in lines[0]
    for line in lines:
        assert "wang.xm" not in line and "330102199001011234" not in line
        assert "13800138000" not in digits_of(line)


@pytest.mark.django_db
def test_too_long_url_gets_the_portals_chinese_414(client):
    response = client.get("/search/", {"q": "政务公开" * 400})
    assert response.status_code == 414
    html = response.content.decode()
    assert "网址过长" in html and 'lang="zh-Hans"' in html
    assert "URI Too Long" not in html
    assert client.get("/search/", {"q": "政务公开" * 100}).status_code == 200
