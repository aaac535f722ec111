"""The public comment form end to end: open only in the period, every bad input refused with a
Chinese message, one comment per submission token, the department told by e-mail after commit."""

import datetime
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from decisions import views
from decisions.factories import MajorDecisionPageFactory
from decisions.models import DecisionStatus, MajorDecisionPage, ModerationStatus, PublicComment
from decisions.services import comment_moderate

pytestmark = pytest.mark.django_db

TEXT = "建议将首次免费停车时间延长到 60 分钟，方便群众到医院办事。"


def payload(**overrides):
    data = {
        "text": TEXT,
        "sector": "public",
        "name": "王小明",
        "contact": "13812345678",
        "captcha_0": "test-key",
        "captcha_1": "PASSED",
        "website": "",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def post(client, page, ip="203.0.113.5", **overrides):
    return client.post(page.url, payload(**overrides), REMOTE_ADDR=ip)


def html(response):
    return response.content.decode()


def test_open_notice_shows_the_form_and_is_never_cached(client, notice):
    response = client.get(notice.url)
    assert response.status_code == 200
    assert 'name="submission_token"' in html(response)
    assert 'name="captcha_1"' in html(response)
    cache_control = response["Cache-Control"]
    # Never cached, but not no-store either: the browser keeps what was typed in the form.
    assert "no-cache" in cache_control and "private" in cache_control
    assert "no-store" not in cache_control


def test_each_rendered_form_gets_its_own_token(client, notice):
    first = client.get(notice.url).context["comment_form"]["submission_token"].value()
    second = client.get(notice.url).context["comment_form"]["submission_token"].value()
    assert first and second and first != second


def test_closed_notice_shows_no_form_and_may_be_cached(client, section, department):
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=40),
    )
    response = client.get(page.url)
    assert 'name="captcha_1"' not in html(response)
    assert "不再接收意见" in html(response)
    assert "no-store" not in response.get("Cache-Control", "")


def test_an_upcoming_notice_is_not_cached_into_its_opening(client, section, department):
    soon = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() + datetime.timedelta(minutes=10),
    )
    assert "no-cache" in client.get(soon.url)["Cache-Control"]
    later = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() + datetime.timedelta(days=2),
    )
    max_age = int(client.get(later.url)["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 2 * 86400 - views.OPENING_SOON - 60 < max_age <= 2 * 86400 - views.OPENING_SOON


def test_a_comment_is_saved_with_a_receipt_and_the_department_is_mailed_after_commit(
    client, notice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, notice)
    assert response.status_code == 200
    comment = PublicComment.objects.get()
    assert (comment.text, comment.name, comment.contact, comment.sector) == (
        TEXT,
        "王小明",
        "13812345678",
        "public",
    )
    assert comment.status == ModerationStatus.PENDING and comment.outcome == ""
    assert comment.receipt_number.startswith("YJ" + timezone.localdate().strftime("%Y%m%d"))
    assert comment.receipt_number in html(response)
    assert "您的意见已提交" in html(response)
    assert "no-store" in response["Cache-Control"]
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fgj@example.gov.cn"]
    assert comment.receipt_number in message.subject
    assert f"/admin/decision_comments/edit/{comment.pk}/" in message.body
    # The mail carries the words, masked, and never the contact details.
    assert "13812345678" not in message.body and "王小明" not in message.body
    assert "60 分钟" in message.body


def test_no_mail_is_sent_before_the_transaction_commits(client, notice):
    post(client, notice)
    assert PublicComment.objects.count() == 1
    assert mail.outbox == []


def test_the_notice_address_wins_over_the_department(
    client, notice, django_capture_on_commit_callbacks
):
    MajorDecisionPage.objects.filter(pk=notice.pk).update(contact_email="yijian@example.gov.cn")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, notice)
    assert mail.outbox[0].to == ["yijian@example.gov.cn"]


def test_a_mail_failure_never_loses_the_comment(client, notice, django_capture_on_commit_callbacks):
    with (
        mock.patch("decisions.tasks.send_mail", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post(client, notice)
    assert response.status_code == 200
    assert PublicComment.objects.count() == 1


def test_without_any_address_the_comment_is_kept_and_nothing_is_sent(
    client, notice, django_capture_on_commit_callbacks
):
    notice.issuing_department.email = ""
    notice.issuing_department.save()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, notice)
    assert PublicComment.objects.count() == 1 and mail.outbox == []


# -- the period, at its boundaries ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [("open-1s", False), ("open", True), ("close-1s", True), ("close", False), ("close+1s", False)],
)
def test_comment_accepted_only_inside_the_period(client, notice, offset, accepted):
    second = datetime.timedelta(seconds=1)
    moments = {
        "open-1s": notice.opens_at - second,
        "open": notice.opens_at,
        "close-1s": notice.closes_at - second,
        "close": notice.closes_at,
        "close+1s": notice.closes_at + second,
    }
    with mock.patch("django.utils.timezone.now", return_value=moments[offset]):
        response = post(client, notice)
    assert PublicComment.objects.exists() == accepted
    if accepted:
        assert response.status_code == 200
        assert "回执编号" in html(response)
    else:
        assert response.status_code == 403
        expected = "尚未开始" if offset == "open-1s" else "截止，不再接收意见"
        assert expected in html(response)
        # The visitor's words are kept on the page to copy.
        assert TEXT in html(response)


def test_a_post_to_a_terminated_notice_is_refused(client, notice):
    MajorDecisionPage.objects.filter(pk=notice.pk).update(
        terminated_on=timezone.localdate(), termination_reason="不再推进。"
    )
    response = post(client, notice)
    assert response.status_code == 403
    assert "已终止" in html(response)
    assert not PublicComment.objects.exists()


def test_a_draft_notice_takes_no_comments(client, section, department):
    page = MajorDecisionPageFactory(parent=section, issuing_department=department, published=False)
    response = client.post(f"/decisions/{page.slug}/", payload())
    assert response.status_code == 404
    assert not PublicComment.objects.exists()


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写意见内容"),
        ("   \n  ", "请填写意见内容"),
        ("太贵了。", "至少 10 个字，您填写了 4 个字"),
        ("长" * 2001, "最多 2000 个字，您填写了 2001 个字"),
    ],
    ids=["empty", "blank", "too-short", "too-long"],
)
def test_bad_text_is_refused_with_a_chinese_message(client, notice, text, message):
    response = post(client, notice, text=text)
    assert response.status_code == 200
    assert message in html(response)
    assert 'class="error-summary"' in html(response)
    assert 'href="#id_text"' in html(response)
    assert 'aria-describedby="id_text_helptext id_text_error"' in html(response)
    assert not PublicComment.objects.exists()


def test_text_length_limits_are_inclusive_and_count_a_line_break_once(client, notice):
    assert post(client, notice, text="一" * 10).status_code == 200
    assert post(client, notice, text="二" * 1000 + "\r\n" + "三" * 999).status_code == 200
    assert PublicComment.objects.count() == 2
    assert len(PublicComment.objects.get(text__startswith="二").text) == 2000


def test_wrong_captcha_keeps_the_text_and_shows_a_new_challenge(client, notice):
    response = post(client, notice, captcha_1="0")
    assert "验证码不正确" in html(response)
    assert TEXT in html(response)
    assert 'name="captcha_0" value="test-key"' not in html(response)
    assert not PublicComment.objects.exists()


def test_filled_honeypot_is_refused_and_nothing_saved(client, notice):
    response = post(client, notice, website="http://spam.example")
    assert "隐藏栏目被填写" in html(response)
    assert TEXT in html(response)
    assert not PublicComment.objects.exists()


def test_invalid_contact_and_sector_are_refused(client, notice):
    response = post(client, notice, contact="call me maybe", sector="martians")
    assert "请填写有效的电话号码" in html(response)
    assert "请从列表中选择界别" in html(response)
    assert not PublicComment.objects.exists()


def test_contact_may_be_an_email_or_left_out(client, notice):
    post(client, notice, contact="zhang@example.com")
    post(client, notice, contact="", name="")
    assert PublicComment.objects.count() == 2


def test_too_many_posts_from_one_address_are_refused(client, notice):
    for _ in range(views.COMMENT_RATE_LIMIT):
        assert post(client, notice).status_code == 200
    response = post(client, notice, text="第十一条意见：建议公布停车泊位的实时空余数量。")
    assert response.status_code == 429
    assert "提交过于频繁" in html(response)
    assert "建议公布停车泊位的实时空余数量" in html(response)
    assert PublicComment.objects.count() == views.COMMENT_RATE_LIMIT
    # Another address is not affected.
    assert post(client, notice, ip="198.51.100.7").status_code == 200


# -- double submission ---------------------------------------------------------------------------


def test_a_double_click_saves_one_comment_and_shows_the_same_receipt(client, notice):
    token = str(uuid.uuid4())
    first = post(client, notice, submission_token=token)
    second = post(client, notice, submission_token=token)
    comment = PublicComment.objects.get()
    assert comment.receipt_number in html(first)
    assert comment.receipt_number in html(second)


def test_the_token_is_checked_before_the_captcha(client, notice):
    """The second request of a double click carries a captcha key the first one used up."""
    token = str(uuid.uuid4())
    post(client, notice, submission_token=token)
    again = post(client, notice, submission_token=token, captcha_1="wrong")
    assert "验证码不正确" not in html(again)
    assert PublicComment.objects.get().receipt_number in html(again)


def test_a_repeated_post_after_the_close_still_shows_its_receipt(client, notice):
    token = str(uuid.uuid4())
    post(client, notice, submission_token=token)
    with mock.patch(
        "django.utils.timezone.now", return_value=notice.closes_at + datetime.timedelta(hours=1)
    ):
        again = post(client, notice, submission_token=token)
    assert again.status_code == 200
    assert PublicComment.objects.get().receipt_number in html(again)


def test_a_malformed_token_is_replaced_not_an_error(client, notice):
    response = post(client, notice, submission_token="not-a-uuid")
    assert response.status_code == 200
    assert PublicComment.objects.get().submission_token is None


# -- privacy -------------------------------------------------------------------------------------


def test_personal_data_is_never_public(client, notice):
    post(client, notice, text="我叫王小明，电话13812345678，建议延长免费时段到 60 分钟。")
    comment = PublicComment.objects.get()
    comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
    page_html = html(client.get(notice.url))
    assert "王某某" in page_html and "138****5678" in page_html
    MajorDecisionPage.objects.filter(pk=notice.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    notice = MajorDecisionPage.objects.get(pk=notice.pk)
    assert notice.status() == DecisionStatus.CLOSED
    for response in (
        client.get(notice.url),
        client.get(notice.url + "?format=json"),
        client.get(notice.url + "?format=csv"),
        client.get("/api/v2/pages/?type=decisions.MajorDecisionPage&fields=*"),
    ):
        body = response.content.decode("utf-8-sig")
        assert response.status_code == 200
        assert "王小明" not in body and "13812345678" not in body
