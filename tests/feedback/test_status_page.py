"""The status page: look-up with tracking number and query code, the timeline, the rating."""

import re
import time

import pytest

from feedback.factories import ComplaintFactory, advance
from feedback.models import Action, Complaint, Rating, Status
from feedback.views import STATUS_ACCESS_SECONDS, STATUS_SESSION_KEY

pytestmark = pytest.mark.django_db

URL = "/complaints/status/"
CODE = "ABCD2345"
WRONG = "投诉编号或查询码不正确"


@pytest.fixture
def complaint(market, complaint_page):
    return ComplaintFactory(department=market, query_code=CODE, name="张三")


def look_up(client, number, code, **extra):
    return client.post(
        URL, {"action": "lookup", "tracking_number": number, "query_code": code}, **extra
    )


def test_status_page_is_never_cached_and_asks_for_number_and_code(client, complaint_page):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'for="id_tracking_number"' in html and 'for="id_query_code"' in html


def test_right_number_and_code_show_the_timeline(client, complaint, market_handler):
    advance(complaint, Status.ACCEPTED, actor=market_handler)
    response = look_up(client, complaint.tracking_number.lower(), "abcd-2345")
    assert response.status_code == 303
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert complaint.tracking_number in html
    assert "办理中" in html and "已受理" in html and "由示例县市场监督管理局承办" in html
    # Handlers are never named to the public.
    assert market_handler.username not in html


def test_wrong_number_and_wrong_code_give_the_same_error(client, complaint):
    wrong_code = look_up(client, complaint.tracking_number, "ZZZZ2345")
    wrong_number = look_up(client, "TS209901010001", CODE)
    for response in (wrong_code, wrong_number):
        assert response.status_code == 200
        assert WRONG in response.content.decode()
        assert "办理过程" not in response.content.decode()
    strip = lambda r: re.sub(r'value="[^"]*"', "", r.content.decode())  # noqa: E731
    strip_csrf = lambda html: re.sub(r"csrfmiddlewaretoken[^>]*>", "", html)  # noqa: E731
    assert strip_csrf(strip(wrong_code)) == strip_csrf(strip(wrong_number))


def test_empty_fields_get_their_own_errors(client, complaint_page):
    response = client.post(URL, {"action": "lookup", "tracking_number": "", "query_code": ""})
    html = response.content.decode()
    assert "请填写投诉编号" in html and "请填写查询码" in html
    assert 'href="#id_tracking_number"' in html


def test_the_timeline_needs_a_recent_look_up_in_this_browser(client, complaint):
    assert "办理过程" not in client.get(f"{URL}?no={complaint.tracking_number}").content.decode()
    look_up(client, complaint.tracking_number, CODE)
    assert "办理过程" in client.get(f"{URL}?no={complaint.tracking_number}").content.decode()
    session = client.session
    session[STATUS_SESSION_KEY] = {str(complaint.pk): time.time() - STATUS_ACCESS_SECONDS - 1}
    session.save()
    assert "办理过程" not in client.get(f"{URL}?no={complaint.tracking_number}").content.decode()


def rate(client, complaint, rating, comment=""):
    return client.post(
        URL,
        {
            "action": "rate",
            "tracking_number": complaint.tracking_number,
            "rating": rating,
            "comment": comment,
        },
    )


def test_satisfied_rating_closes_the_complaint(client, complaint, market_handler):
    advance(complaint, Status.REPLIED, actor=market_handler)
    look_up(client, complaint.tracking_number, CODE)
    page = client.get(f"{URL}?no={complaint.tracking_number}").content.decode()
    assert 'id="rating-heading"' in page and "经核查，情况属实" in page
    response = rate(client, complaint, Rating.SATISFIED, "谢谢<b>及时</b>处理")
    assert response.status_code == 303
    complaint.refresh_from_db()
    assert complaint.status == Status.CLOSED and complaint.rating == Rating.SATISFIED
    page = client.get(response["Location"]).content.decode()
    assert "感谢您的评价" in page
    assert "谢谢&lt;b&gt;及时&lt;/b&gt;处理" in page
    assert 'id="rating-heading"' not in page


def test_dissatisfied_reopens_once_then_goes_to_the_supervisors(client, complaint, market_handler):
    advance(complaint, Status.REPLIED, actor=market_handler)
    look_up(client, complaint.tracking_number, CODE)
    assert rate(client, complaint, Rating.DISSATISFIED, "问题没有解决").status_code == 303
    complaint.refresh_from_db()
    assert complaint.status == Status.REOPENED
    page = client.get(f"{URL}?no={complaint.tracking_number}").content.decode()
    assert "投诉人不满意，已重新办理" in page
    from feedback.services import complaint_reply

    complaint_reply(complaint=complaint, actor=market_handler, reply="再次核查后的答复内容。")
    page = client.get(f"{URL}?no={complaint.tracking_number}").content.decode()
    assert "转县效能督查部门处理" in page  # the form warns what a second 不满意 does
    rate(client, complaint, Rating.DISSATISFIED, "仍然没有解决")
    complaint.refresh_from_db()
    assert complaint.status == Status.ESCALATED
    actions = list(complaint.events.values_list("action", flat=True))
    assert actions[-2:] == [Action.RATE, Action.ESCALATE]


def test_dissatisfied_needs_a_reason(client, complaint, market_handler):
    advance(complaint, Status.REPLIED, actor=market_handler)
    look_up(client, complaint.tracking_number, CODE)
    response = rate(client, complaint, Rating.DISSATISFIED, "")
    assert "请说明不满意的原因" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == Status.REPLIED


def test_rating_is_refused_before_a_reply_and_without_a_look_up(client, complaint):
    assert rate(client, complaint, Rating.SATISFIED).status_code == 403
    look_up(client, complaint.tracking_number, CODE)
    response = rate(client, complaint, Rating.SATISFIED)
    assert response.status_code == 409
    assert "不能进行“满意度评价”操作" in response.content.decode()
    assert Complaint.objects.get().status == Status.SUBMITTED


def test_bad_rating_values_are_refused(client, complaint, market_handler):
    advance(complaint, Status.REPLIED, actor=market_handler)
    look_up(client, complaint.tracking_number, CODE)
    response = rate(client, complaint, "excellent")
    assert "请选择满意、基本满意或不满意" in response.content.decode()


def timeline(client, complaint):
    look_up(client, complaint.tracking_number, CODE)
    return client.get(f"{URL}?no={complaint.tracking_number}").content.decode()


def test_timeline_shows_rejection_with_its_reason(client, complaint, market_handler):
    from feedback.services import complaint_reject

    complaint_reject(complaint=complaint, actor=market_handler, reason="已进入<b>诉讼</b>程序。")
    html = timeline(client, complaint)
    assert "不予受理" in html and "已进入&lt;b&gt;诉讼&lt;/b&gt;程序。" in html


def test_timeline_shows_extension_referral_and_review_outcome(
    client, complaint, market_handler, chief, transport
):
    from feedback import services

    complaint = advance(complaint, Status.ACCEPTED, actor=market_handler)
    services.complaint_extend(
        complaint=complaint, actor=market_handler, days=5, reason="需要调取监控录像。"
    )
    services.complaint_assign(
        complaint=complaint, actor=chief, department=transport, reason="内部调整，不对外"
    )
    complaint.refresh_from_db()
    services.complaint_refer(complaint=complaint, actor=chief, reason="内部：涉嫌违纪")
    services.complaint_record_review_outcome(complaint=complaint, actor=chief, outcome="通报批评")
    html = timeline(client, complaint)
    assert "延期办理" in html and "需要调取监控录像。" in html
    assert "由示例县交通运输局承办" in html
    assert "转入问责审查" in html and "问责审查结果" in html and "通报批评" in html
    # Internal notes (reassignment and referral reasons) stay in the admin.
    assert "内部调整，不对外" not in html and "内部：涉嫌违纪" not in html
    assert chief.username not in html
