"""The public form: receipt, double submit, every bad input, rate limits, failures after saving."""

import io
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from feedback.codes import QUERY_CODE_HASH_PREFIX, QUERY_CODE_RE, normalize_query_code, stored_token
from feedback.models import Action, Complaint, Status
from tests.feedback.conftest import form_data
from tests.utils import minimal_pdf

pytestmark = pytest.mark.django_db

URL = "/complaints/"


def receipt_code(response):
    match = re.search(
        r'class="receipt__code">([A-Z0-9-]+)</dd>\s*</div>\s*<div><dt>提交时间',
        response.content.decode(),
    )
    return normalize_query_code(match.group(1)) if match else None


def jpeg(size=(40, 30)):
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 10)).save(output, format="JPEG")
    return output.getvalue()


def test_form_renders_uncached_with_a_fresh_token_and_accessible_labels(client, complaint_page):
    first = client.get(URL)
    second = client.get(URL)
    assert first.status_code == 200
    # Private and revalidated, but not no-store: the browser keeps what was typed (issue 14).
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    assert "no-store" not in first["Cache-Control"]
    html = first.content.decode()
    tokens = [
        re.search(r'name="submission_token" value="([^"]+)"', r.content.decode()).group(1)
        for r in (first, second)
    ]
    assert tokens[0] != tokens[1]
    for field in ("category", "department", "subject", "description", "name", "phone", "captcha_1"):
        assert f'for="id_{field}"' in html, field
    assert 'enctype="multipart/form-data"' in html
    assert 'action="/complaints/#form-result"' in html
    assert "<script" not in html and 'style="' not in html
    assert "门难进、脸难看、事难办" in html and "文风会风" in html


def test_valid_complaint_gets_a_receipt_with_number_code_and_deadlines(
    client, complaint_page, market, site_limits
):
    response = client.post(URL, form_data(department=str(market.pk)))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    complaint = Complaint.objects.get()
    assert re.fullmatch(r"TS\d{8}0001", complaint.tracking_number)
    html = response.content.decode()
    assert complaint.tracking_number in html
    code = receipt_code(response)
    assert code and QUERY_CODE_RE.match(code)
    # Only a keyed hash of the code is stored, never the code itself.
    assert code not in complaint.query_code_hash
    assert complaint.query_code_hash.startswith(QUERY_CODE_HASH_PREFIX)
    assert complaint.check_query_code(code) and complaint.check_query_code(code.lower())
    assert complaint.accept_deadline.strftime("%Y年%-m月%-d日") in html
    assert "受理后 15 个工作日内答复" in html
    assert 'href="/complaints/status/"' in html
    assert complaint.status == Status.SUBMITTED
    assert complaint.handling_department == market
    assert list(complaint.events.values_list("action", flat=True)) == [Action.SUBMIT]


def test_tracking_numbers_follow_the_daily_sequence(client, complaint_page):
    client.post(URL, form_data())
    client.post(URL, form_data())
    numbers = list(Complaint.objects.order_by("pk").values_list("tracking_number", flat=True))
    assert [n[-4:] for n in numbers] == ["0001", "0002"]


def test_double_submit_gives_the_same_receipt_and_one_row(client, complaint_page):
    data = form_data()
    first = client.post(URL, data)
    # The captcha key is gone after the first post (as with a real double click); the token
    # is checked first, so the second post is not refused as a wrong captcha.
    second = client.post(URL, {**data, "captcha_1": "wrong"})
    assert Complaint.objects.count() == 1
    complaint = Complaint.objects.get()
    assert second.status_code == 200
    assert complaint.tracking_number in second.content.decode()
    assert receipt_code(first) == receipt_code(second)
    assert "此投诉已经提交过" in second.content.decode()
    assert complaint.submission_token == stored_token(data["submission_token"])


def test_a_tampered_token_still_gets_a_complaint_saved(client, complaint_page):
    response = client.post(URL, form_data(submission_token="<script>alert(1)</script>"))
    assert response.status_code == 200
    assert Complaint.objects.count() == 1


def test_errors_are_listed_at_the_top_linked_to_fields_and_keep_what_was_typed(
    client, complaint_page
):
    data = form_data(
        subject="窗口人员态度生硬",
        description="太短了",
        phone="12345",
        location="二楼<b>窗口</b>",
        captcha_1="PASSED",
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert Complaint.objects.count() == 0
    assert "<title>错误：" in html
    summary = html[
        html.index('id="form-result"') : html.index("</ul>", html.index('id="form-result"'))
    ]
    assert (
        'tabindex="-1"'
        in html[html.index('class="error-summary"') - 5 : html.index('id="form-result"') + 60]
    )
    assert 'href="#id_description"' in summary and 'href="#id_phone"' in summary
    assert "投诉内容至少 20 个字" in summary
    assert "请填写有效的手机号码" in summary
    # What was typed is kept (escaped), except the captcha answer.
    assert 'value="窗口人员态度生硬"' in html
    assert 'value="二楼&lt;b&gt;窗口&lt;/b&gt;"' in html
    assert 'name="captcha_1" value="PASSED"' not in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_description_helptext id_description_error"' in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"category": ""}, "category", "请选择投诉类别"),
        ({"category": "bogus"}, "category", "请从列表中选择投诉类别"),
        ({"department": "999999"}, "department", "请从列表中选择被投诉部门"),
        ({"department": "abc"}, "department", "请从列表中选择被投诉部门"),
        ({"subject": ""}, "subject", "请填写投诉主题"),
        ({"subject": "差"}, "subject", "投诉主题至少 4 个字"),
        ({"subject": "很" * 101}, "subject", "投诉主题不能超过 100 个字"),
        ({"description": ""}, "description", "请填写投诉内容"),
        ({"description": "字" * 19}, "description", "投诉内容至少 20 个字"),
        ({"description": "字" * 5001}, "description", "投诉内容不能超过 5000 个字"),
        ({"occurred_on": "2026-13-40"}, "occurred_on", "请按“年-月-日”填写发生日期"),
        ({"occurred_on": "2999-01-01"}, "occurred_on", "发生日期不能晚于今天"),
        ({"occurred_on": "1999-12-31"}, "occurred_on", "发生日期不能早于 2000 年"),
        ({"location": "地" * 201}, "location", "发生地点不能超过 200 个字"),
        ({"name": ""}, "name", "请填写姓名，或选择匿名投诉"),
        ({"name": "张3"}, "name", "姓名只能由文字组成"),
        ({"name": "<b>x</b>"}, "name", "姓名只能由文字组成"),
        ({"phone": ""}, "phone", "请填写联系电话，或选择匿名投诉"),
        ({"phone": "1381234567"}, "phone", "请填写有效的手机号码"),
        ({"phone": "23812345678"}, "phone", "请填写有效的手机号码"),
        ({"email": "not-an-email"}, "email", "请填写有效的电子邮箱地址"),
        ({"captcha_1": "wrong"}, "captcha", "验证码不正确或已过期"),
        ({"captcha_1": ""}, "captcha", "请填写验证码"),
        ({"description": "正常内容" * 5 + "\x00"}, "description", ""),
    ],
)
def test_every_bad_field_gets_a_chinese_error(client, complaint_page, overrides, field, message):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("138 1234 5678", "13812345678"),
        ("+86-138-1234-5678", "13812345678"),
        ("0571-86012345", "0571-86012345"),
        ("0571 8601 2345", "0571-86012345"),
        ("010-12345678-801", "010-12345678-801"),
    ],
)
def test_mainland_mobile_and_landline_numbers_are_accepted_and_normalised(
    client, complaint_page, phone, stored
):
    client.post(URL, form_data(phone=phone))
    assert Complaint.objects.get().phone == stored


def test_anonymous_complaint_keeps_no_contact_data(client, complaint_page):
    response = client.post(
        URL, form_data(is_anonymous="on", name="张三", phone="13812345678", email="a@b.cn")
    )
    complaint = Complaint.objects.get()
    assert complaint.is_anonymous
    assert (complaint.name, complaint.phone, complaint.email) == ("", "", "")
    assert "匿名投诉" in response.content.decode()


def test_anonymous_complaint_needs_no_name_or_phone(client, complaint_page):
    client.post(URL, form_data(is_anonymous="on", name="", phone=""))
    assert Complaint.objects.count() == 1


def test_honeypot_refuses_bots_without_saving(client, complaint_page):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert Complaint.objects.count() == 0
    assert "提交未通过校验" in response.content.decode()


def test_html_in_the_complaint_is_stored_as_typed_and_shown_as_text(client, complaint_page):
    evil = "<script>alert('x')</script>窗口人员态度很差，请处理。这里至少二十个字。"
    response = client.post(URL, form_data(subject="<img src=x onerror=alert(1)>", description=evil))
    complaint = Complaint.objects.get()
    assert complaint.description == evil
    assert "<img src=x" not in response.content.decode()


def test_attachments_are_saved_reencoded_and_private(client, complaint_page, settings):
    files = [
        SimpleUploadedFile("现场.jpg", jpeg(), content_type="image/jpeg"),
        SimpleUploadedFile("收据.pdf", minimal_pdf(), content_type="application/pdf"),
    ]
    client.post(URL, {**form_data(), "attachments": files})
    complaint = Complaint.objects.get()
    attachments = list(complaint.attachments.order_by("pk"))
    assert [a.kind for a in attachments] == ["jpeg", "pdf"]
    assert attachments[0].original_name == "现场.jpg"
    for attachment in attachments:
        assert attachment.file.name.startswith("private/complaints/")
        assert "现场" not in attachment.file.name
        assert attachment.file.storage.exists(attachment.file.name)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("fake.jpg", b"%PDF-1.4\n%%EOF")], "扩展名与内容不符"),
        ([("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')], "不是 JPEG"),
        ([("big.pdf", b"%PDF-" + b"0" * (6 * 1024 * 1024))], "超过 5 MB"),
        ([(f"{n}.pdf", b"%PDF-1.4\n") for n in range(4)], "最多上传 3 个附件"),
    ],
)
def test_bad_attachments_are_refused_cleanly_and_nothing_is_saved(
    client, complaint_page, files, message
):
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    response = client.post(URL, {**form_data(), "attachments": uploads})
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    html = response.content.decode()
    assert message in html
    assert 'href="#id_attachments"' in html
    assert "页面重新显示后需要重新选择附件" in html


def test_twentieth_post_from_one_ip_in_a_minute_is_refused(client, complaint_page):
    statuses = [
        client.post(URL, form_data(phone=f"1391234{n:04d}"), REMOTE_ADDR="203.0.113.9").status_code
        for n in range(20)
    ]
    assert statuses[-1] == 429
    assert statuses.count(200) == 10
    last = client.post(URL, form_data(), REMOTE_ADDR="203.0.113.9")
    assert "提交过于频繁" in last.content.decode()
    assert Complaint.objects.count() == 10
    # Another address is not affected.
    assert client.post(URL, form_data(), REMOTE_ADDR="203.0.113.10").status_code == 200


def test_sixth_complaint_from_one_phone_in_a_day_is_refused(client, complaint_page):
    for n in range(5):
        client.post(URL, form_data(), REMOTE_ADDR=f"198.51.100.{n}")
    response = client.post(URL, form_data(), REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 429
    assert "该电话号码今天提交的投诉已达 5 件" in response.content.decode()
    assert Complaint.objects.count() == 5


def test_complaint_is_saved_when_redis_fails_for_the_rate_limits(client, complaint_page):
    broken = mock.Mock()
    broken.add.side_effect = broken.get.side_effect = broken.incr.side_effect = ConnectionError
    with mock.patch("portal.ratelimit.cache", broken):
        response = client.post(URL, form_data())
    # The limit counts with add and incr: a read while Redis is down would look like a new window.
    assert broken.add.called and broken.incr.called
    assert response.status_code == 200
    assert Complaint.objects.count() == 1


def test_receipt_is_shown_when_mail_fails_after_the_complaint_is_saved(
    client, complaint_page, market, market_handler, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.feedback.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(URL, form_data(department=str(market.pk)))
    assert callbacks, "the e-mail was queued after the commit"
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.tracking_number in response.content.decode()
    assert mail.outbox == []


def test_receipt_is_shown_when_the_task_queue_fails(
    client, complaint_page, market, market_handler, django_capture_on_commit_callbacks
):
    broken = mock.Mock()
    broken.enqueue.side_effect = RuntimeError("task queue down")
    with (
        mock.patch("feedback.tasks.notify_assignment", broken),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, form_data(department=str(market.pk)))
    assert broken.enqueue.called
    assert response.status_code == 200
    assert Complaint.objects.count() == 1


def test_mail_to_the_department_handlers_after_submission(
    client,
    complaint_page,
    market,
    market_handler,
    transport_handler,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(department=str(market.pk), subject="<b>粗体</b>态度差"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["market@example.gov.cn"]
    complaint = Complaint.objects.get()
    assert complaint.tracking_number in message.subject
    assert "<b>粗体</b>态度差" in message.body  # plain text: the tags are shown, not run
    assert "13812345678" not in message.body and "张三" not in message.body
    assert f"/admin/complaints/{complaint.pk}/" in message.body
